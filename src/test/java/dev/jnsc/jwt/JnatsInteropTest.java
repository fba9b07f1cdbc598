package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import io.nats.client.AuthHandler;
import io.nats.client.Nats;
import io.nats.client.support.JwtUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-checks against an independent implementation: jnats' NKey (BouncyCastle Ed25519) and creds reader. */
class JnatsInteropTest {

    @Test
    void jnatsVerifiesOurSignaturesAndDerivesOurPublicKeys() throws Exception {
        for (KeyKind kind : KeyKind.values()) {
            if (kind == KeyKind.CURVE) {
                continue; // jnats' NKey has no curve (X25519) keys; they never sign (NKeyTest checks them against Go's)
            }
            NKey ours = NKey.generate(kind);
            char[] seed = ours.seed();
            io.nats.client.NKey theirs = io.nats.client.NKey.fromSeed(seed);
            assertEquals(ours.publicKey(), new String(theirs.getPublicKey()), kind + ": public key from the same seed");
            assertArrayEquals(seed, theirs.getSeed(), kind + ": seed encoding");

            byte[] data = ("message for " + kind).getBytes(StandardCharsets.UTF_8);
            byte[] sig = ours.sign(data);
            io.nats.client.NKey theirPublic = io.nats.client.NKey.fromPublicKey(ours.publicKey().toCharArray());
            assertTrue(theirPublic.verify(data, sig), kind + ": jnats verifies our signature");
            assertArrayEquals(theirs.sign(data), sig, kind + ": deterministic signatures agree");
            byte[] altered = data.clone();
            altered[0] ^= 1;
            assertFalse(theirPublic.verify(altered, sig), kind + ": jnats must not verify an altered message");
        }
    }

    @Test
    void weVerifyJnatsSignaturesAndReadJnatsSeeds() throws Exception {
        List<io.nats.client.NKey> keys = List.of(io.nats.client.NKey.createOperator(null),
                io.nats.client.NKey.createAccount(null), io.nats.client.NKey.createUser(null),
                io.nats.client.NKey.createServer(null), io.nats.client.NKey.createCluster(null));
        for (io.nats.client.NKey theirs : keys) {
            byte[] data = "jnats signed this".getBytes(StandardCharsets.UTF_8);
            byte[] sig = theirs.sign(data);
            NKey ours = NKey.fromPublicKey(new String(theirs.getPublicKey()));
            assertTrue(ours.verify(data, sig));
            assertFalse(ours.verify("something else".getBytes(StandardCharsets.UTF_8), sig));
            assertEquals(ours, NKey.fromSeed(theirs.getSeed()));
        }
    }

    @Test
    void jnatsLoadsCredsWeWrite(@TempDir Path dir) throws Exception {
        NKey account = NKey.generate(KeyKind.ACCOUNT);
        NKey user = NKey.generate(KeyKind.USER);
        UserClaims uc = new UserClaims();
        uc.name("u").subject(user.publicKey());
        String token = Jwt.encode(uc, account, 1_700_000_000L);
        Path creds = dir.resolve("u.creds");
        Files.write(creds, Decorated.formatUserCreds(token, user.seed()));

        AuthHandler handler = Nats.credentials(creds.toString());
        assertEquals(token, new String(handler.getJWT()));
        byte[] nonce = "UkY0TGZNbEVianJZY09F".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = handler.sign(nonce);
        assertTrue(user.publicOnly().verify(nonce, sig), "the handler signs with the user's seed");
        assertFalse(account.verify(nonce, sig));
    }

    @Test
    void weDecodeAUserJwtJnatsIssues() throws Exception {
        io.nats.client.NKey signingKey = io.nats.client.NKey.createAccount(null);
        io.nats.client.NKey userKey = io.nats.client.NKey.createUser(null);
        String accountId = new String(io.nats.client.NKey.createAccount(null).getPublicKey());
        String userPub = new String(userKey.getPublicKey());
        String token = JwtUtils.issueUserJWT(signingKey, accountId, userPub, "jn", Duration.ofHours(1),
                new String[] {"t1"}, 1_700_000_000L);
        UserClaims u = Jwt.decode(token).as(UserClaims.class, "a user");
        assertEquals(userPub, u.subject());
        assertEquals(new String(signingKey.getPublicKey()), u.issuer());
        assertEquals(accountId, u.issuerAccount());
        assertEquals("jn", u.name());
        assertEquals(1_700_003_600L, u.expires());
        assertEquals(List.of("t1"), u.tags());
    }
}
