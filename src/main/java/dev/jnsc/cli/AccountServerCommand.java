package dev.jnsc.cli;

import dev.jnsc.resolver.AccountJwts;
import dev.jnsc.resolver.AccountServer;
import dev.jnsc.resolver.AsyncLog;
import dev.jnsc.resolver.ClaimsNotifier;
import dev.jnsc.resolver.DirJwts;
import dev.jnsc.resolver.HostPort;
import dev.jnsc.resolver.NatsNotifier;
import dev.jnsc.resolver.NscFolderJwts;
import dev.jnsc.resolver.ResolverException;

/**
 * {@code nsc account-server}: serves account JWTs to nats-servers with a URL resolver, speaking
 * nats-account-server's HTTP API, until stopped (SIGINT/SIGTERM). Log lines go to stderr.
 */
final class AccountServerCommand extends Leaf {
    /** With --nsc and --nats: how often the folder is scanned besides its change events. */
    private static final java.time.Duration NSC_POLL = java.time.Duration.ofSeconds(10);

    AccountServerCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("account-server", "Serve account JWTs to nats-servers over nats-account-server's HTTP API "
                + "(resolver: URL(http://<host:port>/jwt/v1/accounts/))");
        s.value("dir", "serve the accounts of this nsc operator folder, read-only (e.g. ~/.nsc/nats/O)", "--nsc");
        s.value("dir", "keep account JWTs posted to /jwt/v1/accounts/<key> in this folder", "--dir");
        s.value("file", "with --dir: the operator JWT whose keys must have signed posted accounts", "--operator");
        s.value("host:port", "listen address (default " + HostPort.DEFAULT + "; port 0 picks a free port)", "--hp");
        s.value("url", "publish each account JWT posted (--dir) or changed in the nsc folder (--nsc) on "
                + "$SYS.ACCOUNT.<key>.CLAIMS.UPDATE here, so that servers take it without a restart", "--nats");
        s.value("file", "creds of a system account user, for --nats", "--creds");
        TlsFlags.define(s);
    }

    @Override
    int run(Args a) throws InterruptedException {
        String nsc = a.str("--nsc");
        String dir = a.str("--dir");
        String operator = a.str("--operator");
        String natsUrl = a.str("--nats");
        String creds = a.str("--creds");
        if ((nsc == null) == (dir == null)) {
            throw new UsageException("give either --nsc <operator folder> or --dir <folder> --operator <operator jwt file>");
        }
        if (dir != null && operator == null) {
            throw new UsageException("--dir needs --operator <operator jwt file>: only accounts it signed are accepted");
        }
        if (nsc != null && operator != null) {
            throw new UsageException("--operator goes with --dir: --nsc serves the operator of the folder");
        }
        if ((natsUrl == null) != (creds == null)) {
            throw new UsageException("--nats and --creds go together");
        }
        if (natsUrl == null && (a.has("--tlsca") || a.has("--tlscert") || a.has("--tlskey"))) {
            throw new UsageException("--tlsca, --tlscert and --tlskey go with --nats: they set up its NATS connection");
        }
        HostPort listen;
        try {
            listen = HostPort.parse(a.has("--hp") ? a.str("--hp") : HostPort.DEFAULT);
        } catch (ResolverException e) {
            throw new UsageException("--hp " + e.getMessage());
        }
        // request threads only queue their lines: one thread writes them, a batch per flush
        AsyncLog log = new AsyncLog(cli.err);
        NatsNotifier nats;
        try {
            nats = natsUrl == null ? null : NatsNotifier.create(natsUrl, cli.env.path(creds),
                    TlsFlags.read(a, cli), log);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        ClaimsNotifier notifier = nats == null ? ClaimsNotifier.NONE : nats;
        AccountServer server;
        AccountJwts jwts = null;
        try {
            jwts = nsc != null ? NscFolderJwts.open(cli.env.path(nsc), log)
                    : DirJwts.open(cli.env.path(dir), cli.env.path(operator));
            if (jwts instanceof NscFolderJwts && nats != null) {
                ((NscFolderJwts) jwts).watch(nats, NSC_POLL);
            }
            server = new AccountServer(new AccountServer.Config(listen, jwts, notifier, cli.clock, log)).start();
        } catch (RuntimeException e) {
            if (jwts != null) {
                jwts.close();
            }
            notifier.close();
            log.close();
            throw e;
        }
        if (nats != null) {
            nats.connectInBackground();
        }
        AccountServer running = server;
        Thread hook = new Thread(() -> {
            running.stop();
            log.close();
        }, "account-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.awaitStop();
        log.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is what stopped the server
        }
        return 0;
    }
}
