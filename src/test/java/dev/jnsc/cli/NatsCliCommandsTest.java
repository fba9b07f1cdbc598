package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate context and generate profile. */
class NatsCliCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private String subject(Path jwt) {
        return Jwt.decode(Nsc.read(jwt).trim()).claims().subject();
    }

    private Path contextDir() {
        return home.resolve("xdg-config/nats/context");
    }

    @Test
    void contextFileForNatscli() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        Nsc.Result r = nsc.ok("generate", "context", "--context", "dev", "-a", "A", "-u", "U");
        Path f = contextDir().resolve("dev.json");
        // as the Go nsc: the path on stderr, the status line on stdout
        assertEquals(f + "\n", r.err());
        assertEquals("[ OK ] wrote nats cli context file to `~/xdg-config/nats/context/dev.json`\n", r.out());
        // natscli's field names, in the Go nsc's order, compact as Go's json.Marshal writes it
        assertEquals("{\"nsc\":\"nsc://O/A/U\",\"url\":\"nats://localhost:4222\",\"creds\":\""
                + nsc.creds("O", "A", "U") + "\"}", Files.readString(f));
        assertEquals("rw-------", Nsc.mode(f));
        assertEquals("rwx------", Nsc.mode(f.getParent()));
        // the current account and its only user are the defaults; ".json" is not doubled
        nsc.ok("generate", "context", "--context", "two.json");
        assertEquals(Files.readString(f), Files.readString(contextDir().resolve("two.json")));
    }

    @Test
    void contextWithoutXdgGoesToDotConfig() throws Exception {
        Nsc nsc = new Nsc(home).tutorial().env("XDG_CONFIG_HOME", null);
        nsc.ok("generate", "context", "--context", "c", "-u", "U");
        assertTrue(Files.isRegularFile(home.resolve(".config/nats/context/c.json")));
    }

    @Test
    void contextWithoutServiceUrlHasNoUrl() throws Exception {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "user", "U");
        nsc.ok("generate", "context", "--context", "c");
        JsonNode n = JSON.readTree(contextDir().resolve("c.json").toFile());
        assertEquals(List.of("nsc", "creds"), List.copyOf(iterable(n)));
    }

    private static List<String> iterable(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void contextRefusals() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        nsc.ok("add", "user", "V");
        fails(nsc, "context name is required", "generate", "context", "-u", "U");
        fails(nsc, "cannot contain filepath separators", "generate", "context", "--context", "a/b", "-u", "U");
        fails(nsc, "cannot contain filepath separators", "generate", "context", "--context", "a\\b", "-u", "U");
        fails(nsc, "user is required", "generate", "context", "--context", "c");
        fails(nsc, "user \"X\" not found in \"A\"", "generate", "context", "--context", "c", "-u", "X");
        fails(nsc, "account \"B\" does not exist", "generate", "context", "--context", "c", "-a", "B", "-u", "U");
        nsc.ok("add", "account", "E");
        fails(nsc, "account \"E\" has no users", "generate", "context", "--context", "c", "-a", "E");
        // the creds file must be there: natscli would not connect without it
        Files.delete(nsc.creds("O", "A", "V"));
        fails(nsc, "doesn't exist - nsc generate creds first", "generate", "context", "--context", "c", "-a", "A", "-u", "V");
        // an existing context is never overwritten (the Go nsc says [ERR ] and exits 0)
        nsc.ok("generate", "context", "--context", "c", "-a", "A", "-u", "U");
        fails(nsc, "already exists", "generate", "context", "--context", "c", "-a", "A", "-u", "U");
        fails(nsc, "already exists", "generate", "context", "--context", "c.json", "-a", "A", "-u", "U");
        Nsc.Result r = nsc.run("generate", "context", "--context", "d", "-a", "A", "-u", "U", "extra");
        assertEquals(2, r.code(), r.toString());
        assertFalse(Files.exists(contextDir().resolve("d.json")));
    }

    // ------------------------------------------------------------------ profile

    private JsonNode profile(Nsc nsc, String url) throws Exception {
        Nsc.Result r = nsc.ok("generate", "profile", url);
        assertTrue(r.out().endsWith("}\n"), r.out());
        return JSON.readTree(r.out());
    }

    @Test
    void profileOfOperatorAccountUser() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        nsc.ok("edit", "operator", "--service-url", "nats://h2:4222");
        assertEquals("{\n  \"operator\": {\n    \"service\": [\n      \"nats://localhost:4222\",\n"
                + "      \"nats://h2:4222\"\n    ]\n  }\n}\n", nsc.ok("generate", "profile", "nsc://O").out());
        assertEquals(nsc.ok("generate", "profile", "nsc://O").out(), nsc.ok("generate", "profile", "nsc://O/A").out());
        JsonNode u = profile(nsc, "nsc://O/A/U");
        assertEquals(nsc.creds("O", "A", "U").toString(), u.get("user_creds").asText());
        assertEquals(List.of("user_creds", "operator"), iterable(u));
        // without the creds file there is no user_creds
        Files.delete(nsc.creds("O", "A", "U"));
        assertFalse(profile(nsc, "nsc://O/A/U").has("user_creds"));
    }

    @Test
    void profileNamesAndKeys() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        String o = subject(nsc.operatorJwt("O"));
        String a = subject(nsc.accountJwt("O", "A"));
        String u = subject(nsc.userJwt("O", "A", "U"));
        JsonNode p = profile(nsc, "nsc://O/A/U?names&keys");
        assertEquals("O", p.at("/operator/name").asText());
        assertEquals(o, p.at("/operator/id").asText());
        assertEquals("A", p.at("/account/name").asText());
        assertEquals(a, p.at("/account/id").asText());
        assertEquals("U", p.at("/user/name").asText());
        assertEquals(u, p.at("/user/id").asText());
        assertEquals(List.of("service", "name", "id"), iterable(p.get("operator")));
        assertFalse(nsc.ok("generate", "profile", "nsc://O/A/U?names&keys").out().contains("seed"));
        // "key" is the last entity's, "name" every entity's (as Go), prefixes pick one, case does not matter
        p = profile(nsc, "nsc://O/A/U?key");
        assertEquals(u, p.at("/user/id").asText());
        assertFalse(p.has("account"));
        assertFalse(p.get("operator").has("id"));
        p = profile(nsc, "nsc://O/A?KEY&name");
        assertEquals(a, p.at("/account/id").asText());
        assertEquals("O", p.at("/operator/name").asText());
        assertEquals("A", p.at("/account/name").asText());
        p = profile(nsc, "nsc://O/A/U?operatorKey&UserName");
        assertEquals(o, p.at("/operator/id").asText());
        assertEquals("U", p.at("/user/name").asText());
        assertFalse(p.has("account"));
        // entities are found by name in any case and by public key
        p = profile(nsc, "nsc://o/" + a + "/u?keys");
        assertEquals(u, p.at("/user/id").asText());
        assertEquals(nsc.creds("O", "A", "U").toString(), p.get("user_creds").asText());
        assertEquals(a, profile(nsc, "nsc://" + o + "/a?key").at("/account/id").asText());
    }

    @Test
    void profileSeedsOnlyWhenAsked() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        nsc.ok("edit", "account", "--sk", "generate");
        String a = subject(nsc.accountJwt("O", "A"));
        NKey sk = NKey.fromPublicKey(JSON.readTree(nsc.ok("describe", "account", "--json").out())
                .at("/nats/signing_keys/0").asText());
        JsonNode p = profile(nsc, "nsc://O/A/U?seed");
        // a plain "seed" gives the last entity's seed only
        assertEquals(subject(nsc.userJwt("O", "A", "U")), NKey.fromSeed(p.at("/user/seed").asText()).publicKey());
        assertFalse(p.has("account"));
        assertFalse(p.get("operator").has("seed"));
        p = profile(nsc, "nsc://O/A/U?seeds");
        assertEquals(subject(nsc.operatorJwt("O")), NKey.fromSeed(p.at("/operator/seed").asText()).publicKey());
        assertEquals(a, NKey.fromSeed(p.at("/account/seed").asText()).publicKey());
        assertEquals(List.of("service", "seed"), iterable(p.get("operator")));
        // a signing key's seed by its public key (in any case)
        p = profile(nsc, "nsc://O/A?accountSeed=" + sk.publicKey().toLowerCase());
        assertEquals(sk.publicKey(), NKey.fromSeed(p.at("/account/seed").asText()).publicKey());
        fails(nsc, "was not found", "generate", "profile", "nsc://O/A?accountSeed=" + subject(nsc.userJwt("O", "A", "U")));
        // no seed in the keystore
        Files.delete(nsc.keyFile(subject(nsc.userJwt("O", "A", "U"))));
        fails(nsc, "no seed was found", "generate", "profile", "nsc://O/A/U?userSeed");
    }

    @Test
    void profileToFile() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        String expected = nsc.ok("generate", "profile", "nsc://O/A/U?seeds").out();
        Nsc.Result r = nsc.ok("generate", "profile", "nsc://O/A/U?seeds", "-o", "p.json");
        assertEquals("[ OK ] wrote tool configuration to `~/p.json`\n", r.out());
        assertEquals("", r.err());
        // the seeds in it differ in no way from stdout's; the file is 0600
        assertEquals(expected, Files.readString(home.resolve("p.json")));
        assertEquals("rw-------", Nsc.mode(home.resolve("p.json")));
        fails(nsc, "already exists", "generate", "profile", "nsc://O", "-o", "p.json");
        assertEquals(nsc.ok("generate", "profile", "nsc://O").out(), nsc.ok("generate", "profile", "nsc://O", "-o", "--").out());
    }

    @Test
    void profileStoreAndKeystoreOptions() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        // another home's store and keystore, named in the URL
        Path other = home.resolve("other");
        Nsc second = new Nsc(other);
        second.ok("add", "operator", "P");
        second.ok("add", "account", "B");
        second.ok("add", "user", "V");
        JsonNode p = profile(nsc, "nsc://P/B/V?store=" + second.stores() + "&keystore=" + second.keystore() + "&seed");
        assertEquals(second.creds("P", "B", "V").toString(), p.get("user_creds").asText());
        assertEquals(subject(second.userJwt("P", "B", "V")), NKey.fromSeed(p.at("/user/seed").asText()).publicKey());
        fails(nsc, "invalid operator \"P\"", "generate", "profile", "nsc://P/B/V");
    }

    @Test
    void profileRefusals() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        fails(nsc, "invalid nsc url: expecting 'nsc://'", "generate", "profile", "http://O");
        fails(nsc, "expecting an operator name", "generate", "profile", "nsc://");
        fails(nsc, "expecting an operator name", "generate", "profile", "nsc://?names");
        fails(nsc, "expecting nsc://operator[/account[/user]]", "generate", "profile", "nsc://O/A/U/X");
        fails(nsc, "expecting nsc://operator[/account[/user]]", "generate", "profile", "nsc://O//U");
        fails(nsc, "invalid operator \"X\"", "generate", "profile", "nsc://X");
        fails(nsc, "invalid account \"Z\"", "generate", "profile", "nsc://O/Z");
        fails(nsc, "invalid user \"Z\"", "generate", "profile", "nsc://O/A/Z");
        fails(nsc, "unknown option \"seeed\"", "generate", "profile", "nsc://O/A/U?seeed");
        // asking about an entity the URL does not name (the Go nsc panics)
        fails(nsc, "\"userseed\" needs the user", "generate", "profile", "nsc://O/A?userSeed");
        fails(nsc, "\"accountkey\" needs the account", "generate", "profile", "nsc://O?accountKey");
        fails(nsc, "\"accountname\" needs the account", "generate", "profile", "nsc://O?accountName");
        fails(nsc, "needs a folder", "generate", "profile", "nsc://O?store");
        Nsc.Result r = nsc.run("generate", "profile");
        assertEquals(2, r.code(), r.toString());
    }
}
