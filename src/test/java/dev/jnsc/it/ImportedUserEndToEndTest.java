package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.Nsc;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team hands over an account JWT and a user's creds file; a fresh store imports both (the
 * account re-signed by its operator), generates a server configuration, and nats-server 2.9.10
 * lets the user in, with the handed-over creds file and with one the new store generates.
 */
class ImportedUserEndToEndTest {
    @TempDir
    Path home;

    @Test
    void aUserImportedFromACredsFileConnects() throws Exception {
        Nsc team = new Nsc(Files.createDirectories(home.resolve("team")));
        team.ok("add", "operator", "T");
        team.ok("add", "account", "Z");
        team.ok("add", "user", "W", "--allow-pub", "greet.>", "--allow-sub", "greet.>,_INBOX.>");
        Path zJwt = Files.copy(team.accountJwt("T", "Z"), home.resolve("z.jwt"));
        Path wCreds = Files.copy(team.creds("T", "Z", "W"), home.resolve("w.creds"));

        Nsc nsc = new Nsc(Files.createDirectories(home.resolve("fresh")));
        nsc.ok("add", "operator", "O", "--sys");
        nsc.ok("import", "account", "--file", zJwt.toString(), "--force");
        nsc.ok("import", "user", "--file", wCreds.toString());
        Path made = nsc.home().resolve("w-made.creds");
        nsc.ok("generate", "creds", "-a", "Z", "-n", "W", "-o", made.toString());
        Path conf = nsc.home().resolve("server.conf");
        nsc.ok("generate", "config", "--mem-resolver", "--config-file", conf.toString());

        try (NatsServer server = NatsServer.startWithConfigFile(conf, nsc.home());
                Connection handed = GeneratedConfigTest.connect(server.url(), wCreds);
                Connection generated = GeneratedConfigTest.connect(server.url(), made)) {
            assertEquals(Connection.Status.CONNECTED, handed.getStatus());
            assertEquals(Connection.Status.CONNECTED, generated.getStatus());
            Subscription sub = handed.subscribe("greet.>");
            handed.flush(Duration.ofSeconds(5));
            generated.publish("greet.world", "hello".getBytes(StandardCharsets.UTF_8));
            generated.flush(Duration.ofSeconds(5));
            Message m = sub.nextMessage(Duration.ofSeconds(5));
            assertNotNull(m, "the message published by one connection of W reaches the other");
            assertEquals("hello", new String(m.getData(), StandardCharsets.UTF_8));
        }
    }
}
