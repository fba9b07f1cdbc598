package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.assertRow;
import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.AccountLimits;
import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Nsc;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every account limit, JetStream and info flag of add/edit account, shown by describe. */
class AccountLimitsTest {
    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void tutorial() {
        nsc = new Nsc(home).tutorial();
    }

    private AccountClaims account(String name) {
        return Jwt.decode(Nsc.read(nsc.accountJwt("O", name))).as(AccountClaims.class, "an account");
    }

    @Test
    void limitsOnEdit() {
        Nsc.Result r = nsc.ok("edit", "account", "A", "--conns", "5", "--leaf-conns", "0", "--subscriptions", "100",
                "--data", "1G", "--payload", "1MiB", "--imports", "3", "--exports", "4", "--wildcard-exports=false",
                "--disallow-bearer", "--description", "the A team", "--info-url", "https://example.com/a",
                "--tag", "Prod", "--allow-pub", "a.>", "--deny-sub", "secret.>", "--expiry", "1y");
        assertTrue(r.out().contains("[ OK ] changed max connections to 5") && r.out().endsWith("[ OK ] edited account \"A\"\n"),
                r.out());
        AccountLimits l = account("A").limits();
        assertEquals(5, l.conn());
        assertEquals(0, l.leaf());
        assertEquals(100, l.subs());
        assertEquals(1_000_000_000L, l.data());
        assertEquals(1 << 20, l.payload());
        assertEquals(3, l.imports());
        assertEquals(4, l.exports());
        assertFalse(l.wildcards());
        assertTrue(l.disallowBearer());
        assertEquals("the A team", account("A").description());
        assertEquals(List.of("a.>"), account("A").defaultPermissions().pub().allow());

        String out = nsc.ok("describe", "account", "A").out();
        assertRow(out, "Max Connections", "5");
        assertRow(out, "Max Leaf Node Connections", "Not Allowed");
        assertRow(out, "Max Data", "1.0 GB (1000000000 bytes)");
        assertRow(out, "Max Msg Payload", "1.0 MB (1048576 bytes)");
        assertRow(out, "Max Imports", "3");
        assertRow(out, "Max Exports", "4");
        assertRow(out, "Max Subscriptions", "100");
        assertRow(out, "Exports Allows Wildcards", "False");
        assertRow(out, "Disallow Bearer Token", "True");
        assertRow(out, "Description", "the A team");
        assertRow(out, "Info Url", "https://example.com/a");
        assertRow(out, "Pub Allow", "a.>");
        assertRow(out, "Sub Deny", "secret.>");
        assertRow(out, "Tags", "prod");
        assertRow(out, "Jetstream", "Disabled");

        Map<String, Object> limits = Json.asMap(Json.asMap(Json.parseObject(
                nsc.ok("describe", "account", "A", "-J").out().getBytes()).get("nats")).get("limits"));
        assertEquals(5L, limits.get("conn"));
        assertEquals(Boolean.TRUE, limits.get("disallow_bearer"));
        assertNull(limits.get("wildcards"), "false is omitted, as Go does");
    }

    @Test
    void jetStreamGlobalAndTiers() {
        nsc.ok("edit", "account", "A", "--js-enable", "0");
        AccountLimits l = account("A").limits();
        assertEquals(-1, l.jetStream().diskStorage());
        assertEquals(-1, l.jetStream().memStorage());
        assertRow(nsc.ok("describe", "account", "A").out(), "Jetstream", "Enabled");
        nsc.ok("edit", "account", "A", "--js-disk-storage", "10G", "--js-mem-storage", "512M", "--js-streams", "10",
                "--js-consumer", "100", "--js-max-ack-pending", "1000", "--js-max-mem-stream", "1M",
                "--js-max-disk-stream", "2G", "--js-max-bytes-required");
        l = account("A").limits();
        assertEquals(10_000_000_000L, l.jetStream().diskStorage());
        assertEquals(512_000_000L, l.jetStream().memStorage());
        assertEquals(10, l.jetStream().streams());
        assertTrue(l.jetStream().maxBytesRequired());
        String out = nsc.ok("describe", "account", "A").out();
        assertRow(out, "Max Disk Storage", "10 GB");
        assertRow(out, "Max Mem Storage", "512 MB");
        assertRow(out, "Max Streams", "10");
        assertRow(out, "Max Bytes", "required (Stream setting)");

        fails(nsc, "cannot set a JetStream tier limit when the account has a global limit", "edit", "account", "A", "--js-tier", "3",
                "--js-disk-storage", "1G");
        nsc.ok("edit", "account", "A", "--rm-js-tier", "0");
        nsc.ok("edit", "account", "A", "--js-tier", "3", "--js-disk-storage", "1G", "--js-mem-storage", "-1");
        l = account("A").limits();
        assertFalse(l.jetStream().isEnabled());
        assertEquals(1_000_000_000L, l.tiered().get("R3").diskStorage());
        assertRow(nsc.ok("describe", "account", "A").out(), "Jetstream Tier", "R3");
        nsc.ok("edit", "account", "A", "--js-disable");
        assertTrue(account("A").limits().tiered().isEmpty());
    }

    @Test
    void limitsOnAdd() {
        nsc.ok("add", "account", "B", "--conns", "1", "--js-enable", "1", "--allow-sub", "x");
        AccountClaims b = account("B");
        assertEquals(1, b.limits().conn());
        assertEquals(-1, b.limits().tiered().get("R1").diskStorage());
        assertEquals(List.of("x"), b.defaultPermissions().sub().allow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--conns;lots;--conns \"lots\" is invalid: expected a whole number, or -1",
        "--leaf-conns;-2;--leaf-conns \"-2\" is invalid",
        "--data;10XB;--data \"10XB\" is invalid: expected a size",
        "--payload;big;--payload \"big\" is invalid",
        "--js-enable;9;--js-enable \"9\" is invalid: expected 0 (global limits) or a replica count",
        "--js-disk-storage;huge;--js-disk-storage \"huge\" is invalid",
        "--js-streams;1.5;--js-streams \"1.5\" is invalid",
        "--info-url;not a url;--info-url \"not a url\" is invalid: expected a URL",
        "--allow-pub;*.>.x;'>' can only be the last token",
        "--rm-js-tier;2;the account has no such JetStream tier"})
    void badAccountValues(String flag, String value, String message) {
        fails(nsc, message, "edit", "account", "A", flag, value);
    }

    @Test
    void systemAccountHasNoJetStream() {
        nsc.ok("edit", "operator", "--system-account", "A");
        fails(nsc, "the system account cannot have JetStream limits", "edit", "account", "A", "--js-enable", "0");
        fails(nsc, "specify an edit option", "edit", "account", "A");
    }
}
