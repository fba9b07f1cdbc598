package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Http;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable's account server: runs until SIGTERM, then stops cleanly (run by failsafe). */
class AccountServerIT {
    @TempDir
    Path home;

    @Test
    void servesUntilTerminated() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        ProcessBuilder pb = new ProcessBuilder(ExecutableIT.executable().toString(), "account-server", "--nsc",
                nsc.stores().resolve("O").toString(), "--hp", "127.0.0.1:0").directory(home.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("JNSC_CDS", "0");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(stderr: " + e + ")");
            }
        });
        reader.start();
        try {
            Pattern listening = Pattern.compile("\\[INF\\] listening on (http://127\\.0\\.0\\.1:\\d+)");
            List<String> seen = new ArrayList<>();
            String url = null;
            while (url == null) {
                String line = lines.poll(30, TimeUnit.SECONDS);
                assertNotNull(line, "no listening line: " + seen);
                seen.add(line);
                Matcher m = listening.matcher(line);
                url = m.matches() ? m.group(1) : null;
            }
            Http http = new Http(url);
            assertEquals(200, http.get("/healthz").statusCode());
            String jwt = Nsc.read(nsc.accountJwt("O", "A"));
            assertEquals(jwt, http.get("/jwt/v1/accounts/" + Signing.subject(jwt)).body());

            p.toHandle().destroy(); // SIGTERM, leaving our end of its stderr open (Process.destroy closes it)
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stopped after SIGTERM");
            reader.join(10_000);
        } finally {
            p.destroyForcibly();
        }
        assertEquals(143, p.exitValue(), "the JVM's exit status after SIGTERM");
        assertTrue(lines.contains("[INF] stopped"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\[INF\\] GET /healthz 200 15B \\d+ms")), lines.toString());
    }

    /**
     * The launcher runs the account server with full tiered compilation and TCP_NODELAY, and a
     * keep-alive connection gets its answers without waiting for delayed acknowledgements: 300
     * requests one after the other would take 12 s at the 40 ms such a wait costs each.
     */
    @Test
    void keepAliveRequestsAreAnsweredWithoutDelayedAckStalls() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        ProcessBuilder pb = new ProcessBuilder(ExecutableIT.executable().toString(), "account-server", "--nsc",
                nsc.stores().resolve("O").toString(), "--hp", "127.0.0.1:0").directory(home.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("JNSC_CDS", "0");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            Pattern listening = Pattern.compile("\\[INF\\] listening on http://127\\.0\\.0\\.1:(\\d+)");
            int port = 0;
            String line;
            while (port == 0 && (line = err.readLine()) != null) {
                Matcher m = listening.matcher(line);
                if (m.matches()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertTrue(port > 0, "no listening line");
            Thread drain = new Thread(() -> {
                try {
                    err.transferTo(java.io.Writer.nullWriter());
                } catch (IOException e) {
                    // the process ended
                }
            });
            drain.setDaemon(true);
            drain.start();
            String cmdline = java.nio.file.Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
            assertTrue(cmdline.contains("-Dsun.net.httpserver.nodelay=true"), cmdline);
            assertTrue(!cmdline.contains("TieredStopAtLevel"), "full tiered compilation: " + cmdline);
            assertTrue(cmdline.contains("-XX:NewRatio=1"), "a larger young generation: " + cmdline);

            String jwt = Nsc.read(nsc.accountJwt("O", "A"));
            byte[] request = ("GET /jwt/v1/accounts/" + Signing.subject(jwt) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                s.setSoTimeout(10_000);
                java.io.InputStream in = new java.io.BufferedInputStream(s.getInputStream());
                for (int i = 0; i < 20; i++) { // warm-up
                    s.getOutputStream().write(request);
                    assertEquals(jwt, readBody(in));
                }
                long start = System.nanoTime();
                for (int i = 0; i < 300; i++) {
                    s.getOutputStream().write(request);
                    assertEquals(jwt, readBody(in));
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms < 6000, "300 keep-alive requests took " + ms + " ms");
            }
            p.toHandle().destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stopped after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
    }

    /** One response on a keep-alive connection: status 200 expected, the body by its Content-Length. */
    private static String readBody(java.io.InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) c);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 200"), head.toString());
        Matcher m = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        assertTrue(m.find(), head.toString());
        return new String(in.readNBytes(Integer.parseInt(m.group(1))), StandardCharsets.US_ASCII);
    }

    /**
     * The executable with --nsc, --nats and --creds in front of nats-server 2.9.10 with a URL
     * resolver: an account edited with nsc meanwhile (max connections 1) is applied by the server
     * without a restart.
     */
    @Test
    void nscFolderEditsReachTheServer() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        nsc.ok("add", "account", "SYS");
        nsc.ok("add", "user", "S", "-a", "SYS");
        String sys = Signing.subject(Nsc.read(nsc.accountJwt("O", "SYS")));
        int natsPort = dev.jnsc.testing.NatsServer.freePort();
        ProcessBuilder pb = new ProcessBuilder(ExecutableIT.executable().toString(), "account-server", "--nsc",
                nsc.stores().resolve("O").toString(), "--hp", "127.0.0.1:0", "--nats", "nats://127.0.0.1:" + natsPort,
                "--creds", nsc.creds("O", "SYS", "S").toString()).directory(home.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("JNSC_CDS", "0");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(stderr: " + e + ")");
            }
        });
        reader.start();
        try {
            Pattern listening = Pattern.compile("\\[INF\\] listening on (http://127\\.0\\.0\\.1:\\d+)");
            String url = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (url == null && System.nanoTime() < deadline) {
                for (String l : List.copyOf(lines)) {
                    Matcher m = listening.matcher(l);
                    if (m.matches()) {
                        url = m.group(1);
                    }
                }
                Thread.sleep(20);
            }
            assertNotNull(url, "no listening line: " + lines);
            String config = "operator: \"" + nsc.operatorJwt("O") + "\"\nresolver: URL(" + url + "/jwt/v1/accounts/)\n"
                    + "system_account: " + sys + "\n";
            try (dev.jnsc.testing.NatsServer server = dev.jnsc.testing.NatsServer.start(home.resolve("server"), natsPort,
                    config)) {
                io.nats.client.Options o = new io.nats.client.Options.Builder().server(server.url())
                        .authHandler(io.nats.client.Nats.credentials(nsc.creds("O", "A", "U").toString()))
                        .connectionTimeout(java.time.Duration.ofSeconds(5)).maxReconnects(0).build();
                try (io.nats.client.Connection first = connectWithin(o, lines, server);
                        io.nats.client.Connection second = connectWithin(o, lines, server)) {
                    second.flush(java.time.Duration.ofSeconds(2)); // no limit yet: two at once
                }
                nsc.advance(java.time.Duration.ofSeconds(1)).ok("edit", "account", "A", "--conns", "1");
                // until the update lands, a second connection next to a held one gets in
                boolean refused = false;
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!refused && System.nanoTime() < end) {
                    try (io.nats.client.Connection holder = connectWithin(o, lines, server)) {
                        holder.flush(java.time.Duration.ofSeconds(2));
                        try (io.nats.client.Connection other = io.nats.client.Nats.connect(o)) {
                            other.flush(java.time.Duration.ofSeconds(2));
                        } catch (IOException e) {
                            refused = true;
                        }
                    }
                    Thread.sleep(100);
                }
                assertTrue(refused, "max connections 1 applied by the server; log: " + lines);
            }
            String a = Signing.subject(Nsc.read(nsc.accountJwt("O", "A")));
            assertTrue(lines.contains("[INF] notified servers on $SYS.ACCOUNT." + a + ".CLAIMS.UPDATE"), lines.toString());
            p.toHandle().destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stopped after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * Connects, trying again for up to 30 s: on a loaded machine the first connection can time out
     * while nats-server fetches the account from the account server, which is still warming up.
     */
    private static io.nats.client.Connection connectWithin(io.nats.client.Options o, BlockingQueue<String> lines,
            dev.jnsc.testing.NatsServer server) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        IOException last = null;
        while (System.nanoTime() < end) {
            try {
                return io.nats.client.Nats.connect(o);
            } catch (IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new AssertionError("cannot connect; account server: " + lines + "\nnats-server: " + server.log(), last);
    }
}
