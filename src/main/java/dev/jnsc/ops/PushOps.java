package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.GenericClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.resolver.AccountServerClient;
import dev.jnsc.resolver.NatsResolverClient;
import dev.jnsc.resolver.PendingConnection;
import dev.jnsc.resolver.ResolverException;
import dev.jnsc.resolver.ServerReply;
import dev.jnsc.store.Names;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.tools.Tls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * push and pull: account JWTs to and from where the operator's account_server_url points, an
 * account server (http, https) or the nats-servers' own resolver (nats, tls, ws, wss).
 */
public final class PushOps {
    private PushOps() {
    }

    private static final String PUSHING = "pushing accounts";
    private static final String PULLING = "pulling accounts";

    /**
     * @param account one account (null: the current one, unless {@code all})
     * @param url overrides the operator's account_server_url
     * @param prune, diff, removal only for a nats resolver
     */
    public record Push(String account, boolean all, String url, boolean force, boolean prune, boolean diff,
            String removal, String systemAccount, String systemUser, Duration timeout, Tls tls) {
    }

    public static Report push(Workspace ws, Push req) {
        return push(ws, req, ProgressListener.NONE);
    }

    /** As {@link #push(Workspace, Push)}, telling {@code progress} how many accounts the servers took. */
    public static Report push(Workspace ws, Push req, ProgressListener progress) {
        OperatorStore op = ws.operator(null);
        OperatorClaims oc = op.operator();
        String url = serverUrl(oc, req.url());
        boolean http = isHttp(url);
        tlsFlagsOnlyForNats(http, url, req.tls());
        if (http && (req.prune() || req.diff() || req.removal() != null)) {
            throw new OpsException("--prune, --diff and --account-removal need a nats resolver (nats://), not the "
                    + "account server " + url);
        }
        boolean accountsWanted = req.all() || req.account() != null || (!req.prune() && !req.diff() && req.removal() == null);
        // over NATS, the system user is made, the connection opened and the servers counted on
        // another thread while the accounts are read; its errors come after theirs, as before
        PendingConnection pending = http ? null : PendingConnection.start(() -> NatsResolverClient.connect(url,
                SystemUser.resolve(ws, op, oc, req.systemAccount(), req.systemUser()), req.timeout(),
                req.tls() != null ? req.tls() : Tls.fromEnv(ws.env())));
        Map<String, String> jwts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        try {
            readAccounts(ws, op, oc, req, accountsWanted, jwts, names);
        } catch (RuntimeException e) {
            if (pending != null) {
                pending.abandon();
            }
            throw e;
        }
        Report r = new Report();
        if (http) {
            pushHttp(url, jwts, names, req.timeout(), r, progress);
            return r;
        }
        try (NatsResolverClient client = pending.join()) {
            int servers = client.servers();
            if (!jwts.isEmpty()) {
                pushNats(client, servers, url, jwts, names, req.timeout(), r, progress);
            }
            if (req.diff() || req.prune()) {
                pruneOrDiff(ws, op, oc, client, req.prune(), r);
            }
            if (req.removal() != null) {
                NKey.fromPublicKey(req.removal(), KeyKind.ACCOUNT);
                delete(ws, op, oc, client, List.of(req.removal()), r);
            }
        } catch (ResolverException e) {
            throw new OpsException(e.getMessage());
        }
        return r;
    }

    /** The JWTs to push by account key, and the accounts' names; refuses accounts the operator did not sign. */
    private static void readAccounts(Workspace ws, OperatorStore op, OperatorClaims oc, Push req, boolean accountsWanted,
            Map<String, String> jwts, Map<String, String> names) {
        if (accountsWanted) {
            List<String> which = req.all() ? op.accountNames() : List.of(ws.accountName(op, req.account()));
            // a managed operator's account server signs the self-signed accounts it is sent (as the Go nsc)
            boolean managed = op.isManaged();
            for (String name : which) {
                StoredAccountToken t = StoredAccountToken.read(op, name);
                if (!req.force() && !managed && !oc.didSign(t.issuer())) {
                    throw new OpsException("account \"" + name + "\" is not signed by operator \"" + op.name()
                            + "\" or one of its signing keys (--force pushes it anyway)");
                }
                jwts.put(t.subject(), t.token());
                names.put(t.subject(), name);
            }
        }
    }

