package dev.jnsc.jwt;

import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Encodes and signs NATS JWT v2 tokens; decodes and verifies v2 and (leniently) v1 tokens. */
public final class Jwt {
    static final String HEADER = "{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}";
    private static final String HEADER_B64 = b64(HEADER.getBytes(StandardCharsets.UTF_8));
    /** Tokens above this size are refused, as the Go library does. */
    public static final int MAX_TOKEN_BYTES = 1 << 20;

    private Jwt() {
    }

    /**
     * Signs {@code claims} with {@code signer}: sets {@code iss}, {@code iat} ({@code nowSeconds})
     * and {@code jti} exactly as the Go library does, and returns the token.
     */
    public static String encode(Claims claims, NKey signer, long nowSeconds) {
        if (!signer.hasSeed()) {
            throw new JwtException("cannot sign with " + signer.publicKey() + ": its seed is not available");
        }
        claims.issuer(signer.publicKey());
        claims.issuedAt(nowSeconds);
        claims.id(computeId(claims));
        String signingInput = HEADER_B64 + "." + b64(claims.toJson().getBytes(StandardCharsets.UTF_8));
        byte[] sig = signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(sig);
    }

    /** jti: base32 (no padding) of SHA-512/256 over the standard claims without jti. */
    static String computeId(Claims claims) {
        byte[] h = dev.jnsc.nkeys.Sha512.sha512t256().digest(claims.standardJsonForId().getBytes(StandardCharsets.UTF_8));
        return dev.jnsc.nkeys.Base32.encodeToString(h);
    }

    /** Decodes and verifies a token; the issuer must be a key that may sign its claim type. */
    public static Decoded decode(String token) {
        if (token == null) {
            throw new JwtException("no JWT given");
        }
        token = token.trim();
        if (token.length() > MAX_TOKEN_BYTES) {
            throw new JwtException("JWT is larger than 1 MiB");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new JwtException("not a JWT: expected 3 chunks separated by '.', found " + parts.length);
        }
        Map<String, Object> header = Json.parseObject(b64decode(parts[0], "header"));
        String typ = Json.str(header, "typ");
        String alg = Json.str(header, "alg");
        if (!typ.equalsIgnoreCase("JWT")) {
            throw new JwtException("not a NATS JWT: header typ is " + Json.quote(typ) + ", expected \"JWT\"");
        }
        if (!alg.equalsIgnoreCase("ed25519-nkey") && !alg.equalsIgnoreCase("ed25519")) {
            throw new JwtException("unsupported JWT algorithm " + Json.quote(alg) + ", expected \"ed25519-nkey\"");
        }
        byte[] payloadBytes = b64decode(parts[1], "payload");
        Map<String, Object> payload = Json.parseObject(payloadBytes);
        int version = version(payload);
        byte[] sig = b64decode(parts[2], "signature");
        String iss = Json.str(payload, "iss");
        NKey issuer;
        try {
            issuer = NKey.fromPublicKey(iss);
        } catch (NKeyException e) {
            throw new JwtException("JWT issuer is not a valid public key: " + e.getMessage());
        }
        String signed = version == 1 ? parts[1] : parts[0] + "." + parts[1];
        if (!issuer.verify(signed.getBytes(StandardCharsets.US_ASCII), sig)) {
            throw new JwtException("JWT signature verification failed: the token was altered or not signed by " + iss);
        }
        Claims claims = claimsFor(payload);
        claims.readStandard(payload);
        Map<String, Object> nats = Json.map(payload, "nats");
        claims.readNats(nats == null ? Map.of() : nats, version);
        if (version == 1) {
            copyV1TopLevel(payload, claims);
        }
        checkIssuerKind(claims, issuer.kind());
        return new Decoded(claims, version, token, payload);
    }

