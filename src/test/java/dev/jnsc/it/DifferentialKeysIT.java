package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Differential;
import dev.jnsc.testing.Executable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export keys, import keys, import account and import user through target/nsc and the Go nsc
 * 2.11.1 (JNSC_REF_NSC), compared by {@link Differential}: the stores, the keystores and the
 * exported folders (under {@code out/}) after every command. Differences kept on purpose are
 * listed with their reason and must occur.
 */
class DifferentialKeysIT {
    static final Path ref = Differential.reference();

    @TempDir
    Path dir;
    Differential d;

    @BeforeEach
    void store() throws Exception {
        d = Differential.orSkip(dir);
        d.run("add", "operator", "O");
        d.run("add", "account", "B");
        d.run("add", "user", "V");
        d.run("add", "account", "A"); // the current account from here on
        d.run("add", "user", "U");
    }

    private static Map<String, String> known() {
        return DifferentialIT.identityGaps();
    }

    private void step(Map<String, String> known, String... args) throws Exception {
        d.run(args);
        d.assertOnly(known);
    }

    /** Writes the same file into both sandboxes' homes (where the commands run). */
    private void give(String name, String content) throws Exception {
        for (Differential.Side s : List.of(d.go(), d.java())) {
            Path p = s.home().resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        }
    }

    @Test
    void exportKeysWritesTheFilesGoWrites() throws Exception {
        Map<String, String> known = known();
        step(known, "edit", "account", "A", "--sk", "generate");
        step(known, "export", "keys", "--dir", "out/default");
        step(known, "export", "keys", "-d", "out/all", "-A", "--include-jwts");
        step(known, "export", "keys", "-d", "out/operator", "-o");
        step(known, "export", "keys", "-d", "out/users", "-u", "--account", "B");
        step(known, "export", "keys", "-d", "out/user", "--account", "A", "--user", "U");
        step(known, "export", "keys", "-d", "out/default"); // exists: both refuse
        step(known, "export", "keys", "-d", "out/default", "--force");
        step(known, "export", "keys", "-d", "out/none", "-f", "nomatch");
        step(known, "generate", "nkey", "-u", "--store");
        step(known, "export", "keys", "-d", "out/unref", "--not-referenced", "-A");
        step(known, "export", "keys", "-d", "out/moved", "-u", "-R");
        assertEquals(d.steps().get(d.steps().size() - 1).go().code(), 0);
    }

    @Test
    void importKeysFillsTheKeystoreAsGoDoes() throws Exception {
        Map<String, String> known = known();
        NKey top = NKey.generate(KeyKind.ACCOUNT);
        NKey nested = NKey.generate(KeyKind.USER);
        give("in/" + top.publicKey() + ".nk", new String(top.seed()) + "\n");
        give("in/sub/" + nested.publicKey() + ".nk", new String(nested.seed()));
        step(known, "import", "keys", "--dir", "in");
        step(known, "import", "keys", "--dir", "in", "--recurse");
        step(known, "import", "keys", "--dir", "nosuch");
        step(known, "import", "keys", "--dir", "in/sub/" + nested.publicKey() + ".nk");
        // a folder with an unreadable .nk file: the Go nsc imports the others, jnsc nothing
        NKey good = NKey.generate(KeyKind.OPERATOR);
        give("mixed/a-bad.nk", "garbage");
        give("mixed/" + good.publicKey() + ".nk", new String(good.seed()));
        known.put("only go wrote keys/keys/O/**", "jnsc imports nothing from a folder with an invalid .nk file (the Go"
                + " nsc imports the valid ones, here an operator key and its folders, and fails)");
        step(known, "import", "keys", "--dir", "mixed");
    }

