package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A whole store built by one nsc batch (operator, system account, an account, 40 users with
 * permissions, and the server configuration), and nats-server 2.9.10 lets its users in with the
 * creds files the batch wrote: the first and the last user exchange a message, a user the batch
 * revoked is refused.
 */
class BatchEndToEndTest {
    @TempDir
    Path home;
    @TempDir
    Path files;

    @Test
    void usersAddedThroughABatchConnect() throws Exception {
        Nsc nsc = new Nsc(home);
        Path conf = home.resolve("server.conf");
        StringBuilder lines = new StringBuilder("nsc add operator O --sys\nadd account A\n");
        for (int i = 0; i < 40; i++) {
            lines.append("add user u").append(i).append(" --allow-pub 'greet.>' --allow-sub \"greet.>,_INBOX.>\"\n");
        }
        lines.append("add user gone\nrevocations add-user -n gone\n");
        lines.append("generate config --mem-resolver --config-file ").append(conf).append('\n');
        Path batch = Files.writeString(files.resolve("store.txt"), lines.toString());
        Nsc.Result r = nsc.run("batch", "-f", batch.toString());
        assertEquals(0, r.code(), r.toString());

        try (NatsServer server = NatsServer.startWithConfigFile(conf, nsc.home());
                Connection first = GeneratedConfigTest.connect(server.url(), nsc.creds("O", "A", "u0"));
                Connection last = GeneratedConfigTest.connect(server.url(), nsc.creds("O", "A", "u39"))) {
            assertEquals(Connection.Status.CONNECTED, first.getStatus());
            Subscription sub = first.subscribe("greet.>");
            first.flush(Duration.ofSeconds(5));
            last.publish("greet.world", "hello".getBytes(StandardCharsets.UTF_8));
            last.flush(Duration.ofSeconds(5));
            Message m = sub.nextMessage(Duration.ofSeconds(5));
            assertNotNull(m, "u39's message reaches u0");
            assertEquals("hello", new String(m.getData(), StandardCharsets.UTF_8));
            Exception refused = assertThrows(Exception.class,
                    () -> GeneratedConfigTest.connect(server.url(), nsc.creds("O", "A", "gone")).close());
            assertTrue(String.valueOf(refused.getMessage()).toLowerCase().contains("authorization")
                    || refused instanceof java.io.IOException, String.valueOf(refused));
        }
    }
}
