package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
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

/**
 * Accounts with auth callout settings, a trace context, JetStream defaults and an operator
 * re-signed by its signing key, loaded by nats-server 2.9.10 from {@code generate config
 * --mem-resolver}. Auth callout (server 2.10) and message tracing (2.11) are newer than 2.9.10:
 * its jwt library ignores the {@code authorization} and {@code trace} fields, so it accepts the
 * account JWT and its users connect directly, without a callout.
 */
class AuthCalloutServerTest {
    @TempDir
    Path home;

    /** A generous timeout: the first connection of a JVM on a busy 2-core machine can take seconds. */
    private static Connection connect(NatsServer server, Path creds, NatsServer log) throws Exception {
        Options o = new Options.Builder().server(server.url()).authHandler(Nats.credentials(creds.toString()))
                .connectionTimeout(Duration.ofSeconds(20)).maxReconnects(0).build();
        try {
            return Nats.connect(o);
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot connect with " + creds + ":\n" + log.log(), e);
        }
    }

    @Test
    void accountWithAuthCalloutLoadsAndUsersConnect() throws Exception {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("add", "operator", "O", "--sys", "--generate-signing-key");
        nsc.ok("edit", "operator", "--require-signing-keys");
        nsc.ok("add", "account", "A");
        nsc.ok("edit", "account", "A", "--sk", "generate");
        nsc.ok("add", "user", "-a", "A", "auth");
        nsc.ok("add", "user", "-a", "A", "plain");
        nsc.ok("add", "account", "B");
        nsc.ok("edit", "account", "B", "--sk", "generate");
        nsc.ok("add", "user", "-a", "B", "V");
        String auth = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "auth"))).as(UserClaims.class, "a user").subject();
        String b = Jwt.decode(Nsc.read(nsc.accountJwt("O", "B"))).as(AccountClaims.class, "an account").subject();
        nsc.ok("edit", "authcallout", "-a", "A", "--auth-user", auth, "--allowed-account", b, "--curve", "generate");
        nsc.ok("edit", "account", "A", "--trace-context-subject", "trace.a", "--trace-context-sampling", "50",
                "--js-tier", "1", "--js-disk-storage", "1G");
        nsc.ok("edit", "operator", "--tag", "auth");

        AccountClaims a = Jwt.decode(Nsc.read(nsc.accountJwt("O", "A"))).as(AccountClaims.class, "an account");
        assertEquals(auth, a.authUsers().get(0));
        assertEquals("trace.a", a.traceDestination());
        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
        assertNotEquals(oc.subject(), oc.issuer(), "the strict operator is re-signed by its signing key");
        assertTrue(oc.signingKeys().contains(oc.issuer()));

        Path conf = home.resolve("server.conf");
        nsc.ok("generate", "config", "--mem-resolver", "--config-file", conf.toString());
        try (NatsServer server = NatsServer.startWithConfigFile(conf, home);
                Connection service = connect(server, nsc.creds("O", "A", "auth"), server);
                Connection other = connect(server, nsc.creds("O", "B", "V"), server)) {
            assertEquals(Connection.Status.CONNECTED, service.getStatus());
            assertEquals(Connection.Status.CONNECTED, other.getStatus());
            Subscription sub = service.subscribe("hello");
            service.flush(Duration.ofSeconds(2));
            service.publish("hello", "callout".getBytes(StandardCharsets.UTF_8));
            Message m = sub.nextMessage(Duration.ofSeconds(5));
            assertNotNull(m, "the account with auth callout settings carries messages");
            assertEquals("callout", new String(m.getData(), StandardCharsets.UTF_8));
            // 2.9.10 knows no auth callout: a user of A that is not an auth user still connects directly
            // (a 2.10 server would hand its connection to the callout service)
            try (Connection plain = connect(server, nsc.creds("O", "A", "plain"), server)) {
                assertEquals(Connection.Status.CONNECTED, plain.getStatus());
            }
            Subscription subB = other.subscribe("b");
            other.flush(Duration.ofSeconds(2));
            other.publish("b", "B".getBytes(StandardCharsets.UTF_8));
            assertNotNull(subB.nextMessage(Duration.ofSeconds(5)), "the allowed account's own user talks too");
        }
    }
}
