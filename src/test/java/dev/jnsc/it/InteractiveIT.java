package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Executable;
import dev.jnsc.testing.Nsc;
import java.nio.charset.StandardCharsets;
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
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs util-linux script for a pseudo terminal");
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        Path input = home.resolve("typed.txt");
        // typed ahead: name, Enter for "generate an account nkey" and "valid from", then "valid until"
        Files.writeString(input, "B\r\r\r2030-01-02\r");
        Path out = home.resolve("screen.txt");
        Process p = process(List.of("/usr/bin/script", "-qec", Executable.path() + " add account -i", "/dev/null"))
                .redirectInput(input.toFile()).redirectOutput(out.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String screen = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), screen);
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
