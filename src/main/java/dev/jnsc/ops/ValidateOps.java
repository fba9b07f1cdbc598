package dev.jnsc.ops;

import dev.jnsc.fs.Disk;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.JetStreamLimits;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * validate: what the operator, accounts and users of the store (or the JWTs of a file) get wrong,
 * as errors and warnings per operator, account or JWT. Reads only; never needs the network.
 */
public final class ValidateOps {
    private ValidateOps() {
    }

    /** Exactly one way to choose: an account (null for the current one), all accounts, or a file. */
    public record Request(String account, boolean allAccounts, String file) {
    }

    /** The findings about one operator, account (with its users) or JWT, under a title such as {@code Account "A"}. */
    public record Section(String title, List<Findings.Finding> findings) {
    }

    public record Result(List<Section> sections) {
        public boolean hasErrors() {
            for (Section s : sections) {
                for (Findings.Finding f : s.findings()) {
                    if (f.severity() == Findings.Severity.ERROR) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    public static Result validate(Workspace ws, Request req) {
        return req.file() != null ? ValidateFile.validate(ws, ws.env().path(req.file())) : store(ws, req);
    }

    private static Result store(Workspace ws, Request req) {
        OperatorStore op = ws.operator(null);
        long now = ws.now();
        List<Section> sections = new ArrayList<>();
        Findings of = new Findings();
        OperatorClaims oc = null;
        try {
            oc = op.operator();
            ClaimChecks.operator(oc, now, of);
        } catch (StoreException | JwtException e) {
            of.error(e.getMessage());
        }
        sections.add(new Section("Operator \"" + op.name() + "\"", of.list()));
        Accounts accounts = new Accounts(op);
        for (String name : selected(ws, op, req)) {
            sections.add(new Section("Account \"" + name + "\"", account(op, name, oc, accounts, now).list()));
        }
        return new Result(sections);
    }

    private static List<String> selected(Workspace ws, OperatorStore op, Request req) {
        if (req.allAccounts()) {
            return op.accountNames();
        }
        if (req.account() != null) {
            return List.of(ws.accountName(op, req.account()));
        }
        if (op.accountNames().isEmpty()) {
            return List.of();
        }
        try {
            return List.of(ws.accountName(op, null));
        } catch (OpsException e) {
            return List.of(); // several accounts and none current: like the Go nsc, the operator alone
        }
    }

    private static Findings account(OperatorStore op, String name, OperatorClaims oc, Accounts accounts, long now) {
        Findings f = new Findings();
        AccountClaims ac = null;
        try {
            Jwt.Decoded d = op.decodeAccount(name);
            ac = d.as(AccountClaims.class, "an account");
            AccountChecks.account(ac, nats(d), now, accounts::label, f);
        } catch (StoreException | JwtException e) {
            f.error(e.getMessage());
        }
        if (ac != null) {
            if (oc != null) {
                accountSigner(ac, oc, "operator \"" + op.name() + "\"", f);
            }
            for (Import i : ac.imports()) {
                importAgainstExport(i, ac, accounts.find(i.account()), accounts.label(i.account()),
                        accounts.known(i.account()) ? "a readable form in this store" : "this store", now, f);
            }
        }
        boolean strict = oc != null && oc.strictSigningKeyUsage();
        for (String u : op.userNames(name)) {
            Findings uf = f.about("user \"" + u + "\"");
            try {
                UserClaims uc = op.user(name, u);
                ClaimChecks.user(uc, now, uf);
                if (ac != null) {
                    userSigner(uc, ac, strict, "account \"" + name + "\"", uf);
                }
            } catch (StoreException | JwtException e) {
                f.error(e.getMessage()); // names the user already
            }
        }
        return f;
    }

    static Map<String, Object> nats(Jwt.Decoded d) {
        Object n = d.payload().get("nats");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = n instanceof Map ? (Map<String, Object>) n : Map.of();
        return m;
    }

    /** Only the operator, or one of its signing keys when it requires them, may sign an account. */
    static void accountSigner(AccountClaims ac, OperatorClaims oc, String operator, Findings f) {
        String iss = ac.issuer();
        if (iss.equals(oc.subject())) {
            if (oc.strictSigningKeyUsage()) {
                f.error("the account JWT is signed by the identity key of " + operator + ", which requires signing keys:"
                        + " servers refuse it - re-sign it with an operator signing key");
            }
        } else if (!oc.signingKeys().contains(iss)) {
            f.error(iss.equals(ac.subject()) ? "the account JWT is self-signed: only " + operator + " or its signing keys"
                    + " can sign it" : "the account JWT is signed by " + iss + ", which is neither the identity key nor a"
                    + " signing key of " + operator);
        }
        if (ac.subject().equals(oc.systemAccount()) && jetStream(ac)) {
            f.error("JetStream is enabled for the system account");
        }
    }

    private static boolean jetStream(AccountClaims ac) {
        if (!ac.limits().tiered().isEmpty()) {
            for (JetStreamLimits j : ac.limits().tiered().values()) {
                if (j.isEnabled()) {
                    return true;
                }
            }
            return false;
        }
        return ac.limits().jetStream().isEnabled();
    }

    /**
     * The account's identity key, or one of its signing keys with {@code issuer_account} naming the
     * account, must sign a user; a scoped key's users carry no permissions; not the identity key
     * when the operator requires signing keys.
     */
    static void userSigner(UserClaims uc, AccountClaims ac, boolean strict, String account, Findings f) {
        String iss = uc.issuer();
        if (iss.equals(ac.subject())) {
            if (strict) {
                f.error("signed by the identity key of " + account + ", but the operator requires signing keys: servers"
                        + " refuse it");
            }
            if (!uc.issuerAccount().isEmpty() && !uc.issuerAccount().equals(ac.subject())) {
                f.error("its issuer_account is " + uc.issuerAccount() + ", not " + account);
            }
        } else {
            SigningKey sk = ac.signingKey(iss);
            if (sk == null) {
                f.error("signed by " + iss + ", which is neither the identity key nor a signing key of " + account
                        + ": servers refuse it");
            } else if (!uc.issuerAccount().equals(ac.subject())) {
                f.error("signed by a signing key of " + account + ", but its issuer_account is "
                        + (uc.issuerAccount().isEmpty() ? "not set" : uc.issuerAccount()) + ": servers refuse it");
            } else if (sk.isScoped() && !uc.permissions().isEmpty()) {
                f.error("signed by the scoped signing key " + iss + " (role \"" + sk.role() + "\"), but it carries"
                        + " permissions or limits of its own: servers refuse it");
            }
        }
        long revokedAt = Math.max(ac.revocations().getOrDefault(uc.subject(), Long.MIN_VALUE),
                ac.revocations().getOrDefault("*", Long.MIN_VALUE));
        if (revokedAt != Long.MIN_VALUE && revokedAt >= uc.issuedAt()) {
            f.warn("revoked by " + account + " (revocation of " + TimeSpec.format(revokedAt) + "): servers refuse it");
        }
    }

    /**
     * What the import means against its exporter: a matching export of its type, the importer's key
     * where the export asks for it, an activation token for a private export that is current, not
     * revoked and signed by a key the exporter still has. {@code exporter} is null when unknown.
     */
    static void importAgainstExport(Import i, AccountClaims importer, AccountClaims exporter, String label, String where,
            long now, Findings all) {
        if (i.account().isEmpty() || i.type() == null) {
            return; // reported by AccountChecks
        }
        Findings f = all.about("import \"" + i.subject() + "\" from " + label);
        ActivationClaims act = null;
        if (!i.token().isEmpty() && !ExchangeChecks.isUrl(i.token())) {
            try {
                act = Jwt.decode(i.token()).as(ActivationClaims.class, "an activation");
            } catch (JwtException e) {
                act = null; // reported by AccountChecks
            }
        }
        if (act != null) {
            if (act.expires() > 0 && act.expires() <= now) {
                f.error("its activation token expired at " + TimeSpec.format(act.expires()));
            }
            if (act.notBefore() > now) {
                f.error("its activation token is not valid before " + TimeSpec.format(act.notBefore()));
            }
        }
        if (ExchangeChecks.isUrl(i.token())) {
            f.warn("its activation token is a URL, which validate does not fetch");
        }
        if (exporter == null) {
            f.warn("the account is not in " + where + ": the import cannot be checked against its exports");
            return;
        }
        Export e = null;
        for (Export x : exporter.exports()) {
            if (x.type() == i.type() && Subjects.isSubsetMatch(i.subject(), x.subject())) {
                e = x;
                break;
            }
        }
        if (e == null) {
            f.error(label + " has no " + i.type().json() + " export that covers \"" + i.subject() + "\"");
            return;
        }
        int pos = e.accountTokenPosition();
        if (pos > 0) {
            String token = Subjects.token(i.subject(), pos);
            if (!importer.subject().equals(token)) {
                f.error("the export \"" + e.subject() + "\" takes the importing account's key at token " + pos + ", but the"
                        + " import has \"" + (token == null ? "" : token) + "\" there (expected " + importer.subject() + ")");
            }
        } else if (e.tokenRequired()) {
            if (i.token().isEmpty()) {
                f.error("the export \"" + e.subject() + "\" is private, but the import has no activation token");
            } else if (act != null) {
                if (e.isRevoked(act.subject(), act.issuedAt())) {
                    f.error("its activation token was revoked by " + label);
                }
                if (!act.issuerAccount().isEmpty() && act.issuerAccount().equals(exporter.subject())
                        && !exporter.didSign(act.issuer())) {
                    f.error("its activation token is signed by " + act.issuer() + ", which is no signing key of " + label
                            + " (any more)");
                }
            }
        }
    }

    /**
     * The accounts of the store by public key, for the imports: an account's JWT is read only when
     * an import names a key not seen yet, and then the store's account JWTs are looked at once.
     */
    private static final class Accounts {
        private final OperatorStore op;
        private Map<String, String> names;
        private final Map<String, AccountClaims> claims = new HashMap<>();

        Accounts(OperatorStore op) {
            this.op = op;
        }

        private String name(String key) {
            if (names == null) {
                names = new LinkedHashMap<>();
                for (String n : op.accountNames()) {
                    byte[] data = Disk.readIfExists(op.accountJwtPath(n));
                    try {
                        names.putIfAbsent(Jwt.subjectOf(new String(data == null ? new byte[0] : data,
                                StandardCharsets.UTF_8)), n);
                    } catch (JwtException e) {
                        // unreadable: reported in that account's own section
                    }
                }
            }
            return names.get(key);
        }

        AccountClaims find(String key) {
            String n = name(key);
            if (n == null) {
                return null;
            }
            return claims.computeIfAbsent(key, k -> {
                try {
                    return op.account(n);
                } catch (StoreException | JwtException e) {
                    return null;
                }
            });
        }

        boolean known(String key) {
            return !key.isEmpty() && name(key) != null;
        }

        String label(String key) {
            String n = key.isEmpty() ? null : name(key);
            return n == null ? "account " + key : "account \"" + n + "\"";
        }
    }
}
