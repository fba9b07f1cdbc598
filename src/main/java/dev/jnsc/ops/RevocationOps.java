package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.OperatorStore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** revocations add-user | delete-user | list-users: the account's list of revoked user keys. */
public final class RevocationOps {
    private RevocationOps() {
    }

    /** @param user a user name (-n) or null; @param publicKey a user key (-u) or null; @param at RFC 3339, unix seconds or 0 */
    public record Revoke(String account, String user, String publicKey, String at, String signer) {
    }

    public static Report add(Workspace ws, Revoke req) {
        Target t = target(ws, req);
        long at = at(req.at(), ws.now());
        t.ac.revocations().put(t.key, at);
        Report r = new Report();
        r.ok("revoked user " + t.label + " issued before " + TimeSpec.render(at));
        r.change(Report.Change.of("created", "revocation").withName(req.user()).withPublicKey(t.key).withAccount(t.account));
        save(ws, t, req.signer(), r);
        return r;
    }

    public static Report delete(Workspace ws, Revoke req) {
        Target t = target(ws, req);
        if (t.ac.revocations().remove(t.key) == null) {
            throw new OpsException("user " + t.label + " is not revoked in account \"" + t.account + "\"");
        }
        Report r = new Report();
        r.ok("deleted the revocation of user " + t.label);
        r.change(Report.Change.of("deleted", "revocation").withName(req.user()).withPublicKey(t.key).withAccount(t.account));
        save(ws, t, req.signer(), r);
        return r;
    }

    /** The account's name (its key when the JWT has none) and its revocations. */
    public record Revoked(String account, Map<String, Long> revocations) {
    }

    /** Revoked keys of the account and the time before which their JWTs are refused. */
    public static Revoked list(Workspace ws, String account) {
        OperatorStore op = ws.operator(null);
        AccountClaims ac = op.account(ws.accountName(op, account));
        String name = ac.name() == null || ac.name().isEmpty() ? ac.subject() : ac.name();
        return new Revoked(name, new LinkedHashMap<>(ac.revocations()));
    }

    private static final class Target {
        OperatorStore op;
        String account;
        AccountClaims ac;
        String key;
        String label;
    }

    private static Target target(Workspace ws, Revoke req) {
        Target t = new Target();
        t.op = ws.operator(null);
        t.account = ws.accountName(t.op, req.account());
        t.ac = t.op.account(t.account);
        if ((req.user() == null) == (req.publicKey() == null)) {
            throw new OpsException("name the user with -n <name> or -u <public key> (one of them)");
        }
        if (req.publicKey() != null) {
            String k = req.publicKey().trim();
            if (!k.equals("*")) {
                NKey.fromPublicKey(k, KeyKind.USER);
            }
            t.key = k;
            t.label = k.equals("*") ? "\"*\" (every user)" : k;
        } else {
            t.key = t.op.user(t.account, req.user()).subject();
            t.label = "\"" + req.user() + "\" (" + t.key + ")";
        }
        return t;
    }

    /** --at: 0 or absent is now, else unix seconds or RFC 3339 (also used for activation revocations). */
    static long at(String value, long now) {
        if (value == null || value.trim().equals("0") || value.isBlank()) {
            return now;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(v);
        }
        try {
            return Instant.parse(v).getEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(v).toEpochSecond();
            } catch (DateTimeParseException e2) {
                throw new OpsException("--at \"" + value + "\" is invalid: expected 0 (now), unix seconds or an RFC 3339 "
                        + "time such as 2026-01-02T15:04:05Z");
            }
        }
    }

    private static void save(Workspace ws, Target t, String signerArg, Report r) {
        Signers.resignAccount(ws, t.op, t.account, t.ac, signerArg);
        r.ok("edited account \"" + t.account + "\" - push it so that servers apply the change");
    }
}
