package dev.jnsc.jwt;

import dev.jnsc.nkeys.Base32;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Activation token: grants the subject account an import of a private export. The {@code nats}
 * body is {@code subject, kind, issuer_account, tags}, each left out when empty. {@code iss} is the
 * exporting account or one of its signing keys (then {@code issuer_account} names the account).
 */
public final class ActivationClaims extends Claims {
    /** The v2 fields, and the v1 limits (max, payload, src, times) that migration drops as Go's does. */
    private static final Set<String> FIELDS = Set.of("subject", "kind", "issuer_account", "tags", "max", "payload", "src",
            "times");

    private String importSubject = "";
    private ExportType kind;
    private String issuerAccount = "";
    private final List<String> tags = new ArrayList<>();

    @Override
    public String type() {
        return "activation";
    }

    /** The export subject the activation grants (JSON {@code subject}). */
    public String importSubject() {
        return importSubject;
    }

    public ActivationClaims importSubject(String v) {
        importSubject = v == null ? "" : v;
        return this;
    }

    /** "stream", "service", or "" when the token gave no kind. */
    public String kind() {
        return ExportType.json(kind);
    }

    /** Sets the kind from its JSON value ("stream", "service" or ""); fails for anything else. */
    public ActivationClaims kind(String v) {
        kind = ExportType.fromJson(v, "activation kind");
        return this;
    }

    /** The kind as a type; null when the token gave none. */
    public ExportType importType() {
        return kind;
    }

    public ActivationClaims importType(ExportType v) {
        kind = v;
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

    /**
     * The Go library's {@code HashID}: the name under which account servers store this activation.
     * Needs the issuer, so call it on decoded claims or after encoding.
     */
    public String hashId() {
        return hashId(issuer(), subject(), importSubject);
    }

    /**
     * Base32 (standard alphabet, with padding) of SHA-256 over {@code "<iss>.<sub>.<subject>"},
     * where the subject is cut before its first wildcard token ({@code foo.*.bar} gives {@code foo})
     * and is {@code _} when it starts with one.
     */
    public static String hashId(String issuer, String subject, String importSubject) {
        if (issuer == null || issuer.isEmpty() || subject == null || subject.isEmpty() || importSubject == null
                || importSubject.isEmpty()) {
            throw new JwtException("activation hash id: expected an issuer, a subject and an import subject, found iss "
                    + Json.quote(String.valueOf(issuer)) + ", sub " + Json.quote(String.valueOf(subject)) + ", subject "
                    + Json.quote(String.valueOf(importSubject)));
        }
        String base = issuer + "." + subject + "." + subjectBeforeWildcards(importSubject);
        byte[] sha;
        try {
            sha = MessageDigest.getInstance("SHA-256").digest(base.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        StringBuilder b32 = new StringBuilder(56).append(Base32.encode(sha));
        while (b32.length() % 8 != 0) {
            b32.append('=');
        }
        return b32.toString();
    }

    /** Go's {@code cleanSubject}: the tokens before the first "*" or ">" token; "_" if that is the first. */
    static String subjectBeforeWildcards(String subject) {
        int start = 0;
        while (start <= subject.length()) {
            int dot = subject.indexOf('.', start);
            int end = dot < 0 ? subject.length() : dot;
            if (end - start == 1 && (subject.charAt(start) == '*' || subject.charAt(start) == '>')) {
                if (start == 0) {
                    return "_";
                }
                String cut = subject.substring(0, start - 1);
                return cut.isEmpty() ? subject : cut;
            }
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return subject;
    }

    @Override
    void writeBody(JsonWriter w) {
        w.field("subject", importSubject).field("kind", ExportType.json(kind)).field("issuer_account", issuerAccount)
                .field("tags", tags);
    }

    @Override
    void readBody(Map<String, Object> n, int version) {
        importSubject = Json.str(n, "subject");
        // v1 kept the import type in nats.type (the claim type was top level)
        kind = ExportType.fromJson(Json.str(n, version == 1 ? "type" : "kind"), "activation \"" + importSubject + "\"");
        issuerAccount = Json.str(n, "issuer_account");
        tags.addAll(Json.strings(n, "tags"));
    }

    @Override
    Set<String> knownFields() {
        return FIELDS;
    }
}