    /** The {@code sub} of a token, read without verifying it (for consistency checks only). */
    public static String subjectOf(String token) {
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw new JwtException("not a JWT: expected 3 chunks separated by '.', found " + parts.length);
        }
        return Json.str(Json.parseObject(b64decode(parts[1], "payload")), "sub");
    }

    private static int version(Map<String, Object> payload) {
        if (payload.containsKey("type")) {
            return 1;
        }
        Map<String, Object> nats = Json.map(payload, "nats");
        long v = nats == null ? 1 : Json.num(nats, "version");
        if (v > 2) {
            throw new JwtException("JWT version " + v + " is newer than this tool understands (2)");
        }
        return v == 2 ? 2 : 1;
    }

    /** As Go's identifier.Kind(): the top-level type of v1 tokens, else {@code nats.type}, whatever the version. */
    private static Claims claimsFor(Map<String, Object> payload) {
        String type = Json.str(payload, "type");
        if (type.isEmpty()) {
            Map<String, Object> nats = Json.map(payload, "nats");
            type = nats == null ? "" : Json.str(nats, "type");
        }
        switch (type) {
            case "operator":
                return new OperatorClaims();
            case "account":
                return new AccountClaims();
            case "user":
                return new UserClaims();
            case "activation":
                return new ActivationClaims();
            default:
                return new GenericClaims(type);
        }
    }

    private static void copyV1TopLevel(Map<String, Object> payload, Claims claims) {
        if (claims instanceof UserClaims && payload.containsKey("issuer_account")) {
            ((UserClaims) claims).issuerAccount(Json.str(payload, "issuer_account"));
        }
        if (claims instanceof ActivationClaims && payload.containsKey("issuer_account")) {
            ((ActivationClaims) claims).issuerAccount(Json.str(payload, "issuer_account"));
        }
        java.util.List<String> tags = payload.containsKey("tags") ? Json.strings(payload, "tags") : java.util.List.of();
        if (claims instanceof OperatorClaims) {
            ((OperatorClaims) claims).tags().addAll(tags);
        } else if (claims instanceof AccountClaims) {
            ((AccountClaims) claims).tags().addAll(tags);
        } else if (claims instanceof UserClaims) {
            ((UserClaims) claims).tags().addAll(tags);
        } else if (claims instanceof ActivationClaims) {
            ((ActivationClaims) claims).tags().addAll(tags);
        }
    }

    /** Issuer rules of the Go library's ExpectedPrefixes. */
    private static void checkIssuerKind(Claims c, KeyKind issuer) {
        boolean ok;
        String expected;
        if (c instanceof OperatorClaims) {
            ok = issuer == KeyKind.OPERATOR;
            expected = "an operator";
        } else if (c instanceof AccountClaims || c instanceof ActivationClaims) {
            ok = issuer == KeyKind.OPERATOR || issuer == KeyKind.ACCOUNT;
            expected = "an operator or account";
        } else if (c instanceof UserClaims) {
            ok = issuer == KeyKind.ACCOUNT;
            expected = "an account";
        } else {
            ok = true;
            expected = "";
        }
        if (!ok) {
            throw new JwtException(c.type() + " JWT issued by a " + issuer.label() + " key, expected " + expected + " key");
        }
    }

    static String b64(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    /** URL-safe base64, padding tolerated (old v1 tokens carry it). */
    private static byte[] b64decode(String part, String what) {
        String p = part;
        int pad = p.indexOf('=');
        if (pad >= 0) {
            p = p.substring(0, pad);
        }
        try {
            return Base64.getUrlDecoder().decode(p);
        } catch (IllegalArgumentException e) {
            throw new JwtException("JWT " + what + " is not valid base64url");
        }
    }

    /** A verified token with its claims, version (1 or 2) and parsed payload. */
    public static final class Decoded {
        private final Claims claims;
        private final int version;
        private final String token;
        private final Map<String, Object> payload;

        Decoded(Claims claims, int version, String token, Map<String, Object> payload) {
            this.claims = claims;
            this.version = version;
            this.token = token;
            this.payload = payload;
        }

        public Claims claims() {
            return claims;
        }

        public int version() {
            return version;
        }

        public String token() {
            return token;
        }

        /** The payload exactly as it was in the token, parsed. */
        public Map<String, Object> payload() {
            return payload;
        }

        public <T extends Claims> T as(Class<T> type, String what) {
            if (!type.isInstance(claims)) {
                throw new JwtException("expected " + what + " JWT, found " + describeType(claims.type()));
            }
            return type.cast(claims);
        }

        private static String describeType(String t) {
            return t.isEmpty() ? "a JWT without type" : "a JWT of type " + Json.quote(t);
        }
    }
}
