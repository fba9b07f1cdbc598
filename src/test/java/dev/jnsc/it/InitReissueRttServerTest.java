package dev.jnsc.it;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.Nsc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * init, reissue operator and tool rtt against a real nats-server 2.9.10: what init makes serves
 * as it is, a reissued operator's users still connect once the config is generated again, and rtt
 * measures a round trip as the user.
 */
class InitReissueRttServerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private final List<NatsServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(NatsServer::close);
    }

    /** `nsc generate config --mem-resolver` into a new file, and a server started on it; its URL. */
    private String serve(Nsc nsc, String name) {
        Path conf = home.resolve(name + ".conf");
        try {
            Files.deleteIfExists(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nsc.ok("generate", "config", "--mem-resolver", "--config-file", conf.toString());
        NatsServer server = NatsServer.startWithConfigFile(conf, home);
        servers.add(server);
        return server.url();
    }

    private static void pubSub(Nsc nsc, String account, String user, String url) {
        Nsc.Running sub = nsc.start("sub", "-a", account, "-u", user, "hello", "--max-messages", "1", "--nats", url)
                .awaitOut("Listening on [hello]", WAIT);
        assertEquals("Published [hello] : \"NATS\"\n",
                nsc.ok("pub", "-a", account, "-u", user, "hello", "NATS", "--nats", url).out());
        Nsc.Result r = sub.result(WAIT);
        assertEquals(0, r.code(), r::toString);
        assertEquals("Listening on [hello] for 1 messages\n[#1] received on [hello]: 'NATS'\n", r.out());
    }

    @Test
    void initThenReissueAndTheUsersStillConnect() {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("init", "-n", "demo");
        String before = serve(nsc, "before");
        pubSub(nsc, "demo", "demo", before);
        pubSub(nsc, "SYS", "sys", before);

        String operatorJwt = Nsc.read(nsc.operatorJwt("demo"));
        nsc.ok("reissue", "operator");
        assertNotEquals(operatorJwt, Nsc.read(nsc.operatorJwt("demo")));
        String after = serve(nsc, "after");
        pubSub(nsc, "demo", "demo", after);
        pubSub(nsc, "SYS", "sys", after);
        // the server trusts the new operator JWT, not the old one
        assertTrue(Nsc.read(home.resolve("after.conf")).contains(Nsc.read(nsc.operatorJwt("demo")).trim()));
        assertTrue(!Nsc.read(home.resolve("after.conf")).contains(operatorJwt.trim()));
    }

    @Test
    void convertedIdentityKeepsTheAccountsValidOnTheServer() {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("init", "-n", "demo");
        nsc.ok("reissue", "operator", "--convert-to-signing-key");
        String url = serve(nsc, "converted");
        pubSub(nsc, "demo", "demo", url);
    }

    @Test
    void rttToTheServer() {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("init", "-n", "demo");
        String url = serve(nsc, "rtt");
        Nsc.Result r = nsc.ok("tool", "rtt", "--nats", url);
        assertTrue(r.out().matches("round trip time to \\[" + java.util.regex.Pattern.quote(url)
                + "\\] = [0-9.]+(ns|\u00b5s|ms|s)\n"), r::toString);
        assertEquals("", r.err());
        // hidden at the top level, as in nsc; -a and -u choose the user
        Nsc.Result top = nsc.ok("rtt", "-a", "SYS", "-u", "sys", "--nats", url);
        assertTrue(top.out().startsWith("round trip time to [" + url + "] = "), top::toString);
        // the operator's service URL by default: init sets nats://localhost:4222, point it at the server
        nsc.ok("edit", "operator", "--rm-service-url", "nats://localhost:4222", "--service-url", url);
        assertTrue(nsc.ok("tool", "rtt").out().startsWith("round trip time to [" + url + "] = "));
    }

    @Test
    void rttRefusals() throws Exception {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("init", "-n", "demo");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        fails(nsc, "no server reachable at nats://127.0.0.1:" + port, "tool", "rtt", "--nats", "nats://127.0.0.1:" + port);
        fails(nsc, "user \"nosuch\"", "tool", "rtt", "-u", "nosuch", "--nats", "nats://127.0.0.1:" + port);
        nsc.ok("edit", "operator", "--rm-service-url", "nats://localhost:4222");
        fails(nsc, "operator \"demo\" has no service URLs", "tool", "rtt");
        // a user the server does not know is refused with the server's reason
        String url = serve(nsc, "refuse");
        nsc.ok("add", "account", "late");
        nsc.ok("add", "user", "late", "-a", "late");
        Nsc.Result r = nsc.run("rtt", "-a", "late", "-u", "late", "--nats", url);
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().startsWith("Error: "), r::toString);
    }
}
