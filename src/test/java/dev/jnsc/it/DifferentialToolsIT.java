package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Differential;
import dev.jnsc.testing.SideServers;
import dev.jnsc.testing.Executable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The waiting tools (tool sub, tool reply) with every flag of the Go nsc 2.11.1, through target/nsc
 * and the Go nsc, each side against its own nats-server 2.9.10: a listener runs in the background
 * on both sides, then tool pub or tool req of the same side sends to it. Exit codes and every line
 * printed must agree (of a failure, the exit code), with inbox subjects and keys normalised. The
 * Go nsc prints the lines on stderr (all but req's "received reply"), jnsc on stdout (they are
 * the tools' data, see the README), so the lines of both streams compare together, as a sorted
 * list (each carries its message number).
 */
class DifferentialToolsIT {

    @TempDir
    Path dir;
    Differential d;
    SideServers servers;

    @BeforeEach
    void serversForBothSides() throws Exception {
        d = Differential.orSkip(dir);
        servers = SideServers.start(d, null, false);
        d.run("add", "account", "A");
        d.run("add", "user", "U");
        d.run("add", "user", "V");
        d.run("add", "account", "B");
        d.run("add", "user", "W", "-a", "B");
        d.run("push", "-A");
    }

    private String url(Differential.Side side) {
        return servers.url(side);
    }

    @AfterEach
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    /**
     * A step's lines as they compare: both streams, keys labelled, inboxes without their random
     * part, encrypted texts as their length.
     */
    private List<String> lines(Differential.Side side, Executable.Result r) {
        List<String> out = new ArrayList<>();
        for (String text : List.of(r.out(), r.err())) {
            for (String line : Differential.normalise(side, text).split("\n")) {
                if (!line.isBlank()) {
                    line = line.replaceAll("_INBOX\\.[A-Za-z0-9]+(\\.[A-Za-z0-9]+)?", "_INBOX.<inbox>");
                    // an encrypted text (base64 of the seed's first 12 characters "SA...", then the sealed
                    // text) depends on the side's account seed: its length must agree
                    Matcher m = Pattern.compile("\\bU0FB[A-Za-z0-9+/]{20,}").matcher(line);
                    out.add(m.replaceAll(x -> "<encrypted, " + x.group().length() + " characters>"));
                }
            }
        }
        return out;
    }

    /** The step did the same in both: exit code and, when it succeeded, the lines printed. */
    private void same(Differential.Step s) {
        assertEquals(s.go().code(), s.java().code(), s.command() + "\ngo:\n" + s.go() + "\njnsc:\n" + s.java());
        if (s.go().code() != 0) {
            return;
        }
        List<String> g = lines(d.go(), s.go());
        List<String> j = lines(d.java(), s.java());
        assertEquals(g.stream().sorted().toList(), j.stream().sorted().toList(), s.command());
    }

    @Test
    void subscribeWithEveryFlag() throws Exception {
        try (Differential.Background sub = d.start("tool", "sub", "--account", "A", "--user", "U", "--max-messages", "1",
                "hello")) {
            assertTrue(sub.await("istening on [hello]"));
            same(d.run("tool", "pub", "-a", "A", "-u", "V", "hello", "world"));
            same(sub.finish());
        }
        // a queue subscription of the other account; the short flags
        try (Differential.Background sub = d.start("tool", "sub", "-a", "B", "-u", "W", "-q", "workers", "--max-messages",
                "2", "q.>")) {
            assertTrue(sub.await("istening on [q.>]"));
            same(d.run("tool", "pub", "-a", "B", "q.one", "first"));
            same(d.run("tool", "pub", "-a", "B", "--user", "W", "q.two"));
            same(sub.finish());
        }
        // the top-level (hidden) form, --queue spelled out
        try (Differential.Background sub = d.start("sub", "-a", "A", "-u", "U", "--queue", "g", "--max-messages", "1", "top")) {
            assertTrue(sub.await("istening on [top]"));
            same(d.run("pub", "-a", "A", "-u", "V", "top", "level"));
            same(sub.finish());
        }
        // refusals: no count of zero, an unknown user, a subject the server refuses
        same(d.run("tool", "sub", "-a", "A", "-u", "U", "--max-messages", "0", "x"));
        same(d.run("tool", "sub", "-a", "A", "-u", "nobody", "--max-messages", "1", "x"));
        same(d.run("tool", "reply", "-a", "A", "-u", "U", "--max-messages", "0", "x"));
        d.assertOnly(Map.of("stores/O/O.jwt differs", "each side's operator names its own server's URL (the ports differ)"));
    }

    @Test
    void encryptedRequestsAndReplies() throws Exception {
        // tool req -E encrypts with the account's seed; tool sub -E decrypts what it sees, and the
        // replier (no -E: it echoes the encrypted request) lets req -E decrypt the reply
        try (Differential.Background sub = d.start("tool", "sub", "-a", "A", "-u", "U", "-E", "--max-messages", "1", "enc.>");
                Differential.Background reply = d.start("tool", "reply", "-a", "A", "-u", "U", "--max-messages", "1", "enc.k")) {
            assertTrue(sub.await("istening on [enc.>]"));
            assertTrue(reply.await("istening on [enc.k]"));
            same(d.run("tool", "req", "-a", "A", "-u", "V", "-E", "enc.k", "key value"));
            same(reply.finish());
            same(sub.finish());
        }
        try (Differential.Background sub = d.start("tool", "sub", "-a", "A", "-u", "U", "--encrypt", "--max-messages", "1", "plain")) {
            assertTrue(sub.await("istening on [plain]"));
            same(d.run("tool", "pub", "-a", "A", "-u", "V", "plain", "not encrypted"));
            same(sub.finish());
        }
        d.assertOnly(Map.of("stores/O/O.jwt differs", "each side's operator names its own server's URL (the ports differ)"));
    }

    @Test
    void replyWithEveryFlag() throws Exception {
        try (Differential.Background reply = d.start("tool", "reply", "--account", "A", "--user", "U", "--queue", "svc",
                "--max-messages", "1", "svc.time", "answer")) {
            assertTrue(reply.await("istening on [svc.time]"));
            same(d.run("tool", "req", "--account", "A", "--user", "V", "svc.time", "question"));
            same(reply.finish());
        }
        // the request's payload echoed; a message without a reply subject is not answered
        try (Differential.Background reply = d.start("tool", "reply", "-a", "B", "-u", "W", "-q", "g", "--max-messages", "2",
                "echo")) {
            assertTrue(reply.await("istening on [echo]"));
            same(d.run("tool", "req", "-a", "B", "-u", "W", "echo", "ping"));
            same(d.run("tool", "pub", "-a", "B", "-u", "W", "echo", "no reply"));
            same(reply.finish());
        }
        try (Differential.Background reply = d.start("reply", "-a", "A", "-u", "U", "--max-messages", "1", "top")) {
            assertTrue(reply.await("istening on [top]"));
            same(d.run("req", "-a", "A", "-u", "V", "top"));
            same(reply.finish());
        }
        // no responders: both fail; an unanswered request: the Go nsc prints "request timed out"
        // and exits 0, jnsc fails (exit 1) so that scripts can tell
        same(d.run("tool", "req", "-a", "A", "-u", "V", "nobody.listens", "x"));
        try (Differential.Background sub = d.start("tool", "sub", "-a", "A", "-u", "U", "--max-messages", "1", "silent")) {
            assertTrue(sub.await("istening on [silent]"));
            Differential.Step s = d.run("tool", "req", "-a", "A", "-u", "V", "silent", "anyone?");
            assertEquals(0, s.go().code(), s.go().toString());
            assertTrue(s.go().err().contains("request timed out"), s.go().toString());
            assertEquals(1, s.java().code(), s.java().toString());
            assertTrue(s.java().err().contains("Error: request to \"silent\" timed out after 5s"), s.java().toString());
            same(sub.finish());
        }
        d.assertOnly(Map.of("stores/O/O.jwt differs", "each side's operator names its own server's URL (the ports differ)",
                "exit code of \"tool req -a A -u V silent anyone?\": go 0, jnsc 1",
                "the Go nsc reports an unanswered request as \"request timed out\" with exit 0 (README)"));
    }
}
