package dev.jnsc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Json;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What scripts see of the Go nsc 2.11.1 and jnsc alike: streams, nsc.json, the folders of a new store. */
class GoVisibleBehaviourTest {
    @TempDir
    Path home;

    private Map<String, Object> context(Nsc nsc) {
        return Json.parseObject(Nsc.read(nsc.home().resolve(".nsc/nsc.json")).getBytes());
    }

    @Test
    void addOperatorPrintsGoLinesOnStdoutAndMakesGoFolders() throws Exception {
        Nsc nsc = new Nsc(home);
        Nsc.Result r = nsc.ok("add", "operator", "O");
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("[ OK ] generated and stored operator key \""), r.out());
        assertTrue(r.out().endsWith("[ OK ] added operator \"O\"\n"
                + "[ OK ] When running your own nats-server, make sure they run at least version 2.2.0\n"), r.out());
        assertTrue(Files.isDirectory(nsc.stores().resolve("O/accounts")));
        assertTrue(Files.isDirectory(nsc.keystore().resolve("creds")));
        assertEquals("rwx------", Nsc.mode(nsc.keystore().resolve("creds")));
        assertEquals("# ignore all nk files \n**/*.nk\n\n# ignore all creds files\n**/*.creds\n",
                Nsc.read(nsc.keystore().resolve(".gitignore")));
    }

    @Test
    void nscJsonAsTheGoNscWritesIt() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        Map<String, Object> c = context(nsc);
        assertEquals(List.of("store_root", "operator", "account", "github_updates", "last_update"), List.copyOf(c.keySet()));
        assertEquals(nsc.stores().toString(), c.get("store_root"));
        assertEquals("nats-io/nsc", c.get("github_updates"));
        assertEquals(nsc.nowSeconds(), ((Number) c.get("last_update")).longValue());
        // later writes keep the first run's update-check time
        nsc.advance(java.time.Duration.ofHours(1));
        nsc.ok("add", "account", "A");
        c = context(nsc);
        assertEquals("A", c.get("account"));
        assertEquals(nsc.nowSeconds() - 3600, ((Number) c.get("last_update")).longValue());
    }

    @Test
    void storeRootIsTheDataDirInUse() throws Exception {
        Nsc nsc = new Nsc(home);
        Path other = home.resolve("other-stores");
        nsc.ok("--data-dir", other.toString(), "add", "operator", "P");
        assertEquals(other.toString(), context(nsc).get("store_root"));
    }

    @Test
    void deletingTheCurrentAccountLeavesNscJsonAsTheGoNscDoes() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "account", "B");
        String before = Nsc.read(nsc.home().resolve(".nsc/nsc.json"));
        nsc.ok("delete", "account", "B");
        assertEquals(before, Nsc.read(nsc.home().resolve(".nsc/nsc.json")), "the Go nsc does not rewrite nsc.json");
        // B is gone, so the only account left is current
        assertEquals("\"A\"\n", nsc.ok("describe", "account", "-F", "name").out(), "A is current");
        // a save (env -s) records the only account, as the Go nsc's save does
        nsc.ok("env", "-s", nsc.stores().toString());
        assertEquals("A", context(nsc).get("account"));
    }

    @Test
    void statusOnStdoutErrorsAndTheirReportOnStderr() {
        Nsc nsc = new Nsc(home).tutorial();
        Nsc.Result r = nsc.ok("edit", "account", "A", "--conns", "3");
        assertTrue(r.out().contains("[ OK ] changed max connections to 3\n"), r.out());
        assertEquals("", r.err());
        Nsc.Result bad = nsc.run("edit", "account", "A", "--conns", "x");
        assertEquals("", bad.out());
        assertTrue(bad.err().startsWith("Error: "), bad.err());
        // list keys goes to stdout, list tables and env to stderr, as in the Go nsc
        assertTrue(nsc.ok("list", "keys").out().contains("Keys"));
        assertEquals("", nsc.ok("list", "accounts").out());
        assertEquals("", nsc.ok("env").out());
    }

    @Test
    void revokedUsersAsTheGoNscListsThem() {
        Nsc nsc = new Nsc(home).tutorial().env("TZ", "Europe/Berlin");
        nsc.ok("revocations", "add-user", "-u", "*", "--at", "2026-01-01T00:00:00Z");
        Nsc.Result r = nsc.ok("revocations", "list-users");
        assertEquals("", r.err());
        assertTrue(r.out().contains("Revoked Users for A"), r.out());
        assertTrue(r.out().contains("| * [All Users] | Thu, 01 Jan 2026 01:00:00 CET |")
                || r.out().contains("│ * [All Users] │ Thu, 01 Jan 2026 01:00:00 CET │"), r.out());
        assertFalse(r.out().contains("GMT"), r.out());
    }
}