    @Test
    void importAccountAndUserStoreWhatGoStores() throws Exception {
        // a team's operator, account and user, made by the Go nsc in its own folders
        Path team = dir.resolve("team");
        Executable go = new Executable(ref, Files.createDirectories(team.resolve("home")));
        String[] dirs = {"--config-dir", team.resolve("cfg").toString(), "--data-dir", team.resolve("stores").toString(),
            "--keystore-dir", team.resolve("keys").toString()};
        for (String[] c : List.of(new String[] {"add", "operator", "T"}, new String[] {"add", "account", "Z"},
                new String[] {"add", "account", "Y"}, new String[] {"add", "user", "W", "-a", "Z"})) {
            String[] all = new String[dirs.length + c.length];
            System.arraycopy(dirs, 0, all, 0, dirs.length);
            System.arraycopy(c, 0, all, dirs.length, c.length);
            assertEquals(0, go.run(all).code(), String.join(" ", c));
        }
        Path stores = team.resolve("stores/T/accounts");
        give("z.jwt", Files.readString(stores.resolve("Z/Z.jwt")));
        give("w.jwt", Files.readString(stores.resolve("Z/users/W.jwt")));
        give("w.creds", Files.readString(team.resolve("keys/creds/T/Z/W.creds")));
        // Y signed by its own key
        AccountClaims y = Jwt.decode(Files.readString(stores.resolve("Y/Y.jwt"))).as(AccountClaims.class, "an account");
        String seedFile = "keys/keys/A/" + y.subject().substring(1, 3) + "/" + y.subject() + ".nk";
        NKey yKey = NKey.fromSeed(Files.readString(team.resolve(seedFile)).strip());
        give("y.jwt", Jwt.encode(y, yKey, System.currentTimeMillis() / 1000));

        Map<String, String> known = known();
        step(known, "import", "account", "--file", "z.jwt"); // another operator's: both refuse
        step(known, "import", "account", "--file", "w.jwt"); // not an account
        step(known, "import", "account", "--file", "w.creds"); // not a .jwt
        step(known, "import", "account", "--file", "z.jwt", "--force");
        step(known, "import", "account", "--file", "z.jwt", "--force"); // exists
        step(known, "import", "account", "--file", "z.jwt", "--force", "--overwrite");
        step(known, "import", "account", "--file", "y.jwt");
        step(known, "import", "user", "--file", "w.jwt");
        step(known, "import", "user", "--file", "w.creds"); // exists
        step(known, "import", "user", "--file", "w.creds", "--overwrite");
        step(known, "import", "user", "--file", "z.jwt"); // not a user
        // expired JWTs: the jwt library's validation blocks them, unless --skip (then a warning)
        NKey zKey = NKey.fromSeed(Files.readString(team.resolve(seedFile(team, Jwt.decode(Files.readString(
                stores.resolve("Z/Z.jwt"))).claims().subject()))).strip());
        give("y-expired.jwt", expired(Files.readString(stores.resolve("Y/Y.jwt")), yKey));
        give("w-expired.creds", Files.readString(team.resolve("keys/creds/T/Z/W.creds")).replaceAll(
                "eyJ[\\w-]+\\.eyJ[\\w-]+\\.[\\w-]+", expired(Files.readString(stores.resolve("Z/users/W.jwt")), zKey)));
        step(known, "import", "account", "--file", "y-expired.jwt", "--overwrite");
        step(known, "import", "account", "--file", "y-expired.jwt", "--overwrite", "--skip");
        step(known, "import", "user", "--file", "w-expired.creds", "--overwrite");
        step(known, "import", "user", "--file", "w-expired.creds", "--overwrite", "--skip");
    }

    private static String seedFile(Path team, String publicKey) {
        return "keys/keys/" + publicKey.charAt(0) + "/" + publicKey.substring(1, 3) + "/" + publicKey + ".nk";
    }

    /** The token's claims with an expiry an hour ago, issued and signed again by {@code key}. */
    private static String expired(String token, NKey key) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var claims = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                java.util.Base64.getUrlDecoder().decode(token.trim().split("\\.")[1]));
        long now = System.currentTimeMillis() / 1000;
        claims.put("iat", now - 7200);
        claims.put("exp", now - 3600);
        claims.put("iss", key.publicKey());
        var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String signed = token.trim().split("\\.")[0] + "." + b64.encodeToString(json.writeValueAsBytes(claims));
        return signed + "." + b64.encodeToString(key.sign(signed.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void keysMigrateBuildsTheKeystoreGoBuilds() throws Exception {
        Map<String, String> known = known();
        // both keystores become one of nsc before 2.0: seeds and creds beside the operator's folders
        for (Differential.Side s : List.of(d.go(), d.java())) {
            Path ks = s.keys();
            Path old = Files.createDirectories(ks.resolve("T/accounts/Z/users"));
            NKey op = NKey.generate(KeyKind.OPERATOR);
            Files.writeString(ks.resolve("T/T.nk"), new String(op.seed()) + "\n");
            Files.writeString(old.resolve("W.nk"), new String(NKey.generate(KeyKind.USER).seed()));
            Files.copy(firstCreds(ks), old.resolve("W.creds"));
        }
        step(known, "add", "account", "C"); // both refuse until the keystore is migrated
        assertEquals(1, d.steps().get(d.steps().size() - 1).java().code());
        step(known, "keys", "migrate");
        for (Differential.Side s : List.of(d.go(), d.java())) {
            assertEquals(false, Files.exists(s.keys().resolve("T")), "the old layout is gone from the keystore");
            try (var siblings = Files.list(s.keys().getParent())) {
                assertEquals(1, siblings.filter(p -> p.getFileName().toString().matches("keys_[0-9A-Za-z]{22}"))
                        .filter(p -> Files.exists(p.resolve("T/accounts/Z/users/W.creds"))).count(), "the old keystore is kept");
            }
        }
        step(known, "keys", "migrate"); // nothing more to do
    }

    private static Path firstCreds(Path keystore) throws Exception {
        try (var s = Files.walk(keystore.resolve("creds"))) {
            return s.filter(p -> p.toString().endsWith(".creds")).findFirst().orElseThrow();
        }
    }
}
