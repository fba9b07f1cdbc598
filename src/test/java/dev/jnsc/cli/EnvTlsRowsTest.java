package dev.jnsc.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Nsc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** env lists the TLS variables of NATS connections as the Go nsc 2.11.1 does (set even when empty). */
class EnvTlsRowsTest {
    @TempDir
    Path home;

    private static void has(String err, String... rows) {
        for (String row : rows) {
            assertTrue(err.matches("(?s).*" + row + ".*"), () -> "missing " + row + "\n" + err);
        }
    }

    @Test
    void unsetVariables() {
        String err = new Nsc(home).ok("env").err();
        has(err, "│ \\$NATS_CA +│ No  │ If set, root CAs in the referenced file will be used for nats connections +│",
                "│ +│ +│ If not set, will default to the system trust store +│",
                "│ \\$NATS_KEY +│ No  │ If set, the tls key in the referenced file will be used for nats connections +│",
                "│ \\$NATS_CERT +│ No  │ If set, the tls cert in the referenced file will be used for nats connections +│",
                "│ Root CAs to trust +│ +│ Default: System Trust Store +│");
    }

    @Test
    void setVariables() {
        String err = new Nsc(home).env("NATS_CA", " ca.pem ").env("NATS_KEY", "").ok("env").err();
        has(err, "│ \\$NATS_CA +│ Yes │", "│ \\$NATS_KEY +│ Yes │", "│ \\$NATS_CERT +│ No  │",
                "│ Root CAs to trust +│ +│ File: ca.pem +│");
    }
}