    private static void pushHttp(String url, Map<String, String> jwts, Map<String, String> names, Duration timeout,
            Report r, ProgressListener progress) {
        int total = jwts.size();
        Map<String, AccountServerClient.Response> results = new AccountServerClient(url, timeout).push(jwts,
                done -> progress.at(PUSHING, done, total));
        for (Map.Entry<String, AccountServerClient.Response> e : results.entrySet()) {
            String name = names.get(e.getKey());
            AccountServerClient.Response res = e.getValue();
            r.reply(new Report.Reply(name, url, res.ok(), res.status() == 0 ? res.body()
                    : res.status() + (res.body().isEmpty() ? "" : " " + oneLine(res.body()))));
            if (res.ok()) {
                r.ok("pushed \"" + name + "\" to account server " + url);
            } else if (res.status() == 0) {
                r.err("pushing \"" + name + "\" failed: " + res.body());
            } else {
                r.err("pushing \"" + name + "\" to account server " + url + " failed: " + res.status()
                        + (res.body().isEmpty() ? "" : " " + oneLine(res.body())));
            }
        }
    }

    private static void pushNats(NatsResolverClient client, int servers, String url, Map<String, String> jwts,
            Map<String, String> names, Duration timeout, Report r, ProgressListener progress) {
        int total = jwts.size();
        Map<String, List<ServerReply>> replies = client.update(jwts, servers, done -> progress.at(PUSHING, done, total));
        int complete = 0;
        for (Map.Entry<String, List<ServerReply>> e : replies.entrySet()) {
            String name = names.get(e.getKey());
            List<String> ok = new ArrayList<>();
            String message = "";
            for (ServerReply reply : e.getValue()) {
                r.reply(new Report.Reply(name, reply.server(), reply.ok(), reply.message()));
                if (reply.ok()) {
                    ok.add(reply.server());
                    message = reply.message();
                } else {
                    r.err("pushing \"" + name + "\" failed on nats-server " + reply.server() + ": " + reply.message());
                }
            }
            ok.sort(null);
            if (e.getValue().isEmpty()) {
                r.err("no nats-server at " + url + " answered the push of \"" + name + "\" within "
                        + timeout.toMillis() + " ms");
            } else if (ok.size() < e.getValue().size()) {
                continue;
            } else if (servers > 0 && ok.size() < servers) {
                r.warn("pushed \"" + name + "\" to " + ok.size() + " of " + servers + " nats-servers (" + String.join(", ", ok)
                        + ")");
            } else {
                complete++;
                r.ok("pushed \"" + name + "\" to nats-server" + (ok.size() == 1 ? " " : "s ") + String.join(", ", ok)
                        + (message.isEmpty() ? "" : ": " + message));
            }
        }
        if (jwts.size() > 1 && complete == jwts.size()) {
            r.ok("pushed " + complete + " accounts to " + (servers > 0 ? servers : "every") + " nats-server"
                    + (servers == 1 ? "" : "s"));
        }
    }

