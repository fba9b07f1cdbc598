package dev.jnsc.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Nsc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data sharing training pushes to {@link TrainingNatsServer}: the push must go through
 * to the end (every account answered), or the archive would miss the classes of the replies.
 */
class TrainingNatsServerTest {
    @TempDir
    Path home;

    @Test
    void aPushGoesThroughToTheEnd() throws Exception {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("add", "operator", "S", "--sys");
        nsc.ok("add", "account", "B");
        try (TrainingNatsServer server = new TrainingNatsServer()) {
            for (int i = 0; i < 2; i++) { // one connection after the other
                Nsc.Result push = nsc.ok("push", "-A", "-u", server.url());
                assertTrue(push.out().contains("[ OK ] pushed \"B\" to nats-server training: jwt updated"), push.out());
                assertTrue(push.out().contains("[ OK ] pushed 2 accounts to 1 nats-server"), push.out());
            }
        }
    }
}
