package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** push and pull --json against a real nats-server's full resolver: one reply per account and server. */
class JsonPushPullTest {
    @TempDir
    Path home;

    @Test
    void pushRepliesAndPulledAccounts() throws Exception {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("add", "operator", "O", "--sys");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "account", "B");
        Path conf = Files.createDirectories(home.resolve("srv")).resolve("server.conf");
        nsc.ok("generate", "config", "--nats-resolver", "--config-file", conf.toString());
        Files.writeString(conf, Files.readString(conf).replace("allow_delete: false", "allow_delete: true")
                + "server_name: n1\n");
        try (NatsServer server = NatsServer.startWithConfigFile(conf, conf.getParent())) {
            nsc.ok("edit", "operator", "--account-jwt-server-url", server.url());
            Nsc.Result push = nsc.ok("push", "-A", "--json");
            JsonNode json = parse(push);
            assertTrue(json.get("ok").asBoolean());
            assertEquals("push", json.get("command").asText());
            Map<String, String> replies = new TreeMap<>();
            for (JsonNode r : json.get("replies")) {
                assertEquals("n1", r.get("server").asText(), r.toString());
                assertTrue(r.get("ok").asBoolean(), r.toString());
                replies.put(r.get("account").asText(), r.get("message").asText());
            }
            assertEquals(Map.of("A", "jwt updated", "B", "jwt updated", "SYS", "jwt updated"), replies);
            assertTrue(push.err().contains("[ OK ] pushed \"A\" to nats-server n1: jwt updated"), push.err());
            assertEquals(0, json.get("files").get("written").size(), "a push writes no file");

            // pull brings A back: the change names it with the key and JWT now on disk
            String aJwt = Nsc.read(nsc.accountJwt("O", "A")).trim();
            deleteTree(nsc.stores().resolve("O/accounts/A"));
            JsonNode pull = parse(nsc.ok("pull", "-A", "--json"));
            List<String> created = new ArrayList<>();
            for (JsonNode c : pull.get("changes")) {
                if (c.get("action").asText().equals("created")) {
                    created.add(c.get("kind").asText() + " " + c.get("name").asText());
                    assertEquals(aJwt, c.get("jwt").asText());
                    assertEquals(Jwt.decode(aJwt).claims().subject(), c.get("public_key").asText());
                    assertEquals(nsc.accountJwt("O", "A").toString(), c.get("path").asText());
                }
            }
            assertEquals(List.of("account A"), created);

            // a removal is answered per server too
            String b = Jwt.decode(Nsc.read(nsc.accountJwt("O", "B"))).claims().subject();
            JsonNode prune = parse(nsc.ok("push", "--account-removal", b, "--json"));
            JsonNode reply = prune.get("replies").get(0);
            assertEquals("n1", reply.get("server").asText());
            assertEquals(b, reply.get("account").asText());
            assertTrue(reply.get("ok").asBoolean(), prune.toString());
        }
    }

    @Test
    void anAccountServerRefusalIsAnObjectWithOkFalse() throws Exception {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(500);
        try (dev.jnsc.testing.OperatorAccountServer server = new dev.jnsc.testing.OperatorAccountServer(
                () -> new byte[0], () -> null, status::get)) {
            Nsc.Result refused = nsc.run("push", "-a", "A", "-u", server.base(), "--json");
            assertEquals(1, refused.code(), refused.toString());
            JsonNode json = new ObjectMapper().readTree(refused.out());
            assertEquals(false, json.get("ok").asBoolean());
            assertEquals(1, json.get("exit_code").asInt());
            assertEquals("err", json.get("messages").get(0).get("status").asText());
            JsonNode reply = json.get("replies").get(0);
            assertEquals("A", reply.get("account").asText());
            assertEquals(server.base(), reply.get("server").asText());
            assertEquals(false, reply.get("ok").asBoolean());
            assertEquals("500", reply.get("message").asText());
            assertTrue(refused.err().contains("[ERR ] pushing \"A\""), refused.err());
        }
    }

    @Test
    void aPushNoServerAnswersLeavesStdoutEmpty() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O", "--sys");
        nsc.ok("add", "account", "A");
        Nsc.Result r = nsc.run("push", "-A", "--account-jwt-server-url", "nats://127.0.0.1:" + NatsServer.freePort(), "--json");
        assertEquals(1, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Error: "), r.err());
    }

    private static void deleteTree(Path dir) throws Exception {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static JsonNode parse(Nsc.Result r) throws Exception {
        assertEquals(0, r.code(), r.toString());
        assertEquals(1, r.out().lines().count(), r.toString());
        return new ObjectMapper().readTree(r.out());
    }
}
