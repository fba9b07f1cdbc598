package dev.jnsc.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One operator's folder: where each JWT goes, what is read back, and names that must not leave the folder. */
class OperatorStoreTest {
    private static final long NOW = 1_700_000_000L;

    @TempDir
    Path stores;

    private final NKey op = NKey.generate(KeyKind.OPERATOR);
    private OperatorStore store;

    @BeforeEach
    void operator() {
        store = new Stores(stores).planned("O");
        OperatorClaims c = new OperatorClaims();
        c.name("O").subject(op.publicKey());
        FileChanges changes = new FileChanges();
        store.stageMarker(changes, false);
        store.stageOperator(changes, Jwt.encode(c, op, NOW));
        changes.commit();
    }

    private NKey account(String name) {
        NKey a = NKey.generate(KeyKind.ACCOUNT);
        AccountClaims c = new AccountClaims();
        c.name(name).subject(a.publicKey());
        FileChanges changes = new FileChanges();
        store.stageAccount(changes, name, Jwt.encode(c, op, NOW));
        changes.commit();
        return a;
    }

    private NKey user(String account, NKey signer, String name) {
        NKey u = NKey.generate(KeyKind.USER);
        UserClaims c = new UserClaims();
        c.name(name).subject(u.publicKey());
        FileChanges changes = new FileChanges();
        store.stageUser(changes, account, name, Jwt.encode(c, signer, NOW));
        changes.commit();
        return u;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void eachJwtGoesToItsPlaceWithOwnerOnlyModes() throws IOException {
        NKey a = account("A");
        NKey u = user("A", a, "U");
        Path o = stores.resolve("O");
        assertEquals(o.resolve("O.jwt"), store.operatorJwtPath());
        assertEquals(o.resolve("accounts/A"), store.accountDir("A"));
        assertEquals(o.resolve("accounts/A/A.jwt"), store.accountJwtPath("A"));
        assertEquals(o.resolve("accounts/A/users/U.jwt"), store.userJwtPath("A", "U"));
        for (Path f : List.of(o.resolve("O.jwt"), o.resolve(".nsc"), o.resolve("accounts/A/A.jwt"), o.resolve("accounts/A/users/U.jwt"))) {
            assertTrue(Files.isRegularFile(f), f.toString());
            assertEquals("rw-------", mode(f), f.toString());
        }
        for (Path d = o.resolve("accounts/A/users"); !d.equals(stores); d = d.getParent()) {
            assertEquals("rwx------", mode(d), d.toString());
        }
        assertEquals(op.publicKey(), store.operator().subject());
        assertEquals(a.publicKey(), store.account("A").subject());
        assertEquals(u.publicKey(), store.user("A", "U").subject());
        assertEquals(op.publicKey(), store.decodeOperator().claims().issuer());
        assertEquals(a.publicKey(), store.decodeUser("A", "U").claims().issuer());
        assertEquals(u.publicKey(), store.decodeListedUser("A", "U").claims().subject());
        // the files hold the tokens as they were encoded, nothing more
        assertEquals(store.decodeAccount("A").token(), Files.readString(o.resolve("accounts/A/A.jwt")));
    }

    @Test
    void theMarkerSaysManagedAndQuotesTheName() throws IOException {
        OperatorStore odd = new Stores(stores).planned("a \"b\" \\c");
        FileChanges changes = new FileChanges();
        odd.stageMarker(changes, true);
        changes.commit();
        assertEquals("{\"managed\":true,\"name\":\"a \\\"b\\\" \\\\c\",\"kind\":\"operator\",\"version\":\"1\"}",
                Files.readString(odd.dir().resolve(".nsc")));
        assertTrue(odd.isManaged());
        assertEquals("{\"managed\":false,\"name\":\"O\",\"kind\":\"operator\",\"version\":\"1\"}",
                Files.readString(store.dir().resolve(".nsc")));
        assertFalse(store.isManaged());
    }

    @Test
    void aMissingOrUnreadableMarkerIsNotManaged() throws IOException {
        Path marker = store.dir().resolve(".nsc");
        for (String content : new String[] {"not json", "{\"managed\":\"true\"}", "{\"managed\":1}", "[true]", "{}"}) {
            Files.writeString(marker, content);
            assertFalse(store.isManaged(), content);
        }
        Files.delete(marker);
        assertFalse(store.isManaged());
        Files.writeString(marker, "{\"managed\":true}");
        assertTrue(store.isManaged());
    }

    @Test
    void accountsAreFoldersWithTheirJwtSorted() throws IOException {
        assertEquals(List.of(), store.accountNames(), "no accounts folder yet");
        assertEquals(List.of(), store.accountFolderNames());
        account("b");
        account("A");
        account("c");
        Files.createDirectories(store.accountDir("nojwt"));
        Files.createDirectories(store.accountDir(".hidden"));
        Files.writeString(store.accountDir(".hidden").resolve(".hidden.jwt"), "x");
        Files.createDirectories(store.accountJwtPath("dirjwt"));
        assertEquals(List.of("A", "b", "c"), store.accountNames());
        assertEquals(List.of("A", "b", "c", "dirjwt", "nojwt"), store.accountFolderNames());
        assertTrue(store.hasAccount("b"));
        for (String n : new String[] {"nojwt", "dirjwt", ".hidden/..", "missing"}) {
            assertFalse(store.hasAccount(n), n);
        }
    }

    @Test
    void aNameWithAPathCannotReachAnotherAccountsFiles() {
        account("A");
        NKey b = account("B");
        user("B", b, "X");
        for (String n : new String[] {"../../O/accounts/B", "A/../B", "..", ".", "", "B\\x", "B\0"}) {
            assertFalse(store.hasAccount(n), n);
            StoreException e = assertThrows(StoreException.class, () -> store.decodeAccount(n), n);
            assertEquals("account \"" + n + "\" does not exist in operator \"O\"", e.getMessage());
        }
        assertFalse(store.hasAccount(null));
        for (String u : new String[] {"../../B/users/X", "../B/users/X", "..", ".", "", "X\0"}) {
            assertFalse(store.hasUser("A", u), u);
            StoreException e = assertThrows(StoreException.class, () -> store.decodeUser("A", u), u);
            assertEquals("user \"" + u + "\" does not exist in account \"A\"", e.getMessage());
        }
        assertFalse(store.hasUser("A/../B", "X"));
        assertFalse(store.hasUser("..", "X"));
        assertTrue(store.hasUser("B", "X"));
        assertFalse(store.hasUser("A", "X"));
    }

    @Test
    void usersAreTheVisibleJwtFilesSorted() throws IOException {
        NKey a = account("A");
        assertEquals(List.of(), store.userNames("A"), "no users folder yet");
        assertEquals(List.of(), store.userNames("missing"));
        user("A", a, "zed");
        user("A", a, "Bob");
        user("A", a, "amy");
        Path users = store.accountDir("A").resolve("users");
        Files.writeString(users.resolve(".tmp.jwt"), "x");
        Files.writeString(users.resolve("notes.txt"), "x");
        Files.writeString(users.resolve("x.jwt.tmp"), "x");
        assertEquals(List.of("Bob", "amy", "zed"), store.userNames("A"));
        assertEquals(List.of(), store.userNames("A/."), "a name with a path in it names no account, even one that leads to it");
        assertEquals(List.of(), store.userNames("./A"));
        assertTrue(store.hasUser("A", "amy"));
        assertFalse(store.hasUser("A", "notes"));
    }

    @Test
    void aMissingJwtIsAnErrorNamingTheEntityAndTheFile() throws IOException {
        Files.delete(store.operatorJwtPath());
        StoreException e = assertThrows(StoreException.class, store::decodeOperator);
        assertEquals("operator \"O\" has no JWT at " + store.operatorJwtPath(), e.getMessage());
        e = assertThrows(StoreException.class, () -> store.decodeListedUser("A", "U"));
        assertEquals("user \"U\" has no JWT at " + store.userJwtPath("A", "U"), e.getMessage());
    }

    @Test
    void aBrokenJwtIsAnErrorNamingTheEntityAndTheFile() throws IOException {
        account("A");
        Files.writeString(store.accountJwtPath("A"), "not.a.jwt");
        StoreException e = assertThrows(StoreException.class, () -> store.decodeAccount("A"));
        assertTrue(e.getMessage().startsWith("cannot load account \"A\" from " + store.accountJwtPath("A") + ": "),
                e.getMessage());
        e = assertThrows(StoreException.class,
                () -> store.decodeListedAccount("A", "x".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("cannot load account \"A\" from " + store.accountJwtPath("A") + ": "),
                e.getMessage());
    }

    @Test
    void aTokenWithASignatureThatDoesNotVerifyIsRefused() throws IOException {
        account("A");
        String token = Files.readString(store.accountJwtPath("A"));
        String[] parts = token.split("\\.");
        String sig = parts[2];
        String other = sig.substring(0, 10) + (sig.charAt(10) == 'A' ? 'B' : 'A') + sig.substring(11);
        Files.writeString(store.accountJwtPath("A"), parts[0] + "." + parts[1] + "." + other);
        assertThrows(StoreException.class, () -> store.decodeAccount("A"));
    }

    @Test
    void whitespaceAroundAStoredTokenIsIgnored() throws IOException {
        NKey a = account("A");
        String token = Files.readString(store.accountJwtPath("A"));
        Files.writeString(store.accountJwtPath("A"), "\n " + token + "\r\n");
        assertEquals(a.publicKey(), store.account("A").subject());
        assertEquals(token, store.decodeAccount("A").token());
        assertEquals(a.publicKey(),
                store.decodeListedAccount("A", store.readListedAccount("A")).claims().subject());
    }

    @Test
    void readListedAccountGivesTheBytesOrNullForWhatIsNoAccount() throws IOException {
        account("A");
        assertArrayEquals(Files.readAllBytes(store.accountJwtPath("A")), store.readListedAccount("A"));
        assertNull(store.readListedAccount("missing"));
        Files.createDirectories(store.accountJwtPath("dirjwt"));
        assertNull(store.readListedAccount("dirjwt"));
        Files.writeString(store.accountDir("A").resolveSibling("file"), "x");
        assertNull(store.readListedAccount("file"));
    }

    @Test
    void theAccountOfAPublicKey() {
        NKey a = account("A");
        NKey b = account("B");
        assertEquals("A", store.accountNameByKey(a.publicKey()));
        assertEquals("B", store.accountNameByKey(b.publicKey()));
        assertNull(store.accountNameByKey(op.publicKey()));
        assertNull(store.accountNameByKey(NKey.generate(KeyKind.ACCOUNT).publicKey()));
    }

    @Test
    void aJwtOfAnotherKindIsNotTakenForTheOneAsked() throws IOException {
        account("A");
        Files.copy(store.operatorJwtPath(), store.accountJwtPath("A"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RuntimeException e = assertThrows(RuntimeException.class, () -> store.account("A"));
        assertTrue(e.getMessage().contains("expected an account JWT"), e.getMessage());
    }
}
