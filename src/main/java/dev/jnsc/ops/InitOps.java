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
import dev.jnsc.store.Names;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.store.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * init: an operator, its system account SYS with user sys, and an account and a user of the same
 * name, in one step (nsc's cmd/init.go); or, with a remote operator (-u URL, -o well-known name),
 * that operator's JWT from its account server and a self-signed account and its user. Everything
 * is one commit.
 */
public final class InitOps {
    /** The service URL nsc gives an operator it creates. */
    static final String LOCAL_SERVICE_URL = "nats://localhost:4222";
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private InitOps() {
    }

    /**
     * @param name the operator, account and user name
     * @param url the URL of a remote operator's JWT (-u), or null
     * @param remoteOperator a well-known operator name (-o), or null
     */
    public record Init(String name, String url, String remoteOperator) {
    }

    /** The report, and the hint lines nsc prints after it ("> ..."), empty for a remote operator. */
    public record Result(Report report, List<String> hint) {
    }

    /** The well-known operators: synadia, and every NSC_{@code <name>}_OPERATOR variable (a URL). */
    public static List<String[]> wellKnown(Map<String, String> env) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"synadia", "https://api.synadia.io/jwt/v1/operator"});
        env.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String k = e.getKey().toUpperCase(Locale.ROOT);
            if (k.startsWith("NSC_") && k.endsWith("_OPERATOR") && e.getKey().length() > "NSC__OPERATOR".length()) {
                out.add(new String[] {e.getKey().substring(4, e.getKey().length() - "_OPERATOR".length()), e.getValue()});
            }
        });
        return out;
    }

    /** The operator JWT URL for -u or -o, or null to create an operator. */
    static String operatorUrl(Workspace ws, Init req) {
        if (req.url() != null && !req.url().isBlank()) {
            String u = req.url().trim();
            if (!u.startsWith("http://") && !u.startsWith("https://")) {
                throw new OpsException("--url \"" + req.url() + "\" is invalid: expected the http(s) URL of an operator"
                        + " JWT, e.g. http://localhost:9090/jwt/v1/operator");
            }
            return u;
        }
        if (req.remoteOperator() != null) {
            String known = knownOperatorUrl(ws, req.remoteOperator().trim());
            if (known != null) {
                return known;
            }
            throw new OpsException("error operator \"" + req.remoteOperator() + "\" was not found: a well-known operator"
                    + " is \"synadia\" or set with NSC_<NAME>_OPERATOR=<url of its JWT>");
        }
        return null;
    }

    /** The JWT URL of the well-known operator {@code name} (any case), or null. */
    static String knownOperatorUrl(Workspace ws, String name) {
        for (String[] op : wellKnown(ws.env().vars())) {
            if (op[0].equalsIgnoreCase(name)) {
                return op[1];
            }
        }
        return null;
    }

    public static Result init(Workspace ws, Init req) {
        String name = Names.check("operator", req.name());
        Names.check("user", name);
        String url = operatorUrl(ws, req);
        Stores stores = ws.stores();
        long now = ws.now();
        FileChanges changes = new FileChanges();
        Report r = new Report();
        OperatorStore op;
        OperatorClaims remote = null;
        NKey accountSigner;
        String operatorName;
        if (url == null) {
            if (name.equals(SystemAccount.ACCOUNT)) {
                // the Go nsc writes its account over the system account it has just made
                throw new OpsException("--name \"" + name + "\" is the name of the system account init creates: choose"
                        + " another name");
            }
            operatorName = name;
            op = newOperatorFolder(stores, name);
            NKey operatorKey = ws.newKey(KeyKind.OPERATOR);
            SystemAccount.Created sys = SystemAccount.stage(ws, changes, op, operatorKey, now);
            OperatorClaims oc = new OperatorClaims();
            oc.name(name).subject(operatorKey.publicKey());
            oc.serviceUrls().add(LOCAL_SERVICE_URL);
            oc.systemAccount(sys.accountKey());
            op.stageMarker(changes, false);
            op.stageOperator(changes, Jwt.encode(oc, operatorKey, now));
            ws.keystore().stage(changes, operatorKey);
            r.ok("created operator " + name);
            r.ok("created system_account: name:" + SystemAccount.ACCOUNT + " id:" + sys.accountKey());
            r.ok("created system account user: name:" + SystemAccount.USER + " id:" + sys.userKey());
            r.ok("system account user creds file stored in `" + ws.env().display(sys.creds()) + "`");
            accountSigner = operatorKey;
        } else {
            Fetched f = fetchOperator(url);
            OperatorClaims oc = f.claims();
            remote = oc;
            operatorName = Names.check("operator", wellKnownName(ws, oc.name(), url));
            if (oc.accountServerUrl() == null || oc.accountServerUrl().isEmpty()) {
                throw new OpsException("error importing operator \"" + operatorName
                        + "\" - it doesn't define an account server url");
            }
            String token = f.token();
            if (stores.hasOperator(operatorName)) {
                op = stores.operator(operatorName);
                String have = op.operator().subject();
                if (!have.equals(oc.subject())) {
                    throw new OpsException("error a different operator named \"" + operatorName + "\" already exists"
                            + " -- specify --dir to create at a different location");
                }
            } else {
                op = newOperatorFolder(stores, operatorName);
                op.stageMarker(changes, true);
            }
            op.stageOperator(changes, token);
            r.ok("add managed operator " + operatorName);
            accountSigner = null; // the account signs itself: the operator's keys are not ours
        }
        if (op.hasAccount(name)) {
            throw new OpsException("an account named \"" + name + "\" already exists");
        }
        NKey accountKey = ws.newKey(KeyKind.ACCOUNT);
        AccountClaims ac = new AccountClaims();
        ac.name(name).subject(accountKey.publicKey());
        String accountJwt = Jwt.encode(ac, accountSigner != null ? accountSigner : accountKey, now);
        if (remote != null) {
            accountJwt = synchronize(remote, operatorName, name, ac.subject(), accountJwt, r);
        }
        op.stageAccount(changes, name, accountJwt);
        ws.keystore().stage(changes, accountKey);

        NKey userKey = ws.newKey(KeyKind.USER);
        UserClaims uc = new UserClaims();
        uc.name(name).subject(userKey.publicKey());
        String userJwt = Jwt.encode(uc, accountKey, now);
        op.stageUser(changes, name, name, userJwt);
        ws.keystore().stage(changes, userKey);
        ws.keystore().stageCreds(changes, operatorName, name, name, Decorated.formatUserCreds(userJwt, userKey));
        Path creds = ws.keystore().credsPath(operatorName, name, name);

        ws.context().storeRoot(stores.dir().toString());
        ws.select(operatorName, name);
        ws.stageContext(changes);
        ws.commit(changes);
        r.ok("created account " + name);
        r.ok("created user \"" + name + "\"");
        r.ok("project jwt files created in `" + ws.env().display(stores.dir()) + "`");
        r.ok("user creds file stored in `" + ws.env().display(creds) + "`");
        List<String> hint = url != null ? List.of() : List.of(
                "to run a local server using this configuration, enter:",
                "  nsc generate config --mem-resolver --config-file <path/server.conf>",
                "then start a nats-server using the generated config:",
                "  nats-server -c <path/server.conf>");
        return new Result(r, hint);
    }

    /**
     * A remote operator's account, as nsc's managed store handles it: the self-signed JWT is posted
     * to the operator's account server and read back (signed by the operator, when the server does
     * that); when either fails, the self-signed JWT is kept and the report warns.
     */
    private static String synchronize(OperatorClaims oc, String operatorName, String account, String key,
            String selfSigned, Report r) {
        String asu = oc.accountServerUrl() == null ? "" : oc.accountServerUrl().trim();
        String lower = asu.toLowerCase(Locale.ROOT);
        if (asu.isEmpty() || lower.startsWith("nats://") || lower.startsWith("tls://") || lower.startsWith("ws://")
                || lower.startsWith("wss://")) {
            r.warn("unable to push to \"" + operatorName + "\" - operator doesn't set an account server url or manual"
                    + " exchange necessary: stored the self-signed account jwt");
            return selfSigned;
        }
        dev.jnsc.resolver.AccountServerClient client = new dev.jnsc.resolver.AccountServerClient(asu, FETCH_TIMEOUT);
        dev.jnsc.resolver.AccountServerClient.Response push = client.push(Map.of(key, selfSigned)).get(key);
        if (!push.ok()) {
            r.warn("error pushing account \"" + account + "\" to " + asu + ": " + reason(push)
                    + " - perform push/pull again or exchange self-signed JWT manually");
            return selfSigned;
        }
        dev.jnsc.resolver.AccountServerClient.Response pull = client.pull(key);
        if (pull.ok()) {
            try {
                Jwt.Decoded d = Jwt.decode(Decorated.parse(pull.body().getBytes(StandardCharsets.UTF_8)).jwt().trim());
                AccountClaims back = d.as(AccountClaims.class, "an account");
                if (back.subject().equals(key) && (back.issuer().equals(oc.subject())
                        || oc.signingKeys().contains(back.issuer()) || back.issuer().equals(key))) {
                    r.ok("synchronized account jwt with account server " + asu);
                    return d.token();
                }
                r.warn("the account server " + asu + " served a JWT of another account or issuer for \"" + account
                        + "\": stored the self-signed account jwt");
                return selfSigned;
            } catch (JwtException e) {
                r.warn("the account server " + asu + " served an unreadable JWT for \"" + account + "\" ("
                        + e.getMessage() + "): stored the self-signed account jwt");
                return selfSigned;
            }
        }
        r.warn("error pulling account \"" + account + "\" from " + asu + ": " + reason(pull)
                + " - perform push/pull again or exchange self-signed JWT manually");
        return selfSigned;
    }

    private static String reason(dev.jnsc.resolver.AccountServerClient.Response res) {
        return res.status() == 0 ? res.body() : res.status() + (res.body().isEmpty() ? "" : " " + firstLine(res.body()));
    }

    /** The folder of a new operator: it must not exist yet, or be empty (as nsc's CreateStore). */
    private static OperatorStore newOperatorFolder(Stores stores, String name) {
        Path dir = stores.dir().resolve(name);
        if (Files.exists(dir)) {
            boolean empty = Files.isDirectory(dir);
            if (empty) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                    empty = !ds.iterator().hasNext();
                } catch (IOException e) {
                    throw new OpsException("cannot read " + dir + ": " + e.getMessage());
                }
            }
            if (!empty) {
                throw new OpsException("operator \"" + name + "\" already exists in `" + stores.dir() + "`");
            }
        }
        return stores.planned(name);
    }

    /** The name nsc gives a remote operator: the well-known name when the URL's host is one's. */
    static String wellKnownName(Workspace ws, String claimName, String url) {
        String host = host(url);
        if (host != null) {
            for (String[] op : wellKnown(ws.env().vars())) {
                if (host.equalsIgnoreCase(String.valueOf(host(op[1])))) {
                    return op[0];
                }
            }
        }
        return claimName;
    }

    private static String host(String url) {
        try {
            return java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Fetched(String token, OperatorClaims claims) {
    }

    /** Reads a (possibly decorated) operator JWT from {@code url}; it must verify and be a v2 operator. */
    private static Fetched fetchOperator(String url) {
        dev.jnsc.resolver.AccountServerClient.Response res = dev.jnsc.resolver.AccountServerClient.get(url, FETCH_TIMEOUT);
        if (res.status() == 0) {
            throw new OpsException("error loading \"" + url + "\": " + res.body());
        }
        if (res.status() != 200) {
            throw new OpsException("error reading response from \"" + url + "\": " + res.status()
                    + (res.body().isEmpty() ? "" : " " + firstLine(res.body())));
        }
        String token = Decorated.parse(res.body().getBytes(StandardCharsets.UTF_8)).jwt();
        try {
            Jwt.Decoded d = Jwt.decode(token == null ? "" : token.trim());
            if (d.version() != 2) {
                throw new OpsException("the operator JWT at " + url + " is a version " + d.version()
                        + " JWT: this nsc works with version 2 JWTs only");
            }
            return new Fetched(d.token(), d.as(OperatorClaims.class, "an operator"));
        } catch (JwtException e) {
            throw new OpsException("error importing operator jwt from " + url + ": " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String l = nl < 0 ? s : s.substring(0, nl);
        return l.length() > 200 ? l.substring(0, 200) + "..." : l;
    }
}
