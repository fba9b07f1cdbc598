package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.assertRow;
import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.ServiceLatency;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * add, edit and delete export: every flag, read back from the account JWT the command wrote, and
 * every refusal: one error line naming the flag, the value and what is expected, exit 1 (2 for a
 * usage error), no file changed.
 */
class ExportCommandsTest {
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

    private Export export(String subject, ExportType type) {
        for (Export e : account("A").exports()) {
            if (e.subject().equals(subject) && e.type() == type) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " export " + subject + " in account A");
    }

    private String operatorKey() {
        return Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator").subject();
    }

    // ---------------------------------------------------------------- add

    @Test
    void addStreamWithDefaults() {
        Nsc.Result r = nsc.ok("add", "export", "--subject", "orders.>");
        assertEquals("[ OK ] added public stream export \"orders.>\"\n", r.out());
        assertEquals("", r.err());
        Export e = export("orders.>", ExportType.STREAM);
        assertEquals("orders.>", e.name(), "the name defaults to the subject");
        assertFalse(e.tokenRequired());
        assertEquals("", e.responseType(), "a stream has no response type");
        assertEquals(0, e.accountTokenPosition());
        assertFalse(e.advertise());
        AccountClaims a = account("A");
        assertEquals(operatorKey(), a.issuer(), "re-signed by the operator");
        assertEquals("A", a.name());
    }

    @Test
    void addServiceWithEveryServiceFlag() {
        Nsc.Result r = nsc.ok("add", "export", "-a", "A", "-r", "-s", "svc.orders", "-n", "orders", "-p",
                "--response-type", "Chunked", "--response-threshold", "1m30s", "--latency", "lat.orders", "--sampling",
                "25", "--allow-trace");
        assertEquals("[ OK ] added private service export \"orders\"\n", r.out());
        Export e = export("svc.orders", ExportType.SERVICE);
        assertEquals("orders", e.name());
        assertTrue(e.tokenRequired());
        assertEquals("Chunked", e.responseType());
        assertEquals(90_000_000_000L, e.responseThresholdNanos());
        assertEquals(new ServiceLatency(25, "lat.orders"), e.latency());
        assertTrue(e.allowTrace());
    }

    @Test
    void addServiceDefaultsAndSamplingByHeaders() {
        nsc.ok("add", "export", "--service", "--subject", "svc.a");
        assertEquals("Singleton", export("svc.a", ExportType.SERVICE).responseType(), "as the Go nsc writes it");
        assertNull(export("svc.a", ExportType.SERVICE).latency());
        nsc.ok("add", "export", "--service", "--subject", "svc.b", "--latency", "lat.b");
        assertEquals(ServiceLatency.headers("lat.b"), export("svc.b", ExportType.SERVICE).latency(),
                "a latency subject without --sampling: the headers decide, as in the Go nsc");
        nsc.ok("add", "export", "--service", "--subject", "svc.c", "--latency", "lat.c", "--sampling", "HEADER");
        assertTrue(export("svc.c", ExportType.SERVICE).latency().isHeaders());
        nsc.ok("add", "export", "--service", "--subject", "svc.d", "--response-type", "stream");
        assertEquals("Stream", export("svc.d", ExportType.SERVICE).responseType(), "the response type in any case");
        nsc.ok("add", "export", "--service=true", "--subject", "svc.e", "--response-type", "Singleton",
                "--response-threshold", "250ms", "--sampling", "100", "--latency", "lat.e");
        Export e = export("svc.e", ExportType.SERVICE);
        assertEquals(250_000_000L, e.responseThresholdNanos());
        assertEquals(100, e.latency().sampling());
        nsc.ok("add", "export", "--service=false", "--subject", "not.a.service");
        export("not.a.service", ExportType.STREAM);
    }

