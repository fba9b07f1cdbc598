package dev.jnsc.it;


import dev.jnsc.testing.Differential;
import dev.jnsc.testing.SideServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that talk to nats-server (push, pull, tool pub, tool rtt, tool req) through
 * target/nsc and the Go nsc 2.11.1, each side against its own nats-server 2.9.10 running the full
 * resolver configuration it generated: exit codes and every file written must agree.
 */
class DifferentialServerIT {

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

    @Test
    void pushPullAndTools() throws Exception {
        d.run("push", "-A");
        d.run("push", "-a", "A", "--system-account", "SYS", "--system-user", "sys", "--timeout", "5");
        d.run("push", "-D");
        d.run("edit", "account", "A", "--conns", "5");
        d.run("push", "--account", "A", "-F");
        d.run("pull", "-A");
        d.run("pull", "-a", "A", "--overwrite-newer", "--system-account", "SYS", "--system-user", "sys");
        d.runEach(side -> new String[] {"push", "-a", "A", "-u", url(side)});
        d.run("tool", "pub", "-a", "A", "-u", "U", "greeting", "hello");
        d.run("tool", "rtt", "--account", "A", "--user", "U");
        d.run("pub", "greeting", "again");
        // allow_delete is false in the generated configuration: both refuse to remove an account
        d.run("add", "account", "B");
        d.run("push", "-a", "B");
        d.run("push", "-P");
        d.run("push", "--account-removal", "B");
        d.run("push", "-R", "B", "--diff"); // mutually exclusive: both refuse
        d.run("push", "-R", "nosuch");
        d.assertOnly(Map.of("stores/O/O.jwt differs", "each side's operator names its own server's URL (the ports differ)"));
    }
}
