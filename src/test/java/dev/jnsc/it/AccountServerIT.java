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
}
