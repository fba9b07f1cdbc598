package dev.jnsc.cli;

import static dev.jnsc.testing.PromptTerminal.CTRL_C;
import static dev.jnsc.testing.PromptTerminal.ENTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.PromptTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** push | pull -i through a terminal emulation, against a real nats-server with its full resolver. */
class PushPullPromptTest {
    @TempDir
    Path home;
    Nsc nsc;
    PromptTerminal t;
    NatsServer server;

    @BeforeEach
    void serverAndStore() throws Exception {
        nsc = new Nsc(home).realClock();
        nsc.ok("add", "operator", "O", "--sys");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "user", "U");
        Path dir = Files.createDirectories(home.resolve("srv"));
        Path conf = dir.resolve("server.conf");
        nsc.ok("generate", "config", "--nats-resolver", "--config-file", conf.toString());
        Files.writeString(conf, Files.readString(conf) + "server_name: n1\n");
        server = NatsServer.startWithConfigFile(conf, dir);
        nsc.ok("edit", "operator", "--account-jwt-server-url", server.url());
        t = new PromptTerminal();
    }

    @AfterEach
    void close() {
        t.close();
        server.close();
    }

    @Test
    void pushAsksAccountUrlAndSystemAccount() {
        Nsc.Running r = t.start(nsc, "push", "-i", "-a", "A");
        t.answer("? select account:", "").expect("1) A").expect("2) SYS").answer("choose 1-2 [1]", ENTER)
                .answer("? Account Server URL or nats-resolver enabled nats-server URL [" + server.url() + "]: ",
                        "ftp://x" + ENTER).expect("protocol not supported")
                .answer("URL [" + server.url() + "]: ", ENTER)
                .answer("? select system account:", "").answer("choose 1-2 [2]", ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        assertTrue(res.out().contains("[ OK ] pushed \"A\" to nats-server n1: jwt updated"), res::toString);
    }

    @Test
    void pushCtrlCAtTheSystemAccountPushesNothing() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "push", "-i", "-A");
        t.answer("Account Server URL or nats-resolver enabled nats-server URL", ENTER)
                .answer("? select system account:", "").answer("choose 1-2 [2]", CTRL_C);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertEquals(before, nsc.snapshot());
        Nsc.Result diff = nsc.ok("push", "--diff");
        assertTrue(diff.out().contains("only in the local store: \"A\""), "the server never got A: " + diff);
    }

    @Test
    void pullAllWithEnterAndCtrlCChangesNothing() {
        nsc.ok("push", "-A");
        Nsc.Running r = t.start(nsc, "pull", "-i");
        t.answer("? pull operator \"O\" and all accounts (Y/n): ", ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
        assertTrue(res.out().contains("pulled"), res::toString);

        t.close();
        t = new PromptTerminal();
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r2 = t.start(nsc, "pull", "-i");
        t.answer("pull operator \"O\" and all accounts", "n" + ENTER).answer("? select account:", "")
                .answer("choose 1-2", CTRL_C);
        assertEquals(1, r2.result(PromptTerminal.RESULT_WAIT).code());
        assertEquals(before, nsc.snapshot());
    }
}
