package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.TimeRange;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.jwt.UserPermissionLimits;
import dev.jnsc.testing.Nsc;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every user permission and limit flag of add/edit user, shown by describe, refused when invalid. */
class UserLimitsTest {
    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void tutorial() {
        nsc = new Nsc(home).tutorial();
    }

    private UserClaims user(String name) {
        return Jwt.decode(Nsc.read(nsc.userJwt("O", "A", name))).as(UserClaims.class, "a user");
    }

    @Test
    void everyLimitOnAddAndEdit() {
        nsc.ok("add", "user", "x", "--allow-pub-response=3", "--response-ttl", "5s", "--bearer",
                "--source-network", "10.0.0.0/8,192.168.1.7", "--time", "08:00:00-17:00:00", "--locale", "Europe/Berlin",
                "--conn-type", "standard,websocket", "--subs", "10", "--data", "1M", "--payload", "512KiB", "--tag", "Blue",
                "--start", "2026-02-01", "--expiry", "30d");
        UserPermissionLimits p = user("x").permissions();
        assertEquals(3, p.permissions().responseMax());
        assertEquals(5_000_000_000L, p.permissions().responseTtlNanos());
        assertTrue(p.bearerToken());
        assertEquals(List.of("10.0.0.0/8", "192.168.1.7/32"), p.src());
        assertEquals(List.of(new TimeRange("08:00:00", "17:00:00")), p.times());
        assertEquals("Europe/Berlin", p.timesLocation());
        assertEquals(List.of("STANDARD", "WEBSOCKET"), p.allowedConnectionTypes());
        assertEquals(10, p.subs());
        assertEquals(1_000_000, p.data());
        assertEquals(512 * 1024, p.payload());
        assertEquals(List.of("blue"), user("x").tags());
        assertEquals(nsc.nowSeconds() + 30 * 86400, user("x").expires());

        String out = nsc.ok("describe", "user", "x").out();
        String[][] rows = {{"Bearer Token", "Yes"}, {"Max Responses", "3"}, {"Response Permission TTL", "5s"},
            {"Max Msg Payload", "524288 bytes (≈524 kB)"}, {"Max Data", "1000000 bytes (≈1.0 MB)"}, {"Max Subs", "10"},
            {"Network Src", "10.0.0.0/8, 192.168.1.7/32"}, {"Time", "08:00:00-17:00:00"}, {"Locale", "Europe/Berlin"},
            {"Allowed Connection Types", "STANDARD"}, {"", "WEBSOCKET"}};
        for (String[] row : rows) {
            dev.jnsc.testing.Checks.assertRow(out, row[0], row[1]);
        }
        Map<String, Object> nats = Json.asMap(Json.parseObject(nsc.ok("describe", "user", "x", "--json").out().getBytes())
                .get("nats"));
        assertEquals(List.of("10.0.0.0/8", "192.168.1.7/32"), nats.get("src"));
        assertEquals(Boolean.TRUE, nats.get("bearer_token"));
        assertEquals(Map.of("max", 3L, "ttl", 5_000_000_000L), nats.get("resp"));

        nsc.ok("edit", "user", "x", "--rm-source-network", "10.0.0.0/8", "--rm-time", "08:00:00", "--rm-conn-type",
                "WEBSOCKET", "--rm-response-perms", "--bearer=false", "--subs", "-1", "--rm-tag", "blue");
        p = user("x").permissions();
        assertEquals(List.of("192.168.1.7/32"), p.src());
        assertTrue(p.times().isEmpty());
        assertEquals(List.of("STANDARD"), p.allowedConnectionTypes());
        assertTrue(!p.permissions().hasResponsePermission() && !p.bearerToken() && p.subs() == -1);
        assertTrue(user("x").tags().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--source-network;notacidr;--source-network \"notacidr\" is invalid: expected a CIDR",
        "--source-network;10.0.0.0/33;--source-network \"10.0.0.0/33\" is invalid",
        "--source-network;300.1.1.1;--source-network \"300.1.1.1\" is invalid",
        "--time;8-17;--time \"8-17\" is invalid: expected hh:mm:ss-hh:mm:ss",
        "--time;25:00:00-26:00:00;--time \"25:00:00-26:00:00\" is invalid",
        "--locale;Mars/Olympus;--locale \"Mars/Olympus\" is invalid: expected an IANA time zone",
        "--conn-type;CARRIER_PIGEON;--conn-type \"CARRIER_PIGEON\" is invalid: expected one of STANDARD",
        "--subs;many;--subs \"many\" is invalid: expected a whole number, or -1",
        "--subs;-5;--subs \"-5\" is invalid",
        "--data;1Q;--data \"1Q\" is invalid: expected a size",
        "--payload;lots;--payload \"lots\" is invalid: expected a size",
        "--response-ttl;soon;--response-ttl \"soon\" is not a valid duration",
        "--allow-pub;a..b;--allow-pub \"a..b\" is not a valid subject",
        "--allow-pub;a.b*;--allow-pub \"a.b*\" is not a valid subject: wildcards",
        "--deny-sub;>.x;'>' can only be the last token",
        "--allow-pub;a b;--allow-pub \"a b\" is not a valid subject: it contains whitespace",
        "--expiry;someday;--expiry \"someday\" is invalid",
        "--start;2026-02-30;--start \"2026-02-30\" is invalid"})
    void badValuesAreRefusedBeforeAnythingIsWritten(String flag, String value, String message) {
        fails(nsc, message, "add", "user", "bad", flag, value);
        fails(nsc, message, "edit", "user", "U", flag, value);
    }

    @Test
    void badResponseCount() {
        fails(nsc, "--allow-pub-response \"x\" is not a number", "edit", "user", "U", "--allow-pub-response=x");
        fails(nsc, "--allow-pub-response \"0\" is invalid", "edit", "user", "U", "--allow-pub-response=0");
    }
}
