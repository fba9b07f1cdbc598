package dev.jnsc.it;

import static dev.jnsc.testing.ProgressOutput.onTerminal;
import static dev.jnsc.testing.ProgressOutput.assertDrawnAndWiped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** push -A and pull -A through nats-server 2.9.10's full resolver: a progress line on a terminal, the same output either way. */
class NatsResolverProgressTest {
    @TempDir
    Path home;

    @Test
    void pushAndPullEveryAccount() throws Exception {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("add", "operator", "O", "--sys");
        for (int i = 0; i < 5; i++) {
            nsc.ok("add", "account", "A" + i);
        }
        Path dir = Files.createDirectories(home.resolve("srv"));
        Path conf = dir.resolve("server.conf");
        nsc.ok("generate", "config", "--nats-resolver", "--config-file", conf.toString());
        Files.writeString(conf, Files.readString(conf) + "server_name: n1\n");
        try (NatsServer server = NatsServer.startWithConfigFile(conf, dir)) {
            nsc.ok("edit", "operator", "--account-jwt-server-url", server.url());
            nsc.ok("push", "-A");
            // again: both runs find the JWTs the server already holds
            Nsc.Result off = nsc.run("push", "-A");
            Nsc.Result on = onTerminal(nsc, "push", "-A");
            assertEquals(0, off.code(), off.toString());
            assertTrue(off.out().contains("[ OK ] pushed 6 accounts to 1 nats-server"), off.out());
            assertDrawnAndWiped("pushing accounts", on, off);
            assertTrue(on.err().startsWith("\rpushing accounts 1/6"), on.err());

            Nsc.Result pullOff = nsc.run("pull", "-A");
            Nsc.Result pullOn = onTerminal(nsc, "pull", "-A");
            assertEquals(0, pullOff.code(), pullOff.toString());
            assertTrue(pullOff.out().contains("[ OK ] pulled \"A4\""), pullOff.out());
            // the servers' pack has no count: the line shows how many came
            assertDrawnAndWiped("pulling accounts", pullOn, pullOff);
            assertTrue(pullOn.err().startsWith("\rpulling accounts 1"), pullOn.err());
        }
    }
}
