package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnsc.testing.Differential;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What scripts see, through target/nsc and the Go nsc 2.11.1 alike: which stream each line goes
 * to, the signer chosen without -K, -o files written again, revoked users listed; and the files.
 */
class DifferentialBehaviourIT {

    @TempDir
    Path dir;

    private Differential d;

    @BeforeEach
    void reference() {
        d = Differential.orSkip(dir);
    }

    /** Public keys and seeds differ between the two runs: compare the lines without them. */
    private static String lines(String text) {
        return text.replaceAll("/(go|jnsc)/", "/<side>/").replaceAll("S?[OAU][A-Z2-7]{55}", "<KEY>").replaceAll("[╭╮╰╯├┤┬┴┼]", "+").replace('─', '-')
                .replace('│', '|');
    }

    /** The line jnsc adds when several stored keys could sign (the Go nsc signs as quietly). */
    private static final String NOTE = "[ OK ] signed by operator \"O\" with its identity key <KEY> (1 other stored key could"
            + " sign: choose with -K)\n";

    private void sameLines(Differential.Step s) {
        assertEquals(s.go().code(), s.java().code(), s.command());
        assertEquals(lines(s.go().out()), lines(s.java().out()).replace(NOTE, ""), "stdout of " + s.command());
        assertEquals(lines(s.go().err()), lines(s.java().err()), "stderr of " + s.command());
    }

    @Test
    void streamsSignerChoiceAndOutputFiles() throws Exception {
        sameLines(d.run("add", "operator", "O", "--generate-signing-key"));
        // several operator keys can sign: both sign with the identity key; jnsc adds a line saying so
        Differential.Step account = d.run("add", "account", "A");
        assertEquals(lines(account.go().out()) + NOTE, lines(account.java().out()));
        sameLines(d.run("edit", "account", "A", "--sk", "generate"));
        Differential.Step user = d.run("add", "user", "U");
        assertEquals(lines(user.go().out()) + NOTE.replace("operator \"O\"", "account \"A\""), lines(user.java().out()));
        sameLines(d.run("generate", "creds", "-n", "U", "-o", "out/u.creds"));
        // written again on every run of a script: replaced, not refused
        sameLines(d.run("generate", "creds", "-n", "U", "-o", "out/u.creds"));
        // jnsc's line names the user and the time (Go: revoked user "<key>"): compared on disk only
        d.run("revocations", "add-user", "-n", "U", "--at", "2026-11-01T00:00:00Z");
        sameLines(d.run("revocations", "list-users"));
        sameLines(d.run("list", "keys", "-A"));
        Differential.Step bad = d.run("add", "account", "A");
        assertEquals("", bad.java().out());
        assertEquals(bad.go().out(), bad.java().out());
        Map<String, String> known = DifferentialIT.identityGaps();
        known.put("only go wrote keys/keys/A/**/?A.nk", "the Go nsc stores a new account key before refusing an account"
                + " that exists; jnsc changes nothing when it refuses");
        d.assertOnly(known);
    }
}
