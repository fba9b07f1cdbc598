package dev.jnsc.resolver;

import dev.jnsc.tools.Connector;
import dev.jnsc.tools.Tls;
import dev.jnsc.jwt.Json;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.NUID;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Talks to the nats-servers' own account resolver through the system account ($SYS.REQ.CLAIMS.*).
 *
 * <p>Pushing is pipelined: every account's update is published on one connection at once with its
 * own reply subject, then replies are collected until each account has heard from every server
 * (counted beforehand with $SYS.REQ.SERVER.PING, whose answers say how many servers to expect) or
 * until no reply came for {@code timeout}. The Go nsc waits the whole timeout for each account in
 * turn.
 */
public final class NatsResolverClient implements AutoCloseable {
    public static final String UPDATE = "$SYS.REQ.CLAIMS.UPDATE";
    public static final String LIST = "$SYS.REQ.CLAIMS.LIST";
    public static final String PACK = "$SYS.REQ.CLAIMS.PACK";
    public static final String DELETE = "$SYS.REQ.CLAIMS.DELETE";
    public static final String PING = "$SYS.REQ.SERVER.PING";

    private final Connection nc;
    private final Duration timeout;
    private volatile String asyncError;
    /** Servers that answered the last {@link #countServers()}; 0 before, or when none answered. */
    private int servers;

    private NatsResolverClient(Connection nc, Duration timeout) {
        this.nc = nc;
        this.timeout = timeout;
    }

    /** Connects as a system account user; fails with a message naming the server and the reason. */
    public static NatsResolverClient connect(String url, AuthHandler auth, Duration timeout) {
        return connect(url, auth, timeout, Tls.none());
    }