    @Test
    void addAccountTokenPositionAndAdvertise() {
        nsc.ok("add", "export", "-s", "acct.*.events", "--account-token-position", "2");
        assertEquals(2, export("acct.*.events", ExportType.STREAM).accountTokenPosition());
        nsc.ok("add", "export", "-r", "-s", "svc.*.>", "--account-token-position", "2", "--advertise");
        Export e = export("svc.*.>", ExportType.SERVICE);
        assertEquals(2, e.accountTokenPosition());
        assertTrue(e.advertise());
        nsc.ok("add", "export", "-s", "x.*", "--account-token-position", "0");
        assertEquals(0, export("x.*", ExportType.STREAM).accountTokenPosition(), "0 means none");
        String help = nsc.ok("add", "export", "--help").out();
        assertTrue(help.contains("--account-token-position") && help.contains("--allow-trace"), help);
        assertFalse(help.contains("--advertise"), "hidden, as in the Go nsc\n" + help);
    }

    @Test
    void addToAnotherAccountAndShareASubjectAcrossKinds() {
        nsc.ok("add", "account", "B"); // now the current account
        nsc.ok("add", "export", "-a", "A", "-s", "shared", "-n", "the stream");
        nsc.ok("add", "export", "-a", "A", "-s", "shared", "-r", "-n", "the service");
        nsc.ok("add", "export", "-a", "A", "-s", "early");
        assertTrue(account("B").exports().isEmpty());
        List<String> order = new ArrayList<>();
        Map<String, Object> nats = Json.map(Json.parseObject(nsc.ok("describe", "account", "A", "--json").out()
                .getBytes()), "nats");
        for (Object o : Json.list(nats, "exports")) {
            order.add(Json.asMap(o).get("subject") + "/" + Json.asMap(o).get("type"));
        }
        assertEquals(List.of("early/stream", "shared/stream", "shared/service"), order,
                "describe --json prints the exports, sorted by subject as the JWT holds them");
    }

    @Test
    void signedLikeEditAccount() {
        String sk = nsc.ok("edit", "operator", "--sk", "generate").out().replaceAll("(?s).*\"(O[A-Z2-7]{55})\".*", "$1");
        assertTrue(nsc.ok("add", "export", "-s", "z").out().contains("signed by operator \"O\" with its identity key "));
        assertEquals(operatorKey(), account("A").issuer());
        nsc.ok("add", "export", "-s", "a", "-K", sk);
        assertEquals(sk, account("A").issuer());
        nsc.ok("edit", "export", "-s", "a", "--name", "b", "-K", operatorKey());
        assertEquals(operatorKey(), account("A").issuer());
        nsc.ok("delete", "export", "-s", "a", "-K", sk);
        assertEquals(sk, account("A").issuer());
    }

