package dev.jnsc.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Operator JWT claims: signing keys, service URLs, account server, system account, tags. */
public final class OperatorClaims extends Claims {
    private static final Set<String> FIELDS = Set.of("signing_keys", "account_server_url", "operator_service_urls",
            "system_account", "assert_server_version", "strict_signing_key_usage", "tags");

    private final List<String> signingKeys = new ArrayList<>();
    private String accountServerUrl = "";
    private final List<String> serviceUrls = new ArrayList<>();
    private String systemAccount = "";
    private String assertServerVersion = "";
    private boolean strictSigningKeyUsage;
    private final List<String> tags = new ArrayList<>();

    @Override
    public String type() {
        return "operator";
    }

    public List<String> signingKeys() {
        return signingKeys;
    }

    public String accountServerUrl() {
        return accountServerUrl;
    }

    public OperatorClaims accountServerUrl(String v) {
        accountServerUrl = v == null ? "" : v;
        return this;
    }

    public List<String> serviceUrls() {
        return serviceUrls;
    }

    public String systemAccount() {
        return systemAccount;
    }

    public OperatorClaims systemAccount(String v) {
        systemAccount = v == null ? "" : v;
        return this;
    }

    public String assertServerVersion() {
        return assertServerVersion;
    }

    public boolean strictSigningKeyUsage() {
        return strictSigningKeyUsage;
    }

    public OperatorClaims strictSigningKeyUsage(boolean v) {
        strictSigningKeyUsage = v;
        return this;
    }

    public List<String> tags() {
        return tags;
    }

    /** True when {@code key} is this operator's identity or one of its signing keys. */
    public boolean didSign(String key) {
        return subject().equals(key) || signingKeys.contains(key);
    }

    @Override
    void writeBody(JsonWriter w) {
        // a plain list in Go (StringList, no MarshalJSON): written in its own order, not sorted
        w.field("signing_keys", signingKeys)
                .field("account_server_url", accountServerUrl)
                .field("operator_service_urls", serviceUrls)
                .field("system_account", systemAccount)
                .field("assert_server_version", assertServerVersion)
                .field("strict_signing_key_usage", strictSigningKeyUsage)
                .field("tags", tags);
    }

    @Override
    void readBody(Map<String, Object> n, int version) {
        signingKeys.addAll(Json.strings(n, "signing_keys"));
        accountServerUrl = Json.str(n, "account_server_url");
        serviceUrls.addAll(Json.strings(n, "operator_service_urls"));
        systemAccount = Json.str(n, "system_account");
        assertServerVersion = Json.str(n, "assert_server_version");
        strictSigningKeyUsage = Json.bool(n, "strict_signing_key_usage");
        tags.addAll(Json.strings(n, "tags"));
    }

    @Override
    Set<String> knownFields() {
        return FIELDS;
    }
}
