package dev.jnsc.ops;

import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.Permission;
import dev.jnsc.jwt.Permissions;
import dev.jnsc.jwt.TimeRange;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.jwt.UserPermissionLimits;
import dev.jnsc.nkeys.Base32;
import dev.jnsc.nkeys.Crc16;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The checks one JWT passes or fails on its own, without the store: those of the jwt library's
 * {@code Validate} (which the Go nsc's validate runs) and the validity times. Account bodies are
 * checked by {@link AccountChecks}; what JWTs say about each other by {@link ValidateOps}.
 */
final class ClaimChecks {
    private static final Set<String> SERVICE_SCHEMES = Set.of("nats", "tls", "ws", "wss");
    private static final int CURVE_PREFIX = 23 << 3;

    private ClaimChecks() {
    }

    /** Expired or not yet valid, as of {@code now}: a server refuses the JWT. */
    static void times(Claims c, long now, Findings f) {
        if (c.expires() > 0 && c.expires() <= now) {
            f.error("the JWT expired at " + TimeSpec.format(c.expires()));
        }
        if (c.notBefore() > 0 && c.notBefore() > now) {
            f.error("the JWT is not valid before " + TimeSpec.format(c.notBefore()));
        }
    }

    static void operator(OperatorClaims o, long now, Findings f) {
        times(o, now, f);
        if (!o.accountServerUrl().isEmpty()) {
            String problem = urlProblem(o.accountServerUrl(), false);
            if (problem != null) {
                f.error("account server url \"" + o.accountServerUrl() + "\" " + problem);
            }
        }
        for (String u : o.serviceUrls()) {
            String problem = u.isEmpty() ? null : urlProblem(u, true);
            if (problem != null) {
                f.error("operator service url \"" + u + "\" " + problem);
            }
        }
        for (String k : o.signingKeys()) {
            if (!NKey.isValidPublicKey(k, KeyKind.OPERATOR)) {
                f.error("signing key \"" + k + "\" is not an operator public key");
            }
        }
        if (!o.systemAccount().isEmpty() && !NKey.isValidPublicKey(o.systemAccount(), KeyKind.ACCOUNT)) {
            f.error("system account \"" + o.systemAccount() + "\" is not an account public key");
        }
        if (!o.assertServerVersion().isEmpty() && !o.assertServerVersion().matches("\\+?\\d+\\.\\+?\\d+\\.\\+?\\d+")) {
            f.error("assert server version \"" + o.assertServerVersion() + "\" is not a version major.minor.patch");
        }
        if (!o.didSign(o.issuer())) {
            f.error("the operator JWT is signed by " + o.issuer() + ", which is neither the operator's identity key nor"
                    + " one of its signing keys");
        }
    }

    /** Why a URL is unusable: it cannot be parsed, has no scheme, or (service URLs) breaks the service URL rules. */
    private static String urlProblem(String url, boolean service) {
        URI u;
        try {
            u = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "cannot be parsed: " + e.getReason();
        }
        if (u.getScheme() == null) {
            return "has no protocol (such as nats://)";
        }
        if (!service) {
            return null;
        }
        if (!SERVICE_SCHEMES.contains(u.getScheme().toLowerCase(Locale.ROOT))) {
            return "has protocol \"" + u.getScheme() + "\": only nats, tls, ws and wss are supported";
        }
        if (u.getRawUserInfo() != null) {
            return "has credentials, which are not supported";
        }
        if (u.getRawPath() != null && !u.getRawPath().isEmpty()) {
            return "has a path, which is not supported";
        }
        return null;
    }

    static void user(UserClaims u, long now, Findings f) {
        times(u, now, f);
        UserPermissionLimits p = u.permissions();
        permissions(p.permissions(), f);
        for (String cidr : p.src()) {
            try {
                if (cidr.indexOf('/') < 0) {
                    throw new OpsException("src \"" + cidr + "\" is invalid: expected a CIDR with a prefix length, such as"
                            + " 192.168.1.7/32");
                }
                Values.cidr("src", cidr);
            } catch (OpsException e) {
                f.error(e.getMessage());
            }
        }
        for (TimeRange t : p.times()) {
            if (!isClock(t.start()) || !isClock(t.end())) {
                f.error("time range \"" + t.start() + "-" + t.end() + "\" is invalid: expected hh:mm:ss-hh:mm:ss");
            }
        }
        if (!p.timesLocation().isEmpty()) {
            try {
                Values.timeZone("times_location", p.timesLocation());
            } catch (OpsException e) {
                f.error(e.getMessage());
            }
        }
        if (!u.issuerAccount().isEmpty() && !NKey.isValidPublicKey(u.issuerAccount(), KeyKind.ACCOUNT)) {
            f.error("issuer_account \"" + u.issuerAccount() + "\" is not an account public key");
        }
    }

    /** Go's "15:04:05": an hour of one or two digits, minutes and seconds of two. */
    private static boolean isClock(String t) {
        if (!t.matches("\\d{1,2}:\\d{2}:\\d{2}")) {
            return false;
        }
        String[] p = t.split(":");
        return Integer.parseInt(p[0]) < 24 && Integer.parseInt(p[1]) < 60 && Integer.parseInt(p[2]) < 60;
    }

    /** The jwt library's permission rules: valid subjects, a queue only in subscribe permissions. */
    static void permissions(Permissions p, Findings f) {
        permission(p.pub(), "publish", false, f);
        permission(p.sub(), "subscribe", true, f);
    }

    private static void permission(Permission p, String kind, boolean queue, Findings f) {
        for (java.util.List<String> list : java.util.List.of(p.allow(), p.deny())) {
            for (String s : list) {
                String[] parts = s.split(" ", -1);
                if (parts.length > 2) {
                    f.error(kind + " permission \"" + s + "\" has too many spaces");
                    continue;
                }
                for (String part : parts) {
                    String problem = Subjects.libraryProblem(part);
                    if (problem != null) {
                        f.error(kind + " permission \"" + s + "\": " + problem);
                    }
                }
                if (parts.length == 2 && !queue) {
                    f.error(kind + " permission \"" + s + "\" has a queue, which only subscribe permissions may have");
                }
            }
        }
    }

    /** An activation on its own; {@code withTimes} false when it is checked as an import's token. */
    static void activation(ActivationClaims a, long now, boolean withTimes, Findings f) {
        if (withTimes) {
            times(a, now, f);
        }
        if (a.importType() == null) {
            f.error("the activation has no kind (expected stream or service)");
        }
        String problem = Subjects.libraryProblem(a.importSubject());
        if (problem != null) {
            f.error("the activation's subject: " + problem);
        }
        if (!a.issuerAccount().isEmpty() && !NKey.isValidPublicKey(a.issuerAccount(), KeyKind.ACCOUNT)) {
            f.error("issuer_account \"" + a.issuerAccount() + "\" is not an account public key");
        }
    }

    /** An X25519 public key ("X..."), which the nkeys of this project do not otherwise handle. */
    static boolean isCurveKey(String key) {
        if (key.length() != 56 || key.charAt(0) != 'X') {
            return false;
        }
        byte[] raw = Base32.decode(key);
        if (raw == null || raw.length != 35 || (raw[0] & 0xFF) != CURVE_PREFIX) {
            return false;
        }
        int crc = (raw[33] & 0xFF) | (raw[34] & 0xFF) << 8;
        return Crc16.of(raw, 0, 33) == crc;
    }
}
