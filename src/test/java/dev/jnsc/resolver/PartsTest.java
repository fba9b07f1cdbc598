package dev.jnsc.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Decorated;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.Signing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small pieces: listen addresses, creds authentication, notifier failures, ETag matching. */
class PartsTest {
    @TempDir
    Path home;

    @Test
    void hostPort() {
        assertEquals(new HostPort("localhost", 9090), HostPort.parse(HostPort.DEFAULT));
        assertEquals(new HostPort("127.0.0.1", 0), HostPort.parse("127.0.0.1:0"));
        assertEquals(new HostPort("::1", 4222), HostPort.parse("[::1]:4222"));
        assertEquals("[::1]:4222", HostPort.parse("[::1]:4222").toString());
        assertEquals(new HostPort("", 9090), HostPort.parse(":9090"));
        for (String bad : new String[] {"", "9090", "host", "host:", "host:x", "host:65536", "host:99999999999", "::1:80",
                "[]:80", "a/b:80", "host:-1"}) {
            assertThrows(ResolverException.class, () -> HostPort.parse(bad), bad);
        }
    }

    @Test
    void credsAuthSignsTheNonceWithTheUserSeed() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        Path creds = nsc.creds("O", "A", "U");
        dev.jnsc.tools.NKeyAuth auth = CredsAuth.load(creds);
        String user = Signing.subject(Nsc.read(nsc.userJwt("O", "A", "U")));
        assertEquals(user, new String(auth.getID()));
        assertEquals(Nsc.read(nsc.userJwt("O", "A", "U")), new String(auth.getJWT()));
        byte[] nonce = "nonce-123".getBytes();
        // jnats' own NKey checks the signature
        io.nats.client.NKey check = io.nats.client.NKey.fromPublicKey(user.toCharArray());
        assertTrue(check.verify(nonce, auth.sign(nonce)));
        auth.clear();
    }

    @Test
    void credsMustBeAUserJwtWithItsOwnSeed() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        nsc.ok("add", "user", "W");
        String userJwt = Nsc.read(nsc.userJwt("O", "A", "U"));
        String otherSeed = Nsc.read(nsc.creds("O", "A", "W")).lines().filter(l -> l.startsWith("SU")).findFirst().orElseThrow();
        // the creds writer refuses such a mix, so it is written by hand
        Path mixed = Files.writeString(home.resolve("mixed.creds"), "-----BEGIN NATS USER JWT-----\n" + userJwt
                + "\n------END NATS USER JWT------\n\n-----BEGIN USER NKEY SEED-----\n" + otherSeed
                + "\n------END USER NKEY SEED------\n");
        ResolverException e = assertThrows(ResolverException.class, () -> CredsAuth.load(mixed));
        assertTrue(e.getMessage().contains("does not belong to its user JWT"), e.getMessage());
        assertFalse(e.getMessage().contains(otherSeed), "no seed in messages");
        assertThrows(ResolverException.class, () -> CredsAuth.load(nsc.userJwt("O", "A", "U")));
        assertThrows(ResolverException.class, () -> CredsAuth.load(home.resolve("missing.creds")));
        String accountSeed = Nsc.read(nsc.keyFile(Signing.subject(Nsc.read(nsc.accountJwt("O", "A"))))).trim();
        Path wrongKind = Files.writeString(home.resolve("account.creds"), "-----BEGIN NATS USER JWT-----\n" + userJwt
                + "\n------END NATS USER JWT------\n\n-----BEGIN USER NKEY SEED-----\n" + accountSeed
                + "\n------END USER NKEY SEED------\n");
        e = assertThrows(ResolverException.class, () -> CredsAuth.load(wrongKind));
        assertTrue(e.getMessage().contains("expected a user seed"), e.getMessage());
    }

    @Test
    void anUnreachableNatsServerIsLoggedNotFatal() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        int port = dev.jnsc.testing.NatsServer.freePort();
        NatsNotifier n = NatsNotifier.create("nats://u:secret@127.0.0.1:" + port, nsc.creds("O", "A", "U"), log::add);
        n.connectInBackground();
        n.accountUpdated("AKEY", "token");
        n.close();
        n.accountUpdated("AKEY", "token");
        assertEquals(List.of(
                "[WRN] cannot connect to nats://127.0.0.1:" + port + ": Unable to connect to NATS servers: [nats://127.0.0.1:"
                        + port + "] (tried again at the next update)",
                "[WRN] cannot connect to nats://127.0.0.1:" + port + ": Unable to connect to NATS servers: [nats://127.0.0.1:"
                        + port + "] (tried again at the next update)",
                "[ERR] servers not notified of account AKEY: not connected to nats://127.0.0.1:" + port,
                "[ERR] servers not notified of account AKEY: the notifier is stopped"), log);
        assertThrows(ResolverException.class, () -> NatsNotifier.create("nats://bad host:x", nsc.creds("O", "A", "U"), log::add));
    }

    @Test
    void ifNoneMatch() {
        assertTrue(AccountHandler.matches(List.of("\"a\""), "\"a\""));
        assertTrue(AccountHandler.matches(List.of("W/\"a\""), "\"a\""));
        assertTrue(AccountHandler.matches(List.of("\"b\", \"a\""), "\"a\""));
        assertTrue(AccountHandler.matches(List.of("\"b\"", "\"a\""), "\"a\""));
        assertTrue(AccountHandler.matches(List.of("*"), "\"a\""));
        assertFalse(AccountHandler.matches(List.of("\"ab\""), "\"a\""));
        assertFalse(AccountHandler.matches(List.of("a"), "\"a\""));
        assertFalse(AccountHandler.matches(null, "\"a\""));
    }

    @Test
    void logsOnlyPrintablePaths() {
        assertEquals("/a?b", AccountHandler.printable("/a\nb"));
        assertEquals("-", AccountHandler.printable(null));
        assertEquals(203, AccountHandler.printable("/" + "x".repeat(500)).length());
    }
}
