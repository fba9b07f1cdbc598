package dev.jnsc.jwt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** User JWT claims: permissions and limits, issuer_account when a signing key signed, tags. */
public final class UserClaims extends Claims {
    private static final Set<String> FIELDS;

    static {
        Set<String> f = new HashSet<>(UserPermissionLimits.FIELDS);
        f.add("issuer_account");
        f.add("tags");
        FIELDS = Set.copyOf(f);
    }

    private final UserPermissionLimits permissions = new UserPermissionLimits();
    private String issuerAccount = "";
    private final List<String> tags = new ArrayList<>();

    @Override
    public String type() {
        return "user";
    }

    public UserPermissionLimits permissions() {
        return permissions;
    }

    /** The account's identity key when a signing key issued this user, else empty. */
    public String issuerAccount() {
        return issuerAccount;
    }

    public UserClaims issuerAccount(String v) {
        issuerAccount = v == null ? "" : v;
        return this;
    }

    public List<String> tags() {
        return tags;
    }

    /** The account this user belongs to: issuer_account when set, else the issuer. */
    public String account() {
        return issuerAccount.isEmpty() ? issuer() : issuerAccount;
    }

    @Override
    void writeBody(JsonWriter w) {
        permissions.write(w);
        w.field("issuer_account", issuerAccount).field("tags", tags);
    }

    @Override
    void readBody(Map<String, Object> n, int version) {
        permissions.read(n, version);
        issuerAccount = Json.str(n, "issuer_account");
        tags.addAll(Json.strings(n, "tags"));
    }

    @Override
    Set<String> knownFields() {
        return FIELDS;
    }
}
