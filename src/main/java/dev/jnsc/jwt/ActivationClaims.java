package dev.jnsc.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Activation token: grants the subject account an import of a private export. */
public final class ActivationClaims extends Claims {
    private static final Set<String> FIELDS = Set.of("subject", "kind", "issuer_account", "tags");

    private String importSubject = "";
    private String kind = "";
    private String issuerAccount = "";
    private final List<String> tags = new ArrayList<>();

    @Override
    public String type() {
        return "activation";
    }

    public String importSubject() {
        return importSubject;
    }

    public ActivationClaims importSubject(String v) {
        importSubject = v == null ? "" : v;
        return this;
    }

    /** "stream" or "service". */
    public String kind() {
        return kind;
    }

    public ActivationClaims kind(String v) {
        kind = v == null ? "" : v;
        return this;
    }

    public String issuerAccount() {
        return issuerAccount;
    }

    public ActivationClaims issuerAccount(String v) {
        issuerAccount = v == null ? "" : v;
        return this;
    }

    public List<String> tags() {
        return tags;
    }

    @Override
    void writeBody(JsonWriter w) {
        w.field("subject", importSubject).field("kind", kind).field("issuer_account", issuerAccount).field("tags", tags);
    }

    @Override
    void readBody(Map<String, Object> n, int version) {
        importSubject = Json.str(n, "subject");
        kind = Json.str(n, "kind");
        issuerAccount = Json.str(n, "issuer_account");
        tags.addAll(Json.strings(n, "tags"));
    }

    @Override
    Set<String> knownFields() {
        return FIELDS;
    }
}
