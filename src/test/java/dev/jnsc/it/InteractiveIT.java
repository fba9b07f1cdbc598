package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Pty;
import dev.jnsc.testing.Executable;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -i in the built executable: on a pseudo terminal (util-linux script) the launcher sees a
 * terminal and the questions are asked through JLine's exec provider in the shaded jar; with
 * standard input or output redirected it is a usage error that writes nothing.
 */
class InteractiveIT {
    @TempDir
    Path home;

    private ProcessBuilder process(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().putAll(Nsc.homeEnv(home));
        pb.environment().put("JNSC_CDS", "0");
        pb.environment().put("TERM", "xterm");
        return pb;
    }

    @Test
    void onAPseudoTerminalTheAnswersTypedAreUsed() throws Exception {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        // typed ahead: name, Enter for "generate an account nkey" and "valid from", then "valid until"
        Pty.Result res = Pty.run(home, "add account -i", "B\r\r\r2030-01-02\r");
        String screen = res.screen();
        assertEquals(0, res.code(), screen);
        assertTrue(screen.contains("? account name: ") && screen.contains("? valid until (0 is always): "), screen);
        assertTrue(screen.contains("[ OK ] added account \"B\""), screen);
        AccountClaims ac = Jwt.decode(Nsc.read(nsc.accountJwt("O", "B"))).as(AccountClaims.class, "an account");
        assertEquals(java.time.Instant.parse("2030-01-02T00:00:00Z").getEpochSecond(), ac.expires());
    }

    @Test
    void withoutATerminalItIsAUsageErrorThatWritesNothing() throws Exception {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        Map<String, String> before = nsc.snapshot();
        Path err = home.resolve("err.txt");
        Process p = process(List.of(Executable.path().toString(), "add", "account", "-i", "B"))
                .redirectInput(ProcessBuilder.Redirect.PIPE).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertEquals("Error: -i/--interactive needs a terminal: standard input and output must both be one (give the"
                + " values as flags instead)\n", Files.readString(err));
        Files.delete(err);
        assertEquals(before, nsc.snapshot());
    }
}
