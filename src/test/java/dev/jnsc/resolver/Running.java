package dev.jnsc.resolver;

import dev.jnsc.testing.Http;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

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

    /**
     * Waits until a line of the log matches, up to 10 s, and fails naming {@code what} and the log when none
     * does. A request's line is written after its response is sent, so a client can be answered before it.
     */
    void awaitLine(Predicate<String> wanted, String what) {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (log().stream().noneMatch(wanted)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no log line " + what + " within 10 s:\n" + String.join("\n", log()));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a log line " + what);
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
