package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.Nsc;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real nats-server 2.9 trusts the operator, account and user JWTs jnsc writes. */
class ServerTrustsOurJwtsTest {
    @TempDir
    Path home;

    private static Connection connect(NatsServer server, Path creds) throws Exception {
        Options o = new Options.Builder().server(server.url()).authHandler(Nats.credentials(creds.toString()))
                .connectionTimeout(Duration.ofSeconds(5)).maxReconnects(0).build();
        return Nats.connect(o);
    }

    @Test
    void userOfAPreloadedAccountConnectsAndTalks() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "V", "-a", "B");
        String accJwt = Nsc.read(nsc.accountJwt("O", "A"));
        String accPub = Jwt.decode(accJwt).claims().subject();
        String config = "operator: \"" + nsc.operatorJwt("O") + "\"\n"
                + "resolver: MEMORY\n"
                + "resolver_preload: {\n  " + accPub + ": \"" + accJwt + "\"\n}\n";
        try (NatsServer server = NatsServer.start(home.resolve("server"), config);
                Connection nc = connect(server, nsc.creds("O", "A", "U"))) {
            assertEquals(Connection.Status.CONNECTED, nc.getStatus());
            Subscription sub = nc.subscribe("hello");
            nc.flush(Duration.ofSeconds(2));
            nc.publish("hello", "NATS".getBytes(StandardCharsets.UTF_8));
            Message m = sub.nextMessage(Duration.ofSeconds(5));
            assertNotNull(m, "message delivered through the server");
            assertEquals("NATS", new String(m.getData(), StandardCharsets.UTF_8));

            // account B is not preloaded: the server cannot resolve it and refuses its user
            assertThrows(Exception.class, () -> connect(server, nsc.creds("O", "B", "V")).close());
        }
    }
}