    @Test
    void parallelAddsKeepEveryExport() {
        List<Nsc.Running> running = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            running.add(nsc.start("add", "export", "-s", "parallel." + i, "--lock-timeout", "60s"));
        }
        for (Nsc.Running r : running) {
            assertEquals(0, r.result(java.time.Duration.ofSeconds(60)).code());
        }
        assertEquals(6, account("A").exports().size(), "each command read the account under the store lock");
    }

    private static Arguments refused(String message, String... args) {
        return Arguments.of(message, args);
    }

    static Stream<Arguments> addRefusals() {
        String onStream = "is only valid for service exports: add --service";
        return Stream.of(
                refused("--subject \"a b\" is not a valid subject: it contains whitespace", "add", "export", "-s", "a b"),
                refused("--subject \"a..b\" is not a valid subject: it has an empty token", "add", "export", "-s", "a..b"),
                refused("--subject \"a>b\" is not a valid subject: wildcards '*' and '>' must be whole tokens",
                        "add", "export", "-s", "a>b"),
                refused("--subject \"x*\" is not a valid subject: wildcards '*' and '>' must be whole tokens",
                        "add", "export", "-s", "x*"),
                refused("--subject \"a.>.b\" is not a valid subject: '>' can only be the last token",
                        "add", "export", "-s", "a.>.b"),
                refused("--subject \"\" is empty", "add", "export", "-s", ""),
                refused("--name \"\" is empty", "add", "export", "-s", "a", "-n", ""),
                refused("--response-type \"Stream\" " + onStream, "add", "export", "-s", "a", "--response-type", "Stream"),
                refused("--response-threshold \"1s\" " + onStream, "add", "export", "-s", "a", "--response-threshold", "1s"),
                refused("--latency \"lat\" " + onStream, "add", "export", "-s", "a", "--latency", "lat"),
                refused("--sampling \"50\" " + onStream, "add", "export", "-s", "a", "--sampling", "50"),
                refused("--allow-trace " + onStream, "add", "export", "-s", "a", "--allow-trace"),
                refused("--response-type \"Bogus\" is invalid: expected Singleton, Stream or Chunked",
                        "add", "export", "-r", "-s", "a", "--response-type", "Bogus"),
                refused("--response-threshold \"-1s\" is not a valid duration: expected e.g. 250ms, 5s, 1m30s or 2h",
                        "add", "export", "-r", "-s", "a", "--response-threshold", "-1s"),
                refused("--response-threshold \"soon\" is not a valid duration",
                        "add", "export", "-r", "-s", "a", "--response-threshold", "soon"),
                refused("--latency \"lat.*\" is invalid: the latency results subject cannot contain wildcards",
                        "add", "export", "-r", "-s", "a", "--latency", "lat.*"),
                refused("--latency \"lat..x\" is not a valid subject", "add", "export", "-r", "-s", "a", "--latency", "lat..x"),
                refused("--sampling \"0\" is invalid: expected a percentage from 1 to 100, or header",
                        "add", "export", "-r", "-s", "a", "--latency", "lat", "--sampling", "0"),
                refused("--sampling \"101\" is invalid: expected a percentage from 1 to 100, or header",
                        "add", "export", "-r", "-s", "a", "--latency", "lat", "--sampling", "101"),
                refused("--sampling \"abc\" is invalid", "add", "export", "-r", "-s", "a", "--latency", "lat", "--sampling", "abc"),
                refused("--sampling \"50\" needs --latency <subject>: the subject the latency measurements are published to",
                        "add", "export", "-r", "-s", "a", "--sampling", "50"),
                refused("--account-token-position \"-1\" is invalid: expected the position of a \"*\" token of the"
                        + " subject (1 for the first token), or 0 for none",
                        "add", "export", "-s", "a.*", "--account-token-position", "-1"),
                refused("--account-token-position \"x\" is invalid", "add", "export", "-s", "a.*",
                        "--account-token-position", "x"),
                refused("--account-token-position \"3\" is invalid for subject \"a.*\": it has 2 tokens, expected the"
                        + " position of one of its \"*\" tokens", "add", "export", "-s", "a.*", "--account-token-position", "3"),
                refused("--account-token-position \"1\" is invalid for subject \"a.*\": token 1 is \"a\", expected the"
                        + " position of a \"*\" token", "add", "export", "-s", "a.*", "--account-token-position", "1"),
                refused("--account-token-position \"2\" is invalid for subject \"a.>\": token 2 is \">\"",
                        "add", "export", "-s", "a.>", "--account-token-position", "2"),
                refused("--account-token-position \"2\" is invalid for a private export: only public exports have an"
                        + " account token position", "add", "export", "-s", "a.*", "--account-token-position", "2", "-p"),
                refused("account \"Nope\" does not exist", "add", "export", "-a", "Nope", "-s", "a"));
    }

    @ParameterizedTest
    @MethodSource("addRefusals")
    void addRefuses(String message, String[] args) {
        fails(nsc, message, args);
    }

    @Test
    void addNeedsASubject() {
        usage(nsc, "--subject is required: the subject to export", "add", "export", "-n", "x");
        usage(nsc, "Unknown option: '--nope'", "add", "export", "-s", "a", "--nope");
        usage(nsc, "Unmatched argument", "add", "export", "a.b");
    }

    @Test
    void addRefusesWhatCollidesWithTheAccount() {
        nsc.ok("add", "export", "-s", "orders.*", "-n", "orders");
        nsc.ok("add", "export", "-r", "-s", "svc.>");
        fails(nsc, "--subject \"orders.*\": account \"A\" already has a stream export with subject \"orders.*\""
                + " (\"orders\")", "add", "export", "-s", "orders.*");
        fails(nsc, "--subject \"orders.new\" overlaps the stream export \"orders.*\" of account \"A\" (one contains"
                + " the other): exports of one kind may not overlap", "add", "export", "-s", "orders.new");
        fails(nsc, "--subject \"orders.>\" overlaps the stream export \"orders.*\"", "add", "export", "-s", "orders.>");
        fails(nsc, "--subject \"svc.x.y\" overlaps the service export \"svc.>\"", "add", "export", "-r", "-s", "svc.x.y");
        fails(nsc, "--subject \"svc.>\": account \"A\" already has a service export with subject \"svc.>\"",
                "add", "export", "-r", "-s", "svc.>");
        nsc.ok("add", "export", "-s", "svc.x.y"); // a stream: another kind
        nsc.ok("add", "export", "-r", "-s", "orders.new");

        nsc.ok("edit", "account", "A", "--wildcard-exports=false");
        fails(nsc, "--subject \"w.*\" has wildcards, which account \"A\" does not allow in exports (its limits set"
                + " wildcards to false: see nsc edit account --wildcard-exports)", "add", "export", "-s", "w.*");
        fails(nsc, "--subject \">\" has wildcards", "add", "export", "-r", "-s", ">");
        nsc.ok("add", "export", "-s", "w.literal");
        nsc.ok("edit", "account", "A", "--exports", "5");
        fails(nsc, "account \"A\" may have at most 5 exports and has 5 - raise the limit with nsc edit account --exports",
                "add", "export", "-s", "one.more");
    }

    // ---------------------------------------------------------------- edit

    @Test
    void editEveryField() {
        nsc.ok("add", "export", "-r", "-s", "svc", "-n", "svc");
        Nsc.Result r = nsc.ok("edit", "export", "-s", "svc", "--name", "the service", "--private", "--description",
                "what it does\nin two lines", "--info-url", "https://example.com/svc", "--response-type", "Stream",
                "--response-threshold", "5s", "--latency", "lat.svc", "--sampling", "10", "--allow-trace");
        assertEquals("[ OK ] changed export name to the service\n"
                + "[WARN] changed export to be private - this will break importers\n"
                + "[ OK ] changed service latency to 10%\n"
                + "[ OK ] changed response threshold to 5s\n"
                + "[ OK ] changed response type to Stream\n"
                + "[ OK ] changed allowed trace to true\n"
                + "[ OK ] changed description to \"what it does\\nin two lines\"\n"
                + "[ OK ] changed info url to \"https://example.com/svc\"\n"
                + "[ OK ] edited service export \"the service\"\n", r.out());
        Export e = export("svc", ExportType.SERVICE);
        assertEquals("the service", e.name());
        assertTrue(e.tokenRequired());
        assertEquals("what it does\nin two lines", e.description());
        assertEquals("https://example.com/svc", e.infoUrl());
        assertEquals("Stream", e.responseType());
        assertEquals(5_000_000_000L, e.responseThresholdNanos());
        assertEquals(new ServiceLatency(10, "lat.svc"), e.latency());
        assertTrue(e.allowTrace());
        String out = nsc.ok("describe", "account", "A").out();
        assertTrue(out.contains("│ the service │ Service [Stream] │ svc     │ -                      │ No     │ 0 "
                + "          │ lat.svc (10%) │ Yes         │"), out);
        assertRow(out, "the service", "what it does in two lines");

        r = nsc.ok("edit", "export", "--private=false", "--description", "", "--info-url", "", "--allow-trace=false",
                "--response-threshold", "0");
        assertEquals("[ OK ] changed export to be public\n"
                + "[ OK ] changed response threshold to 0s\n"
                + "[ OK ] changed allowed trace to false\n"
                + "[ OK ] changed description to \"\"\n"
                + "[ OK ] changed info url to \"\"\n"
                + "[ OK ] edited service export \"the service\"\n", r.out(), "the only export needs no --subject");
        e = export("svc", ExportType.SERVICE);
        assertFalse(e.tokenRequired());
        assertEquals("", e.description());
        assertEquals("", e.infoUrl());
        assertEquals(0, e.responseThresholdNanos());
        assertFalse(e.allowTrace());
        assertEquals("Stream", e.responseType(), "kept when not edited");
    }

    @Test
    void editLatency() {
        nsc.ok("add", "export", "-r", "-s", "svc", "--latency", "lat", "--sampling", "50");
        assertEquals("[ OK ] changed service latency subject to lat2\n"
                + "[WARN] changed latency subject will break consumers of the report\n"
                + "[ OK ] edited service export \"svc\"\n", nsc.ok("edit", "export", "-s", "svc", "--latency", "lat2").out());
        assertEquals(new ServiceLatency(50, "lat2"), export("svc", ExportType.SERVICE).latency(), "sampling kept");
        assertTrue(nsc.ok("edit", "export", "-s", "svc", "--sampling", "header").out()
                .startsWith("[ OK ] changed service latency to header\n"));
        assertEquals(ServiceLatency.headers("lat2"), export("svc", ExportType.SERVICE).latency(), "subject kept");
        assertTrue(nsc.ok("edit", "export", "-s", "svc", "--rm-latency-sampling").out()
                .startsWith("[ OK ] removed latency tracking\n"));
        assertNull(export("svc", ExportType.SERVICE).latency());
        assertTrue(nsc.ok("edit", "export", "-s", "svc", "--rm-latency-sampling").out()
                .startsWith("[ OK ] no need to remove latency tracking as it was not set\n"));
        nsc.ok("edit", "export", "-s", "svc", "--latency", "lat3");
        assertEquals(ServiceLatency.headers("lat3"), export("svc", ExportType.SERVICE).latency());
        nsc.ok("edit", "export", "-s", "svc", "--sampling", "0");
        assertNull(export("svc", ExportType.SERVICE).latency(), "--sampling 0 disables it, as the Go nsc's help says");
    }

    @Test
    void editKeepsWhatItDoesNotChange() throws Exception {
        nsc.ok("add", "export", "-r", "-s", "svc.*", "--response-type", "Chunked", "--allow-trace",
                "--account-token-position", "2", "--advertise");
        // a revocation, as revocations add-activation writes it
        AccountClaims a = account("A");
        a.exports().get(0).revokeAt("*", 1_700_000_000L);
        NKey op = NKey.fromSeed(Nsc.read(nsc.keyFile(operatorKey())).trim());
        Files.writeString(nsc.accountJwt("O", "A"), Jwt.encode(a, op, nsc.nowSeconds()));

        nsc.ok("edit", "export", "-s", "svc.*", "--description", "d");
        Export e = export("svc.*", ExportType.SERVICE);
        assertEquals("Chunked", e.responseType(), "the Go nsc drops it");
        assertTrue(e.allowTrace(), "the Go nsc drops it");
        assertEquals(2, e.accountTokenPosition(), "the Go nsc drops it");
        assertTrue(e.advertise(), "the Go nsc drops it");
        assertEquals(Map.of("*", 1_700_000_000L), e.revocations(), "the Go nsc drops them");
    }

    @Test
    void editTokenPositionAndAdvertise() {
        nsc.ok("add", "export", "-s", "acct.*.x.*");
        assertTrue(nsc.ok("edit", "export", "--account-token-position", "4").out()
                .startsWith("[ OK ] changed account token position to 4\n"));
        assertEquals(4, export("acct.*.x.*", ExportType.STREAM).accountTokenPosition());
        fails(nsc, "--private: export \"acct.*.x.*\" has account token position 4, which only public exports may have"
                + " - remove it with --account-token-position 0", "edit", "export", "--private");
        fails(nsc, "--account-token-position \"3\" is invalid for subject \"acct.*.x.*\": token 3 is \"x\"",
                "edit", "export", "--account-token-position", "3");
        assertTrue(nsc.ok("edit", "export", "--account-token-position", "0", "--private", "--advertise").out()
                .contains("[ OK ] removed the account token position\n[ OK ] changed advertise to true\n"));
        Export e = export("acct.*.x.*", ExportType.STREAM);
        assertEquals(0, e.accountTokenPosition());
        assertTrue(e.tokenRequired());
        assertTrue(e.advertise());
        fails(nsc, "--account-token-position \"2\" is invalid for a private export", "edit", "export",
                "--account-token-position", "2");
    }

    @Test
    void editType() {
        nsc.ok("add", "export", "-s", "s");
        assertEquals("[WARN] changed export type to \"service\" - this will break importers\n"
                + "[ OK ] edited service export \"s\"\n", nsc.ok("edit", "export", "-s", "s", "--service").out());
        assertEquals("Singleton", export("s", ExportType.SERVICE).responseType());
        nsc.ok("edit", "export", "-s", "s", "--response-type", "Chunked", "--latency", "lat", "--allow-trace",
                "--response-threshold", "1s");
        assertEquals("[WARN] removed the service settings a stream cannot have: response type Chunked, response"
                + " threshold 1s, latency tracking, allow trace\n"
                + "[WARN] changed export type to \"stream\" - this will break importers\n"
                + "[ OK ] edited stream export \"s\"\n", nsc.ok("edit", "export", "-s", "s", "--service=false").out());
        Export e = export("s", ExportType.STREAM);
        assertEquals("", e.responseType());
        assertEquals(0, e.responseThresholdNanos());
        assertNull(e.latency());
        assertFalse(e.allowTrace());

        // a stream and a service on one subject: --service picks the kind
        nsc.ok("add", "export", "-r", "-s", "s", "-n", "svc");
        nsc.ok("edit", "export", "-s", "s", "--service", "--name", "svc2");
        assertEquals("svc2", export("s", ExportType.SERVICE).name());
        assertEquals("s", export("s", ExportType.STREAM).name());
        nsc.ok("edit", "export", "-s", "s", "--name", "first");
        assertEquals("first", export("s", ExportType.STREAM).name(), "without --service, the first");
    }

    @Test
    void editOverlapWhenTheTypeChanges() {
        nsc.ok("add", "export", "-s", "a.*");
        nsc.ok("add", "export", "-r", "-s", "a.b");
        fails(nsc, "--service: the service export \"a.*\" overlaps the service export \"a.b\" of account \"A\" (one"
                + " contains the other)", "edit", "export", "-s", "a.*", "--service");
    }

    static Stream<Arguments> editRefusals() {
        return Stream.of(
                refused("specify an edit option (see nsc edit export --help)", "edit", "export", "-s", "svc"),
                refused("account \"A\" has no export with subject \"nope\"", "edit", "export", "-s", "nope", "-n", "x"),
                refused("--subject is required: account \"A\" has 2 exports (stream (stream), svc (service))",
                        "edit", "export", "-n", "x"),
                refused("--response-threshold \"1s\" is only valid for service exports, and export \"stream\" is a stream",
                        "edit", "export", "-s", "stream", "--response-threshold", "1s"),
                refused("--response-type \"Stream\" is only valid for service exports, and export \"stream\" is a stream",
                        "edit", "export", "-s", "stream", "--response-type", "Stream"),
                refused("--latency \"lat\" is only valid for service exports, and export \"stream\" is a stream",
                        "edit", "export", "-s", "stream", "--latency", "lat"),
                refused("--sampling \"5\" is only valid for service exports", "edit", "export", "-s", "stream",
                        "--sampling", "5"),
                refused("--rm-latency-sampling is only valid for service exports", "edit", "export", "-s", "stream",
                        "--rm-latency-sampling"),
                refused("--allow-trace is only valid for service exports, and export \"stream\" is a stream",
                        "edit", "export", "-s", "stream", "--allow-trace"),
                refused("--latency \"lat\" is only valid for service exports, and --service=false makes export \"svc\""
                        + " a stream", "edit", "export", "-s", "svc", "--service=false", "--latency", "lat"),
                refused("--sampling \"20\" needs --latency <subject>: export \"svc\" does not track latency yet",
                        "edit", "export", "-s", "svc", "--sampling", "20"),
                refused("--rm-latency-sampling cannot be combined with --latency or --sampling",
                        "edit", "export", "-s", "svc", "--rm-latency-sampling", "--latency", "lat"),
                refused("--sampling \"500\" is invalid: expected a percentage from 1 to 100, or header (0 stops latency"
                        + " tracking)", "edit", "export", "-s", "svc", "--latency", "lat", "--sampling", "500"),
                refused("--latency \"lat.>\" is invalid: the latency results subject cannot contain wildcards",
                        "edit", "export", "-s", "svc", "--latency", "lat.>"),
                refused("--response-type \"Many\" is invalid: expected Singleton, Stream or Chunked",
                        "edit", "export", "-s", "svc", "--response-type", "Many"),
                refused("--response-threshold \"1y\" is not a valid duration", "edit", "export", "-s", "svc",
                        "--response-threshold", "1y"),
                refused("--info-url \"not a url\" is invalid: expected a URL", "edit", "export", "-s", "svc",
                        "--info-url", "not a url"),
                refused("--description is too long (8193 bytes): expected at most 8192 bytes", "edit", "export", "-s",
                        "svc", "--description", "x".repeat(8193)),
                refused("--account-token-position \"1\" is invalid for subject \"svc\": token 1 is \"svc\"",
                        "edit", "export", "-s", "svc", "--account-token-position", "1"),
                refused("--name \"\" is empty", "edit", "export", "-s", "svc", "--name", ""));
    }

    @ParameterizedTest
    @MethodSource("editRefusals")
    void editRefuses(String message, String[] args) {
        nsc.ok("add", "export", "-s", "stream");
        nsc.ok("add", "export", "-r", "-s", "svc");
        fails(nsc, message, args);
    }

    @Test
    void editOrDeleteWithoutExports() {
        fails(nsc, "account \"A\" has no exports", "edit", "export", "-s", "a", "--name", "b");
        fails(nsc, "account \"A\" has no exports", "delete", "export", "-s", "a");
        fails(nsc, "account \"A\" has no exports", "delete", "export");
    }

    // ---------------------------------------------------------------- delete

    @Test
    void delete() {
        nsc.ok("add", "export", "-s", "a.>", "-n", "a stream");
        nsc.ok("add", "export", "-r", "-s", "a.>");
        nsc.ok("add", "export", "-s", "b");
        assertEquals("[ OK ] deleted stream export \"b\"\n", nsc.ok("delete", "export", "-s", "b").out());
        assertEquals(2, account("A").exports().size());
        fails(nsc, "account \"A\" has no export with subject \"b\"", "delete", "export", "-s", "b");
        fails(nsc, "--subject is required: account \"A\" has 2 exports (a.> (stream), a.> (service))", "delete", "export");
        assertEquals("[ OK ] deleted stream export \"a.>\"\n", nsc.ok("delete", "export", "-a", "A", "-s", "a.>").out(),
                "of a stream and a service on one subject, the first");
        assertEquals("[ OK ] deleted service export \"a.>\"\n", nsc.ok("delete", "export").out(), "the only one");
        assertTrue(account("A").exports().isEmpty());
        assertEquals(operatorKey(), account("A").issuer());
        assertFalse(Json.asMap(Json.parseObject(nsc.ok("describe", "account", "A", "--json").out().getBytes())
                .get("nats")).containsKey("exports"), "no exports left: the field is left out, as Go does");
        assertRow(nsc.ok("describe", "account", "A").out(), "Exports", "None");
    }
}
