package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.StoreCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reissue operator: a new identity, the accounts re-signed (or the old key kept as signing key), refusals. */
class ReissueOperatorTest {
    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        nsc.ok("add", "account", "B");
    }

    /** StoreCheck's findings but the seeds of former identities, which reissue keeps as nsc does. */
    private List<String> problems(String... formerIdentities) {
        List<String> out = new java.util.ArrayList<>(StoreCheck.problems(nsc, "O"));
        for (String k : formerIdentities) {
            assertTrue(out.remove("orphan seed " + k + ".nk"), () -> "the seed of former identity " + k + " is kept");
        }
        return out;
    }

    private OperatorClaims operator(String name) {
        return Jwt.decode(Nsc.read(nsc.operatorJwt(name)).trim()).as(OperatorClaims.class, "an operator");
    }

    private AccountClaims account(String name) {
        return Jwt.decode(Nsc.read(nsc.accountJwt("O", name)).trim()).as(AccountClaims.class, "an account");
    }

    @Test
    void newIdentityAndEveryAccountItSignedReSigned() {
        OperatorClaims before = operator("O");
        String userJwt = Nsc.read(nsc.userJwt("O", "A", "U"));
        nsc.advance(java.time.Duration.ofSeconds(10));
        Nsc.Result r = nsc.ok("reissue", "operator");
        OperatorClaims after = operator("O");
        assertNotEquals(before.subject(), after.subject());
        assertEquals(after.subject(), after.issuer());
        assertEquals("", r.err());
        assertEquals("[ OK ] operator \"O\" successfully changed identity to: " + after.subject() + "\n"
                + "[ OK ] account \"A\" re-signed\n"
                + "[ OK ] account \"B\" re-signed\n", r.out());
        // everything else of the operator stays
        assertEquals(before.name(), after.name());
        assertEquals(before.serviceUrls(), after.serviceUrls());
        assertEquals(nsc.nowSeconds(), after.issuedAt());
        for (String a : List.of("A", "B")) {
            assertEquals(after.subject(), account(a).issuer());
            assertEquals(nsc.nowSeconds(), account(a).issuedAt());
        }
        // the new seed is stored; the old one stays (nsc does not delete keys)
        assertTrue(Files.isRegularFile(nsc.keyFile(after.subject())));
        assertEquals("rw-------", Nsc.mode(nsc.keyFile(after.subject())));
        assertTrue(Files.isRegularFile(nsc.keyFile(before.subject())));
        // users are signed by their accounts: untouched
        assertEquals(userJwt, Nsc.read(nsc.userJwt("O", "A", "U")));
        assertEquals(List.of(), problems(before.subject()));
        // and the store goes on working with the new key
        nsc.ok("edit", "account", "A", "--conns", "5");
        assertEquals(after.subject(), account("A").issuer());
    }

    @Test
    void convertToSigningKeyKeepsTheAccountsAsTheyAre() {
        OperatorClaims before = operator("O");
        String a = Nsc.read(nsc.accountJwt("O", "A"));
        Nsc.Result r = nsc.ok("reissue", "operator", "--convert-to-signing-key");
        OperatorClaims after = operator("O");
        assertEquals("[ OK ] operator \"O\" successfully changed identity to: " + after.subject() + "\n"
                + "[ OK ] old operator key \"" + before.subject() + "\" turned into signing key\n", r.out());
        assertEquals(List.of(before.subject()), after.signingKeys());
        assertEquals(a, Nsc.read(nsc.accountJwt("O", "A")), "no account is re-signed");
        assertEquals(List.of(), StoreCheck.problems(nsc, "O"));
    }

    @Test
    void accountsSignedByASigningKeyAreAlreadySignedProperly() {
        nsc.ok("edit", "operator", "--sk", "generate");
        String sk = operator("O").signingKeys().get(0);
        nsc.ok("edit", "account", "B", "--conns", "3", "-K", sk);
        String b = Nsc.read(nsc.accountJwt("O", "B"));
        Nsc.Result r = nsc.ok("reissue", "operator");
        assertTrue(r.out().contains("[ OK ] account \"A\" re-signed\n[ OK ] account \"B\" already signed properly\n"),
                r::toString);
        assertEquals(b, Nsc.read(nsc.accountJwt("O", "B")));
        assertEquals(List.of(sk), operator("O").signingKeys());
    }

    @Test
    void strictOperatorKeepsSigningKeySignedAccounts() {
        nsc.ok("edit", "operator", "--sk", "generate");
        String sk = operator("O").signingKeys().get(0);
        nsc.ok("edit", "account", "A", "--conns", "3", "-K", sk);
        nsc.ok("edit", "account", "B", "--conns", "3", "-K", sk);
        nsc.ok("delete", "user", "U", "-a", "A", "-C", "-D"); // signed by its account's identity key: not allowed when strict
        nsc.ok("edit", "operator", "--require-signing-keys");
        String old = operator("O").subject();
        Nsc.Result r = nsc.ok("reissue", "operator");
        assertTrue(r.out().contains("account \"A\" already signed properly"), r::toString);
        assertTrue(operator("O").strictSigningKeyUsage());
        assertEquals(sk, account("A").issuer());
        assertEquals(List.of(), problems(old));
    }

    @Test
    void privateKeyGivesTheNewIdentityAsSeedFileOrStoredPublicKey() throws Exception {
        String[] generated = nsc.ok("generate", "nkey", "-o").out().strip().split("\\s+");
        String seed = generated[0];
        String pub = generated[1];
        String original = operator("O").subject();
        nsc.ok("reissue", "operator", "-K", seed);
        assertEquals(pub, operator("O").subject());
        assertEquals(pub, account("A").issuer());
        assertTrue(Files.isRegularFile(nsc.keyFile(pub)), "the given seed is stored");

        String[] second = nsc.ok("generate", "nkey", "-o").out().strip().split("\\s+");
        Path file = home.resolve("op.nk");
        Files.writeString(file, second[0] + "\n");
        nsc.ok("reissue", "operator", "--private-key", file.toString());
        assertEquals(second[1], operator("O").subject());

        String stored = nsc.ok("generate", "nkey", "-o", "-S").out().strip().split("\\s+")[0];
        nsc.ok("reissue", "operator", "-K", stored);
        assertEquals(stored, operator("O").subject());
        assertEquals(stored, account("B").issuer());
        assertEquals(List.of(), problems(original, pub, second[1]));
    }

    @Test
    void nameChoosesTheOperator() {
        nsc.ok("add", "operator", "P");
        nsc.ok("add", "account", "X");
        String o = Nsc.read(nsc.operatorJwt("O"));
        String p = operator("P").subject();
        nsc.ok("reissue", "operator", "-n", "O");
        assertNotEquals(o, Nsc.read(nsc.operatorJwt("O")));
        assertEquals(p, operator("P").subject());
        assertEquals(operator("O").subject(), account("A").issuer());
    }

    @Test
    void refusalsChangeNothing() {
        String current = operator("O").subject();
        fails(nsc, "-K " + current + " is already the identity key of operator \"O\"", "reissue", "operator", "-K", current);
        nsc.ok("edit", "operator", "--sk", "generate");
        String sk = operator("O").signingKeys().get(0);
        fails(nsc, "-K " + sk + " is a signing key of operator \"O\"", "reissue", "operator", "-K", sk);
        String account = account("A").subject();
        fails(nsc, account, "reissue", "operator", "-K", account);
        String unstored = nsc.ok("generate", "nkey", "-o").out().strip().split("\\s+")[1];
        fails(nsc, "the seed of " + unstored + " is not in the keystore", "reissue", "operator", "-K", unstored);
        fails(nsc, "operator \"nosuch\" does not exist", "reissue", "operator", "-n", "nosuch");
        usage(nsc, "nsc reissue operator", "reissue", "operator", "extra");
    }

    @Test
    void aWriteThatFailsLeavesEverythingAsItWas() throws Exception {
        String[] generated;
        Path shard;
        do { // a key whose shard folder no stored key has made yet (two letters: 1 in 1,024 collide)
            generated = nsc.ok("generate", "nkey", "-o").out().strip().split("\\s+");
            shard = nsc.keyFile(generated[1]).getParent();
        } while (Files.exists(shard));
        Files.createDirectories(shard.getParent());
        Files.writeString(shard, "in the way"); // the new seed's folder cannot be made
        fails(nsc, shard.getFileName().toString(), "reissue", "operator", "-K", generated[0]);
    }

    @Test
    void anUnreadableAccountStopsItBeforeAnythingIsWritten() throws Exception {
        Files.writeString(nsc.accountJwt("O", "B"), "not a jwt");
        fails(nsc, "B", "reissue", "operator");
    }

    @Test
    void aStrictOperatorWithoutSigningKeyStoredIsRefused() throws Exception {
        nsc.ok("edit", "operator", "--sk", "generate");
        String sk = operator("O").signingKeys().get(0);
        nsc.ok("edit", "account", "A", "--conns", "3", "-K", sk);
        nsc.ok("edit", "account", "B", "--conns", "3", "-K", sk);
        nsc.ok("delete", "user", "U", "-a", "A", "-C", "-D"); // signed by its account's identity key: not allowed when strict
        nsc.ok("edit", "operator", "--require-signing-keys");
        Files.delete(nsc.keyFile(sk));
        fails(nsc, "requires signing keys for its accounts, and the seed of none of its signing keys", "reissue",
                "operator");
        // with the old key kept as a signing key nothing needs signing
        nsc.ok("reissue", "operator", "--convert-to-signing-key");
    }

    @Test
    void theUsersOfReSignedAccountsStillValidate() {
        nsc.ok("reissue", "operator");
        nsc.ok("validate", "-A");
        UserClaims u = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "U")).trim()).as(UserClaims.class, "a user");
        assertEquals(account("A").subject(), u.issuer());
    }
}
