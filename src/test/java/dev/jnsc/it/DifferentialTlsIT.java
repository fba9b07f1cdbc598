package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Differential;
import dev.jnsc.testing.SideServers;
import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.TestCerts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS of the NATS connections through target/nsc and the Go nsc 2.11.1, each side against its own
 * nats-server 2.9.10 running the full resolver configuration it generated plus a tls block that
 * requires client certificates ({@code verify: true}). Both read $NATS_CA, $NATS_CERT and $NATS_KEY
 * (only jnsc also has the flags --tlsca, --tlscert and --tlskey, a known difference): exit codes and every file written must agree, with the certificates
 * right, without a client certificate, with an untrusted CA and with a missing file. Certificates
 * are made with the JDK's keytool ({@link TestCerts}).
 */
class DifferentialTlsIT {
    @TempDir
    Path dir;
    Differential d;
    TestCerts.Ca ca;
    TestCerts.Ca otherCa;
    TestCerts.Pair client;
    SideServers servers;

    @BeforeEach
    void tlsServersForBothSides() throws Exception {
        d = Differential.orSkip(dir);
        TestCerts certs = new TestCerts(dir.resolve("certs"));
        ca = certs.ca("jnsc-test");
        otherCa = certs.ca("other");
        TestCerts.Pair server = certs.server(ca, "server");
        client = certs.client(ca, "client");
        // push refuses tls:// in the Go nsc 2.11.1 (see below): nats:// there, which the variables make TLS
        servers = SideServers.start(d, TestCerts.serverTls(server, ca), true);
        d.run("add", "account", "A");
        d.run("add", "user", "U");
    }

    private NatsServer server(Differential.Side side) {
        return servers.server(side);
    }

    @AfterEach
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private void clientCertificate() {
        d.env("NATS_CA", ca.pem.toString()).env("NATS_CERT", client.cert().toString()).env("NATS_KEY", client.key().toString());
    }

    @Test
    void pushPullAndToolsOverTls() throws Exception {
        clientCertificate();
        assertBoth(0, d.run("push", "-A"));
        assertBoth(0, d.run("pull", "-A"));
        assertBoth(0, d.run("tool", "pub", "-a", "A", "-u", "U", "greeting", "hello"));
        assertBoth(0, d.run("tool", "rtt", "--account", "A", "--user", "U"));
        // connected over TLS, then no responders: both fail after the handshake
        assertBoth(1, d.run("tool", "req", "-a", "A", "-u", "U", "nobody.listens", "hi"));
        // with a tls:// account JWT server URL, pull works in both; push only in jnsc (the Go nsc
        // 2.11.1's push accepts http, https, nats, ws and wss only, though its pull and edit operator take tls)
        d.runEach(side -> new String[] {"edit", "operator", "--account-jwt-server-url", server(side).tlsUrl()});
        assertBoth(0, d.run("pull", "-A"));
        Differential.Step push = d.run("push", "-A");
        assertTrue(push.go().err().startsWith("Error: scheme \"tls\" is not supported"), push.go()::toString);
        assertEquals(0, push.java().code(), push.java()::toString);
        d.assertOnly(Map.of("stores/O/O.jwt differs", "each side's operator names its own server's URL (the ports differ)",
                "exit code of \"push -A\": go 1, jnsc 0", "the Go nsc 2.11.1's push refuses tls:// URLs (its pull takes them)"));
    }

    @Test
    void refusedConnectionsFailInBoth() throws Exception {
        clientCertificate();
        assertBoth(0, d.run("push", "-A"));
        // no client certificate: the server refuses the connection
        d.env("NATS_CERT", null).env("NATS_KEY", null);
        assertBoth(1, d.run("tool", "pub", "-a", "A", "-u", "U", "x"));
        assertBoth(1, d.run("push", "-A"));
        // the server's certificate is not signed by the CA of NATS_CA
        clientCertificate();
        d.env("NATS_CA", otherCa.pem.toString());
        assertBoth(1, d.run("tool", "pub", "-a", "A", "-u", "U", "x"));
        assertBoth(1, d.run("pull", "-A"));
        // a missing file, and a key without its certificate
        d.env("NATS_CA", ca.pem.toString()).env("NATS_CERT", dir.resolve("missing.pem").toString());
        assertBoth(1, d.run("tool", "rtt", "-a", "A", "-u", "U"));
        d.env("NATS_CERT", null);
        assertBoth(1, d.run("tool", "pub", "-a", "A", "-u", "U", "x"));
        // jnsc's TLS flags (natscli's names): the Go nsc 2.11.1 has none and refuses them as unknown flags
        d.env("NATS_CERT", null).env("NATS_KEY", null).env("NATS_CA", null);
        Differential.Step pub = d.run("tool", "pub", "-a", "A", "-u", "U", "x", "--tlsca", ca.pem.toString(), "--tlscert",
                client.cert().toString(), "--tlskey", client.key().toString());
        assertTrue(pub.go().err().startsWith("Error: unknown flag: --tlsca"), pub.go()::toString);
        assertEquals(0, pub.java().code(), pub.java()::toString);
        Differential.Step push = d.run("push", "-A", "--tlsca", ca.pem.toString(), "--tlscert", client.cert().toString(),
                "--tlskey", client.key().toString());
        assertTrue(push.go().err().startsWith("Error: unknown flag: --tlsca"), push.go()::toString);
        assertEquals(0, push.java().code(), push.java()::toString);
        d.assertOnly(Map.of("stores/O/O.jwt differs", "each side's operator names its own server's URL (the ports differ)",
                "exit code of \"tool pub -a A -u U x --tlsca ", "jnsc's --tlsca/--tlscert/--tlskey; unknown flags to the Go nsc",
                "exit code of \"push -A --tlsca ", "jnsc's --tlsca/--tlscert/--tlskey; unknown flags to the Go nsc"));
    }

    /** Exit 0 in both, or failed in both (any non-zero code: jnsc exits 2 for a usage error), with jnsc's error one line. */
    private static void assertBoth(int code, Differential.Step s) {
        String both = s.command() + "\ngo:\n" + s.go() + "\njnsc:\n" + s.java();
        assertEquals(code == 0, s.go().code() == 0, both);
        assertEquals(code == 0, s.java().code() == 0, both);
        if (code != 0) {
            assertTrue(s.java().err().startsWith("Error: ") && !s.java().err().contains("\tat "), both);
            if (s.java().code() == 1) {
                assertEquals(1, s.java().err().strip().lines().count(), both);
            }
        }
    }
}