    /**
     * Connects as a system account user, with the TLS settings of the environment; fails with a
     * message naming the server and the reason.
     */
    public static NatsResolverClient connect(String url, AuthHandler auth, Duration timeout, Tls tls) {
        NatsResolverClient[] self = new NatsResolverClient[1];
        ErrorListener listener = new ErrorListener() {
            @Override
            public void errorOccurred(Connection conn, String error) {
                if (self[0] != null) {
                    self[0].asyncError = error;
                }
            }
        };
        Connector connector = new Connector(tls, listener);
        try {
            Options o = connector.options(new Options.Builder().authHandler(auth).connectionTimeout(Duration.ofSeconds(5))
                    .maxReconnects(0).connectionName("nsc"), List.of(url));
            self[0] = new NatsResolverClient(connector.connect(o), timeout);
            return self[0];
        } catch (IllegalArgumentException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new ResolverException("invalid server URL " + url + ": " + why);
        } catch (Tls.TlsException e) {
            throw new ResolverException("cannot connect to " + url + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ResolverException("cannot connect to " + url + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResolverException("interrupted while connecting to " + url);
        }
    }

    static String describe(Exception e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        if (m.toLowerCase(java.util.Locale.ROOT).contains("authorization violation")) {
            return "the server refused the system account user (authorization violation)";
        }
        return m;
    }

    /**
     * How many servers answer the system account's requests, learned without a fixed wait: each
     * server answers {@value #PING} with its statsz, which says how many servers it knows of
     * ({@code active_servers}: itself and those it heard from in the system account, across routes
     * and gateways) and its routes. Replies are taken until as many servers answered as the largest
     * of these counts, or no reply came for the timeout; 0 when no server answers pings.
     */
    public int countServers() {
        String inbox = "_INBOX." + NUID.nextGlobal();
        Subscription sub = nc.subscribe(inbox);
        Set<String> ids = new HashSet<>();
        int expected = 1;
        try {
            nc.publish(PING, inbox, new byte[0]);
            nc.flush(Duration.ofSeconds(5));
            while (ids.size() < expected) {
                Message m = sub.nextMessage(timeout);
                if (m == null) {
                    break;
                }
                ServerReply r = ServerReply.parse(m.getData());
                ids.add(r.serverId().isEmpty() ? r.serverName() : r.serverId());
                expected = Math.max(expected, knownServers(m.getData()));
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ResolverException("the server did not acknowledge the request in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sub.unsubscribe();
        }
        servers = ids.size();
        return servers;
    }

    /** The servers that answered the last {@link #countServers()}; 0 before it, or when none answered. */
    public int servers() {
        return servers;
    }

    /** The servers a statsz reply knows of: its active_servers, or itself and its routes, whichever is more. */
    static int knownServers(byte[] statszReply) {
        try {
            Map<String, Object> statsz = Json.map(Json.parseObject(statszReply), "statsz");
            if (statsz == null) {
                return 1;
            }
            long active = Json.num(statsz, "active_servers");
            java.util.List<Object> routes = Json.list(statsz, "routes");
            long routed = 1 + (routes == null ? 0 : routes.size());
            return (int) Math.min(10_000, Math.max(active, routed));
        } catch (RuntimeException e) {
            return 1;
        }
    }

    /**
     * Publishes every account JWT as a claims update (all at once, one reply subject each) and
     * returns the replies by account key. Replies are taken until every account has one from each
     * of {@code servers} servers (a server not counted before that answers raises the count for
     * all), or until no reply came for the timeout.
     */
    public Map<String, List<ServerReply>> update(Map<String, String> jwtsByAccount, int servers) {
        return update(jwtsByAccount, servers, done -> {
        });
    }

    /**
     * As {@link #update(Map, int)}, telling {@code progress} how many accounts are done after each
     * reply: those every counted server answered (with no count, those any server answered).
     */
    public Map<String, List<ServerReply>> update(Map<String, String> jwtsByAccount, int servers,
            java.util.function.IntConsumer progress) {
        String prefix = "_INBOX." + NUID.nextGlobal();
        Map<String, List<ServerReply>> out = new LinkedHashMap<>();
        Map<String, String> accountByReply = new HashMap<>();
        Map<String, Set<String>> answered = new HashMap<>();
        Set<String> serverIds = new HashSet<>();
        Subscription sub = nc.subscribe(prefix + ".*");
        try {
            int i = 0;
            for (Map.Entry<String, String> e : jwtsByAccount.entrySet()) {
                String reply = prefix + "." + i++;
                accountByReply.put(reply, e.getKey());
                out.put(e.getKey(), new ArrayList<>());
                answered.put(e.getKey(), new HashSet<>());
                nc.publish(UPDATE, reply, e.getValue().getBytes(StandardCharsets.US_ASCII));
            }
            // no flush with a deadline: a server handles the updates as it reads them (a signature
            // check and a file write each), so thousands take it seconds; its replies, which come
            // while it works, are what is waited for, each within the timeout of the one before
            int expected = servers;
            // accounts that have heard from `expected` servers
            int complete = 0;
            int anyAnswer = 0;
            while (expected <= 0 || complete < jwtsByAccount.size()) {
                Message m = sub.nextMessage(timeout);
                if (m == null) {
                    break;
                }
                String account = accountByReply.get(m.getSubject());
                if (account == null) {
                    continue;
                }
                ServerReply r = ServerReply.parse(m.getData());
                String id = r.serverId().isEmpty() ? r.serverName() : r.serverId();
                if (!answered.get(account).add(id)) {
                    continue; // the same server again
                }
                out.get(account).add(r);
                if (answered.get(account).size() == 1) {
                    anyAnswer++;
                }
                if (serverIds.add(id) && serverIds.size() > expected && expected > 0) {
                    expected = serverIds.size();
                    complete = 0;
                    for (Set<String> a : answered.values()) {
                        complete += a.size() >= expected ? 1 : 0;
                    }
                } else if (answered.get(account).size() == expected) {
                    complete++;
                }
                progress.accept(expected > 0 ? complete : anyAnswer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sub.unsubscribe();
        }
        return out;
    }

    /** Every account key the servers hold, by server. */
    public Map<String, List<String>> list() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Message m : collect(LIST, new byte[0], expectedReplies(), timeout)) {
            ServerReply r = ServerReply.parse(m.getData());
            List<String> keys = new ArrayList<>();
            if (r.ok() && r.data() instanceof List) {
                for (Object o : (List<?>) r.data()) {
                    keys.add(String.valueOf(o));
                }
            }
            out.put(r.server(), keys);
        }
        return out;
    }

    /** All account JWTs one server holds ($SYS.REQ.CLAIMS.PACK), by account key. */
    public Map<String, String> pack() {
        return pack(n -> {
        });
    }

    /** As {@link #pack()}, telling {@code progress} how many JWTs came so far after each. */
    public Map<String, String> pack(java.util.function.IntConsumer progress) {
        String inbox = "_INBOX." + NUID.nextGlobal();
        Subscription sub = nc.subscribe(inbox);
        Map<String, String> out = new LinkedHashMap<>();
        try {
            nc.publish(PACK, inbox, new byte[0]);
            while (true) {
                Message m = sub.nextMessage(timeout);
                if (m == null) {
                    throw new ResolverException("no complete answer to " + PACK + " within " + timeout.toMillis() + " ms");
                }
                byte[] data = m.getData();
                if (data == null || data.length == 0) {
                    return out;
                }
                String line = new String(data, StandardCharsets.US_ASCII);
                int bar = line.indexOf('|');
                if (bar > 0) {
                    out.put(line.substring(0, bar), line.substring(bar + 1).trim());
                    progress.accept(out.size());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out;
        } finally {
            sub.unsubscribe();
        }
    }

    /** Sends a signed delete request; returns every server's reply. */
    public List<ServerReply> delete(String deleteRequestJwt) {
        List<ServerReply> out = new ArrayList<>();
        for (Message m : collect(DELETE, deleteRequestJwt.getBytes(StandardCharsets.US_ASCII), expectedReplies(), timeout)) {
            out.add(ServerReply.parse(m.getData()));
        }
        return out;
    }

    /** As many replies as servers answered the ping; without a count, replies until none comes for the timeout. */
    private int expectedReplies() {
        return servers > 0 ? servers : Integer.MAX_VALUE;
    }

    /** Publishes a request and gathers replies until {@code max} arrived or none came for {@code wait}. */
    private List<Message> collect(String subject, byte[] payload, int max, Duration wait) {
        String inbox = "_INBOX." + NUID.nextGlobal();
        Subscription sub = nc.subscribe(inbox);
        List<Message> out = new ArrayList<>();
        try {
            nc.publish(subject, inbox, payload);
            nc.flush(Duration.ofSeconds(5));
            while (out.size() < max) {
                Message m = sub.nextMessage(wait);
                if (m == null) {
                    break;
                }
                out.add(m);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ResolverException("the server did not acknowledge the request in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sub.unsubscribe();
        }
        if (out.isEmpty() && asyncError != null) {
            throw new ResolverException("the server refused " + subject + ": " + asyncError);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            nc.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
