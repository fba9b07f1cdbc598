package dev.jnsc.resolver;

import dev.jnsc.testing.Http;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An account server on 127.0.0.1 and a free port for one test, with its log kept in memory. */
final class Running implements AutoCloseable {
    final AccountServer server;
    final Http http;
    private final List<String> log;

    private Running(AccountJwts jwts, ClaimsNotifier notifier, Clock clock, List<String> log, AccountServer.Limits limits) {
        this.log = log;
        this.server = new AccountServer(new AccountServer.Config(HostPort.parse("127.0.0.1:0"), jwts, notifier, clock,
                log::add, limits)).start();
        this.http = new Http(server.url());
    }

    static Running nsc(Path operatorDir) {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        return new Running(NscFolderJwts.open(operatorDir, log::add), ClaimsNotifier.NONE, Clock.systemUTC(), log,
                AccountServer.Limits.DEFAULT);
    }

    /** An nsc folder served with a notifier, its changes watched (events, and a scan every {@code poll}). */
    static Running nsc(Path operatorDir, ClaimsNotifier notifier, Clock clock, java.time.Duration poll) {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        NscFolderJwts jwts = NscFolderJwts.open(operatorDir, log::add);
        if (poll != null) {
            jwts.watch(notifier, poll);
        }
        return new Running(jwts, notifier, clock, log, AccountServer.Limits.DEFAULT);
    }

    static Running dir(Path dir, Path operatorJwt, ClaimsNotifier notifier, Clock clock) {
        return dir(dir, operatorJwt, notifier, clock, AccountServer.Limits.DEFAULT);
    }

    static Running dir(Path dir, Path operatorJwt, ClaimsNotifier notifier, Clock clock, AccountServer.Limits limits) {
        return new Running(DirJwts.open(dir, operatorJwt), notifier, clock, Collections.synchronizedList(new ArrayList<>()),
                limits);
    }

    int port() {
        return server.address().getPort();
    }

    /** The log so far, one line each. */
    List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
