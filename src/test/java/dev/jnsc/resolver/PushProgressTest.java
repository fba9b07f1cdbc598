package dev.jnsc.resolver;

import static dev.jnsc.testing.ProgressOutput.onTerminal;
import static dev.jnsc.testing.ProgressOutput.assertDrawnAndWiped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Nsc;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** push -A and pull -A to an account server: a progress line on a terminal, the same output either way. */
class PushProgressTest {
    @TempDir
    Path home;

    @Test
    void pushAndPullEveryAccountWithAndWithoutAProgressLine() throws Exception {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("add", "operator", "O", "--sys");
        for (int i = 0; i < 6; i++) {
            nsc.ok("add", "account", "A" + i);
        }
        try (Running server = Running.dir(home.resolve("jwts"), nsc.operatorJwt("O"), ClaimsNotifier.NONE,
                Clock.systemUTC())) {
            nsc.ok("edit", "operator", "--account-jwt-server-url", server.server.url() + "/jwt/v1");
            Nsc.Result off = nsc.run("push", "-A");
            Nsc.Result on = onTerminal(nsc, "push", "-A");
            assertEquals(0, off.code(), off.toString());
            assertTrue(off.out().contains("[ OK ] pushed \"A5\" to account server"), off.out());
            assertDrawnAndWiped("pushing accounts", on, off);
            assertTrue(on.err().startsWith("\rpushing accounts 1/7"), on.err());

            Nsc.Result pullOff = nsc.run("pull", "-A");
            Nsc.Result pullOn = onTerminal(nsc, "pull", "-A");
            assertEquals(0, pullOff.code(), pullOff.toString());
            assertTrue(pullOff.out().contains("[ OK ] pulled \"A3\""), pullOff.out());
            assertDrawnAndWiped("pulling accounts", pullOn, pullOff);
            assertTrue(pullOn.err().startsWith("\rpulling accounts 1/7"), pullOn.err());
        }
        // nothing answers: the error comes after the wiping, as it would without the line
        Nsc.Result failedOff = nsc.run("pull", "-A");
        Nsc.Result failedOn = onTerminal(nsc, "pull", "-A");
        assertEquals(1, failedOff.code(), failedOff.toString());
        assertDrawnAndWiped("pulling accounts", failedOn, failedOff);
    }
}
