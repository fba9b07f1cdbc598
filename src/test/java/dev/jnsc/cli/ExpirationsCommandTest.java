package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * expirations: the Go nsc's table (on stderr) and JSON (on stdout), with "Yes", "Soon" and "No",
 * its humanized times, creds files, --within, --skip, and exit 0 whatever has expired.
 */
class ExpirationsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    Nsc nsc;

    /** O/A with users U (never expires), gone (expired a day ago), soon (in 8 days), later (in a year). */
    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        nsc.ok("add", "user", "gone", "--expiry", "1d");
        nsc.ok("add", "user", "soon", "--expiry", "10d");
        nsc.ok("add", "user", "later", "--expiry", "1y");
        nsc.advance(Duration.ofDays(2));
    }

    /** A row of the report with exactly this status and resource. */
    private static void row(String table, String status, String resource) {
        boolean found = table.lines().map(l -> l.split("│")).anyMatch(c -> c.length >= 3 && c[1].trim().equals(status)
                && c[2].trim().equals(resource));
        assertTrue(found, () -> "no row \"" + status + " | " + resource + "\" in\n" + table);
    }

    private long expiry(String user) {
        return Jwt.decode(Nsc.read(nsc.userJwt("O", "A", user)).trim()).as(UserClaims.class, "a user").expires();
    }

    @Test
    void tableMarksExpiredSoonAndNot() {
        Nsc.Result r = nsc.run("expirations");
        assertEquals(0, r.code(), "an expired entity is reported, not an error: " + r);
        assertEquals("", r.out());
        String t = r.err();
        assertTrue(t.contains(" Expiration Report (In 1 Month) "), t);
        row(t, "Expired", "Resource");
        row(t, "No", "O");
        row(t, "No", "O/A");
        row(t, "No", "O/A/U");
        row(t, "Yes", "O/A/gone");
        row(t, "Soon", "O/A/soon");
        row(t, "No", "O/A/later");
        row(t, "Yes", nsc.creds("O", "A", "gone").toString());
        row(t, "Soon", nsc.creds("O", "A", "soon").toString());
        assertTrue(t.contains("│ 1970-01-01T00:00:00Z - Never "), t);
        assertTrue(t.contains("│ 2026-01-03T03:04:05Z - 1 Day Ago "), t);
        assertTrue(t.contains("│ 2026-01-12T03:04:05Z - In 1 Week "), t);
        assertTrue(t.contains("│ 2027-01-02T03:04:05Z - In 1 Year "), t);
        // operator, account, four users and their four creds files
        assertEquals(10, t.lines().filter(l -> l.startsWith("│ ") && !l.contains("Expired") && !l.contains("Report"))
                .count(), t);
    }

    @Test
    void withinMovesTheThreshold() {
        String t = nsc.ok("expirations", "--within", "2y").err();
        assertTrue(t.contains("Expiration Report (In 2 Years)"), t);
        row(t, "Soon", "O/A/later");
        row(t, "Yes", "O/A/gone");
        t = nsc.ok("expirations", "-e", "0").err();
        assertTrue(t.contains("Expiration Report ()"), t);
        assertFalse(t.contains("Soon"), t);
        row(t, "Yes", "O/A/gone");
        t = nsc.ok("expirations", "-e", "2026-02-01").err();
        row(t, "Soon", "O/A/soon");
        row(t, "No", "O/A/later");
    }

    @Test
    void skipKeepsWhatExpiredOrExpiresSoon() {
        String t = nsc.ok("expirations", "--skip").err();
        List<String> rows = new ArrayList<>();
        t.lines().filter(l -> l.startsWith("│ ") && !l.contains("Report") && !l.contains("Expired │"))
                .forEach(l -> rows.add(l.split("│")[2].trim()));
        assertEquals(List.of("O/A/gone", nsc.creds("O", "A", "gone").toString(), "O/A/soon",
                nsc.creds("O", "A", "soon").toString()), rows);
    }

    @Test
    void jsonAsTheGoNscWritesIt() throws Exception {
        Nsc.Result r = nsc.ok("expirations", "--json", "--skip");
        assertEquals("", r.err());
        String gone = nsc.creds("O", "A", "gone").toString();
        String goneKey = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "gone")).trim()).claims().subject();
        assertTrue(r.out().startsWith("{\n  \"expiration_threshold\": \"2026-02-04T03:04:05Z\",\n  \"report\": [\n"
                + "    {\n"
                + "      \"resource\": \"O/A/gone\",\n"
                + "      \"id\": \"" + goneKey + "\",\n"
                + "      \"when\": \"1 Day Ago\",\n"
                + "      \"expiry\": " + expiry("gone") + ",\n"
                + "      \"expiration_date\": \"2026-01-03T03:04:05Z\",\n"
                + "      \"expires_soon\": true,\n"
                + "      \"expired\": true\n"
                + "    },\n"), r.out());
        JsonNode report = JSON.readTree(r.out()).get("report");
        assertEquals(4, report.size());
        assertEquals(gone, report.get(1).get("resource").asText());
        assertEquals("O/A/soon", report.get(2).get("resource").asText());
        assertEquals("In 1 Week", report.get(2).get("when").asText());
        assertTrue(report.get(2).get("expires_soon").asBoolean());
        assertFalse(report.get(2).get("expired").asBoolean());
        assertTrue(r.out().endsWith("  ]\n}\n"), r.out());

        JsonNode all = JSON.readTree(nsc.ok("expirations", "--json").out()).get("report");
        assertEquals(10, all.size());
        JsonNode operator = all.get(0);
        assertEquals("O", operator.get("resource").asText());
        assertEquals("Never", operator.get("when").asText());
        assertEquals(0, operator.get("expiry").asLong());
        assertEquals("", operator.get("expiration_date").asText());
    }

    @Test
    void timesInTheZoneOfTzAndHtmlEscapedJsonAsGo() throws Exception {
        nsc.ok("add", "account", "R&D");
        nsc.env("TZ", "Europe/Berlin");
        String out = nsc.ok("expirations", "--json").out();
        assertTrue(out.contains("\"expiration_threshold\": \"2026-02-04T04:04:05+01:00\""), out);
        assertTrue(out.contains("\"expiration_date\": \"2026-01-03T04:04:05+01:00\""), out);
        assertTrue(out.contains("\"resource\": \"O/R\\u0026D\""), out);
        String t = nsc.ok("expirations").err();
        assertTrue(t.contains("│ 2026-01-03T04:04:05+01:00 - 1 Day Ago "), t);
    }

    @Test
    void nothingToReportIsNull() {
        Nsc fresh = new Nsc(home.resolve("fresh")).tutorial();
        assertEquals("{\n  \"expiration_threshold\": \"2026-02-02T03:04:05Z\",\n  \"report\": null\n}\n",
                fresh.ok("expirations", "--json", "--skip").out());
    }

    @Test
    void aUserWithoutCredsFileHasNoCredsLine() throws Exception {
        Files.delete(nsc.creds("O", "A", "later"));
        String t = nsc.ok("expirations").err();
        row(t, "No", "O/A/later");
        assertFalse(t.contains("later.creds"), t);
        assertTrue(t.contains("gone.creds"), t);
    }

    @Test
    void refusals() {
        fails(nsc, "--within \"bogus\" is invalid", "expirations", "--within", "bogus");
        usage(nsc, "extra", "expirations", "extra");
        Path emptyHome = home.resolve("empty");
        emptyHome.toFile().mkdirs();
        Nsc empty = new Nsc(emptyHome);
        fails(empty, "no operator found", "expirations");
    }
}
