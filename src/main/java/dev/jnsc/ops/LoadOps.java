package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import dev.jnsc.resolver.ActivationClient;
import dev.jnsc.resolver.ResolverException;
import dev.jnsc.store.Names;
import dev.jnsc.store.OperatorStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code load}: set up a managed operator from its account server, the account whose seed is
 * given (its JWT read from that server, its seed stored) and a user of it signed by that seed,
 * with its creds file; the operator and account become current.
 *
 * <p>The operator JWT comes from {@code --url} (the URL of the operator JWT, such as
 * {@code http://host:9090/jwt/v1/operator}) or, with {@code --profile <scheme>://<operator>?secret=
 * <account seed>&user=<name>}, from the URL the environment gives for that operator name in
 * {@code NSC_<NAME>_OPERATOR} (or Synadia's, for {@code synadia}). The account JWT comes from
 * {@code <account server URL of the operator JWT>/accounts/<account key>}.
 */
public final class LoadOps {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String SYNADIA = "https://api.synadia.io/jwt/v1/operator";

    private LoadOps() {
    }

    /** {@code seed} is cleared by {@link #load}. */
    public record Request(String profile, String url, char[] seed, String user) {
    }

    public static Report load(Workspace ws, Request req) {
        char[] seed = req.seed();
        String user = req.user() == null ? "default" : req.user();
        String operatorUrl = req.url();
        String operatorName = null;
        try {
            if (req.profile() != null && !req.profile().isEmpty()) {
                URI u = profileUri(req.profile());
                operatorName = u.getHost();
                String query = u.getRawQuery() == null ? "" : u.getRawQuery();
                char[] secret = null;
                for (String kv : query.split("&")) {
                    int eq = kv.indexOf('=');
                    String k = eq < 0 ? kv : kv.substring(0, eq);
                    String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                    if (k.equals("secret")) {
                        secret = v.toCharArray();
                    } else if (k.equals("user") && !v.isEmpty()) {
                        user = v;
                    }
                }
                if (seed != null) {
                    Arrays.fill(seed, '\0');
                }
                seed = secret;
                operatorUrl = knownOperator(ws, operatorName);
                if (operatorUrl == null) {
                    throw new OpsException("operator \"" + operatorName + "\" not found: if you have used this operator, "
                            + "run `nsc env -s /path/to/storedir`, or give its operator JWT URL in the environment as "
                            + "`NSC_" + operatorName.toUpperCase(Locale.ROOT) + "_OPERATOR=http/s://host:port/jwt/v1/operator`");
                }
            }
            if (operatorUrl == null || operatorUrl.isEmpty()) {
                throw new OpsException("missing account server URL: give --url <operator JWT URL> or --profile");
            }
            if (seed == null || seed.length < 2 || seed[0] != 'S' || seed[1] != 'A') {
                throw new OpsException("expected account seed to initialize (--seed, or secret= in the profile): "
                        + "an account seed starts with SA");
            }
            String userName = Names.check("user", user);
            return load(ws, operatorUrl, operatorName, seed, userName);
        } finally {
            if (seed != null) {
                Arrays.fill(seed, '\0');
            }
        }
    }

    private static URI profileUri(String profile) {
        try {
            URI u = new URI(profile);
            if (u.getHost() == null || u.getHost().isEmpty()) {
                throw new OpsException("--profile \"" + redact(profile) + "\" names no operator: expected "
                        + "<scheme>://<operator>?secret=<account seed>&user=<name>");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new OpsException("--profile is not a valid URL: " + e.getReason().replaceAll("S[A-Z2-7]{20,}", "S…"));
        }
    }

    private static String redact(String s) {
        return s.replaceAll("S[A-Z2-7]{20,}", "S…");
    }

    /** The operator JWT URL of a known operator name: the environment's NSC_<NAME>_OPERATOR, or Synadia's. */
    static String knownOperator(Workspace ws, String name) {
        String fromEnv = ws.env().getIgnoringCase("NSC_" + name + "_OPERATOR");
        if (fromEnv != null) {
            return fromEnv;
        }
        return name.equalsIgnoreCase("synadia") ? SYNADIA : null;
    }

    private static Report load(Workspace ws, String operatorUrl, String operatorName, char[] seed, String user) {
        OperatorClaims oc;
        String operatorToken = fetchJwt(operatorUrl, "the operator JWT");
        try {
            oc = Jwt.decode(operatorToken).as(OperatorClaims.class, "an operator");
        } catch (JwtException e) {
            throw new OpsException(operatorUrl + " did not answer an operator JWT: " + e.getMessage());
        }
        if (oc.accountServerUrl().isEmpty()) {
            throw new OpsException("error importing operator \"" + oc.name() + "\" - it doesn't define an account server url");
        }
        String name = Names.check("operator", operatorName != null ? operatorName : oc.name());
        NKey accountKey;
        try {
            accountKey = NKey.fromSeed(seed);
        } catch (NKeyException e) {
            throw new OpsException("failed to parse the account seed as an nkey: " + e.getMessage());
        }
        if (accountKey.kind() != KeyKind.ACCOUNT) {
            accountKey.clear();
            throw new OpsException("expected account seed to initialize: the seed is of " + accountKey.kind().label());
        }
        try {
            return load(ws, oc, operatorToken, name, accountKey, user);
        } finally {
            accountKey.clear();
        }
    }

    private static Report load(Workspace ws, OperatorClaims oc, String operatorToken, String name, NKey accountKey,
            String user) {
        Report r = new Report();
        FileChanges changes = new FileChanges();
        OperatorStore op;
        if (ws.stores().hasOperator(name)) {
            op = ws.stores().operator(name);
            if (!op.operator().subject().equals(oc.subject())) {
                throw new OpsException("error a different operator named \"" + name + "\" already exists in "
                        + ws.stores().dir());
            }
        } else {
            if (Files.exists(ws.stores().dir().resolve(name))) {
                throw new OpsException(ws.stores().dir().resolve(name) + " exists and is not an operator folder");
            }
            op = ws.stores().planned(name);
            op.stageMarker(changes, true);
        }
        op.stageOperator(changes, operatorToken);

        String base = oc.accountServerUrl().endsWith("/") ? oc.accountServerUrl().substring(0,
                oc.accountServerUrl().length() - 1) : oc.accountServerUrl();
        String accountUrl = base + "/accounts/" + accountKey.publicKey();
        String accountToken = fetchJwt(accountUrl, "the account JWT");
        AccountClaims ac;
        try {
            ac = Jwt.decode(accountToken).as(AccountClaims.class, "an account");
        } catch (JwtException e) {
            throw new OpsException(accountUrl + " did not answer an account JWT: " + e.getMessage());
        }
        if (!ac.subject().equals(accountKey.publicKey())) {
            throw new OpsException(accountUrl + " answered the JWT of another account (" + ac.subject() + ")");
        }
        String account = Names.check("account", ac.name());
        if (Files.isDirectory(op.accountDir(account)) && op.hasAccount(account)
                && !op.account(account).subject().equals(ac.subject())) {
            throw new OpsException("a different account named \"" + account + "\" already exists in operator \"" + name
                    + "\"");
        }
        op.stageAccount(changes, account, accountToken);
        ws.keystore().stage(changes, accountKey);

        Path creds = ws.keystore().credsPath(name, account, user);
        if (Files.isDirectory(op.accountDir(account)) && op.hasUser(account, user)) {
            if (!Files.isRegularFile(creds)) {
                throw new OpsException("the user \"" + user + "\" already exists and its credentials are not at \""
                        + creds + "\"");
            }
            r.warn("the user \"" + user + "\" already exists");
        } else {
            NKey userKey = ws.newKey(KeyKind.USER);
            try {
                UserClaims uc = new UserClaims();
                uc.name(user).subject(userKey.publicKey());
                String token = Jwt.encode(uc, accountKey, ws.now());
                op.stageUser(changes, account, user, token);
                ws.keystore().stage(changes, userKey);
                ws.keystore().stageCreds(changes, name, account, user, Decorated.formatUserCreds(token, userKey));
                r.ok("generated and stored user key \"" + userKey.publicKey() + "\"");
                r.ok("generated and stored user credentials at \"" + creds + "\"");
            } finally {
                userKey.clear();
            }
        }
        ws.select(name, account);
        ws.stageContext(changes);
        ws.commit(changes);
        r.ok("loaded operator \"" + name + "\", account \"" + account + "\" and user \"" + user + "\"");
        return r;
    }

    private static String fetchJwt(String url, String what) {
        byte[] data;
        try {
            data = new ActivationClient(TIMEOUT).fetch(url, what);
        } catch (ResolverException e) {
            throw new OpsException(e.getMessage());
        }
        Decorated.Parts parts = Decorated.parse(data);
        try {
            if (parts.jwt() == null || parts.jwt().isEmpty()) {
                throw new OpsException(url + " did not answer a JWT");
            }
            return parts.jwt();
        } finally {
            parts.clear();
        }
    }
}
