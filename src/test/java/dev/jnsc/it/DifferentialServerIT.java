package dev.jnsc.it;


import dev.jnsc.testing.Differential;
import dev.jnsc.testing.NatsServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    final Map<String, NatsServer> servers = new LinkedHashMap<>();

    @BeforeEach
    void serversForBothSides() throws Exception {
        d = Differential.orSkip(dir);
        d.run("add", "operator", "O", "--sys");
        d.run("generate", "config", "--nats-resolver", "--config-file", "out/server.conf");
        for (Differential.Side side : new Differential.Side[] {d.go(), d.java()}) {
            servers.put(side.home().toString(), NatsServer.startWithConfigFile(side.output().resolve("server.conf"),
                    side.output()));
        }
        d.runEach(side -> new String[] {"edit", "operator", "--account-jwt-server-url", url(side), "--service-url", url(side)});
        d.run("add", "account", "A");
        d.run("add", "user", "U");
    }

    private String url(Differential.Side side) {
        return servers.get(side.home().toString()).url();
    }

    @AfterEach
    void stop() {
        servers.values().forEach(NatsServer::close);
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