    private static void pruneOrDiff(Workspace ws, OperatorStore op, OperatorClaims oc, NatsResolverClient client,
            boolean prune, Report r) {
        Map<String, List<String>> byServer = client.list();
        if (byServer.isEmpty()) {
            throw new OpsException("no nats-server answered " + NatsResolverClient.LIST);
        }
        Map<String, List<String>> remote = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : byServer.entrySet()) {
            for (String key : e.getValue()) {
                remote.computeIfAbsent(key, k -> new ArrayList<>()).add(e.getKey());
            }
        }
        Map<String, String> local = new TreeMap<>();
        for (String name : op.accountNames()) {
            local.put(op.decodeAccount(name).claims().subject(), name);
        }
        List<String> onlyRemote = new ArrayList<>();
        for (String key : remote.keySet()) {
            if (!local.containsKey(key) && !key.equals(oc.systemAccount())) {
                onlyRemote.add(key);
            }
        }
        if (!prune) {
            for (String key : onlyRemote) {
                r.ok("only on the nats-servers: " + key + " (" + String.join(", ", remote.get(key)) + ")");
            }
            for (Map.Entry<String, String> e : local.entrySet()) {
                if (!remote.containsKey(e.getKey())) {
                    r.ok("only in the local store: \"" + e.getValue() + "\" (" + e.getKey() + ")");
                }
            }
            if (r.lines().isEmpty()) {
                r.ok("the nats-servers hold the accounts of the local store and no others");
            }
            return;
        }
        if (onlyRemote.isEmpty()) {
            r.ok("nothing to prune: the nats-servers hold no account missing from the local store");
            return;
        }
        delete(ws, op, oc, client, onlyRemote, r);
    }

    /** A delete request is a generic JWT self-signed by an operator key the servers trust. */
    private static void delete(Workspace ws, OperatorStore op, OperatorClaims oc, NatsResolverClient client,
            List<String> keys, Report r) {
        NKey signer = Signers.choose(ws, null, KeyKind.OPERATOR, "operator \"" + op.name() + "\"", oc.subject(),
                oc.signingKeys(), oc.strictSigningKeyUsage(), true);
        GenericClaims claims = new GenericClaims("");
        claims.subject(signer.publicKey());
        claims.data().put("accounts", new ArrayList<>(keys));
        String token = Jwt.encode(claims, signer, ws.now());
        List<ServerReply> replies = client.delete(token);
        if (replies.isEmpty()) {
            r.err("no nats-server answered the delete request");
        }
        for (ServerReply reply : replies) {
            r.reply(new Report.Reply(String.join(",", keys), reply.server(), reply.ok(), reply.message()));
            if (reply.ok()) {
                r.ok("deleted " + String.join(", ", keys) + " on nats-server " + reply.server() + ": " + reply.message());
            } else {
                r.err("deleting on nats-server " + reply.server() + " failed: " + reply.message());
            }
        }
    }

    public record Pull(String account, boolean all, String url, boolean overwriteNewer, String systemAccount,
            String systemUser, Duration timeout, Tls tls) {
    }

    public static Report pull(Workspace ws, Pull req) {
        return pull(ws, req, ProgressListener.NONE);
    }

    /** As {@link #pull(Workspace, Pull)}, telling {@code progress} how many accounts came. */
    public static Report pull(Workspace ws, Pull req, ProgressListener progress) {
        OperatorStore op = ws.operator(null);
        OperatorClaims oc = op.operator();
        String url = serverUrl(oc, req.url());
        tlsFlagsOnlyForNats(isHttp(url), url, req.tls());
        if (!isHttp(url) && !req.all()) {
            throw new OpsException("pulling from a nats resolver takes every account: use -A/--all");
        }
        Map<String, String> remote = new LinkedHashMap<>();
        Report r = new Report();
        // the local accounts the pull may replace, by key: only the one asked for with -a
        List<String> which = req.all() ? op.accountNames() : List.of(ws.accountName(op, req.account()));
        Map<String, Local> local = new TreeMap<>();
        for (String name : which) {
            AccountClaims ac = op.account(name);
            local.put(ac.subject(), new Local(name, ac));
        }
        if (isHttp(url)) {
            AccountServerClient client = new AccountServerClient(url, req.timeout());
            int done = 0;
            for (Map.Entry<String, Local> l : local.entrySet()) {
                String key = l.getKey();
                String name = l.getValue().name();
                AccountServerClient.Response res = client.pull(key);
                progress.at(PULLING, ++done, local.size());
                r.reply(new Report.Reply(name, url, res.ok(), res.status() == 0 ? res.body() : String.valueOf(res.status())));
                if (res.ok()) {
                    remote.put(key, res.body());
                } else {
                    r.err("pulling \"" + name + "\" from account server " + url + " failed: "
                            + (res.status() == 0 ? res.body() : res.status() + " " + oneLine(res.body())));
                }
            }
        } else {
            try (NatsResolverClient client = NatsResolverClient.connect(url,
                    SystemUser.resolve(ws, op, oc, req.systemAccount(), req.systemUser()), req.timeout(),
                    req.tls() != null ? req.tls() : Tls.fromEnv(ws.env()))) {
                remote.putAll(client.pack(n -> progress.at(PULLING, n, 0)));
            } catch (ResolverException e) {
                throw new OpsException(e.getMessage());
            }
        }
        store(ws, op, oc, remote, local, req.overwriteNewer(), r);
        return r;
    }

    /** --tlsca/--tlscert/--tlskey set up NATS connections: given for an HTTP(S) account server, they would do nothing. */
    private static void tlsFlagsOnlyForNats(boolean http, String url, Tls tls) {
        if (http && tls != null && tls.fromFlags()) {
            throw new OpsException("--tlsca, --tlscert and --tlskey are for NATS connections: " + url
                    + " is an HTTP(S) account server (reached with the JDK's trust store)");
        }
    }

    /** A local account: its store name and claims. */
    private record Local(String name, AccountClaims claims) {
    }

    private static void store(Workspace ws, OperatorStore op, OperatorClaims oc, Map<String, String> remote,
            Map<String, Local> localByKey, boolean overwriteNewer, Report r) {
        FileChanges changes = new FileChanges();
        TreeSet<String> planned = new TreeSet<>();
        for (Map.Entry<String, String> e : remote.entrySet()) {
            AccountClaims ac;
            try {
                ac = Jwt.decode(e.getValue()).as(AccountClaims.class, "an account");
            } catch (JwtException ex) {
                r.err("the server's JWT for " + e.getKey() + " is invalid: " + ex.getMessage());
                continue;
            }
            if (!ac.subject().equals(e.getKey()) || !oc.didSign(ac.issuer())) {
                r.err("the server's JWT for " + e.getKey() + " is not an account of operator \"" + op.name() + "\"");
                continue;
            }
            Local mine = localByKey.get(ac.subject());
            if (mine != null) {
                String name = mine.name();
                if (mine.claims().issuedAt() > ac.issuedAt() && !overwriteNewer) {
                    r.warn("kept the local \"" + name + "\": it is newer than the server's (--overwrite-newer replaces it)");
                    continue;
                }
                op.stageAccount(changes, name, e.getValue());
                r.ok("pulled \"" + name + "\"");
                continue;
            }
            String newName;
            try {
                newName = Names.check("account", ac.name().isEmpty() ? ac.subject() : ac.name());
            } catch (RuntimeException ex) {
                newName = ac.subject();
            }
            if (op.hasAccount(newName) || !planned.add(newName)) {
                r.warn("skipped " + ac.subject() + ": the local name \"" + newName + "\" belongs to another account");
                continue;
            }
            op.stageAccount(changes, newName, e.getValue());
            r.ok("pulled new account \"" + newName + "\" (" + ac.subject() + ")");
        }
        if (remote.isEmpty()) {
            r.ok("the servers hold no accounts");
        }
        ws.commit(changes);
    }

    private static String serverUrl(OperatorClaims oc, String override) {
        String url = override != null ? Urls.accountServerUrl(override) : oc.accountServerUrl();
        if (url == null || url.isEmpty()) {
            throw new OpsException("operator \"" + oc.name() + "\" has no account JWT server url: set one with "
                    + "\"nsc edit operator --account-jwt-server-url <url>\" or pass -u");
        }
        return url;
    }

    private static boolean isHttp(String url) {
        String u = url.toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://");
    }

    private static String oneLine(String s) {
        String t = s.replace('\n', ' ').trim();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
