package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exports, imports, mappings and activations as the Go library v2.8.0 writes them (exports.go,
 * imports.go, account_claims.go, activation_claims.go): field order, omitempty, sampling as a
 * number or "headers", sorting, unknown fields kept, errors that say what was expected and found.
 */
class ExportImportJsonTest {

    @Test
    void exportWithEveryFieldInGoOrder() {
        Export e = Export.service("svc.*.>").name("svc").tokenRequired(true).revokeAt("AB", 5).revokeAt("*", 7)
                .responseType(Export.CHUNKED).responseThresholdNanos(2_000_000_000L)
                .latency(ServiceLatency.sampled(25, "lat")).accountTokenPosition(2).advertise(true).allowTrace(true)
                .description("d").infoUrl("https://x/?a&b");
        e.extras().put("future", List.of(1L));
        assertEquals("{\"name\":\"svc\",\"subject\":\"svc.*.\\u003e\",\"type\":\"service\",\"token_req\":true,"
                + "\"revocations\":{\"*\":7,\"AB\":5},\"response_type\":\"Chunked\",\"response_threshold\":2000000000,"
                + "\"service_latency\":{\"sampling\":25,\"results\":\"lat\"},\"account_token_position\":2,"
                + "\"advertise\":true,\"allow_trace\":true,\"description\":\"d\",\"info_url\":\"https://x/?a\\u0026b\","
                + "\"future\":[1]}", write(e));
    }

    @Test
    void emptyExportAndImportWriteAnEmptyObject() {
        assertEquals("{}", write(new Export()));
        assertEquals("{}", write(new Import()));
        assertEquals("{\"subject\":\"\"}", write(new WeightedMapping(null)), "a mapping's subject is not omitempty");
    }

    @Test
    void latencySamplingIsANumberOrHeaders() {
        assertEquals("{\"subject\":\"s\",\"type\":\"service\",\"service_latency\":{\"sampling\":\"headers\",\"results\":\"\"}}",
                write(Export.service("s").latency(ServiceLatency.headers(null))));
        for (String headers : new String[] {"\"headers\"", "\"HEADERS\"", "\"Headers\""}) {
            Export e = Export.read(obj("{\"service_latency\":{\"sampling\":" + headers + ",\"results\":\"r\"}}"));
            assertTrue(e.latency().isHeaders(), headers);
        }
        assertEquals(ServiceLatency.HEADERS, Export.read(obj("{\"service_latency\":{}}")).latency().sampling());
        assertEquals(100, Export.read(obj("{\"service_latency\":{\"sampling\":100}}")).latency().sampling());

        JwtException bad = assertThrows(JwtException.class,
                () -> Export.read(obj("{\"subject\":\"s\",\"service_latency\":{\"sampling\":\"half\"}}")));
        assertEquals("export \"s\": expected a latency sampling of 1-100 or \"headers\", found \"half\"", bad.getMessage());
        // Go decodes any int and fails when encoding it
        Export outOfRange = Export.read(obj("{\"service_latency\":{\"sampling\":101}}"));
        assertEquals(101, outOfRange.latency().sampling());
        bad = assertThrows(JwtException.class, () -> write(outOfRange));
        assertEquals("service latency sampling: expected 1-100 or headers, found 101", bad.getMessage());
        assertThrows(JwtException.class, () -> write(Export.service("s").latency(ServiceLatency.sampled(-1, "r"))));
    }

    @Test
    void importWithEveryFieldInGoOrder() {
        Import i = Import.service("AEXP", "svc.>").name("n").token("tok").to("old.>").localSubject("mine.>").share(true)
                .allowTrace(true);
        i.extras().put("z", true);
        assertEquals("{\"name\":\"n\",\"subject\":\"svc.\\u003e\",\"account\":\"AEXP\",\"token\":\"tok\",\"to\":\"old.\\u003e\","
                + "\"local_subject\":\"mine.\\u003e\",\"type\":\"service\",\"share\":true,\"allow_trace\":true,\"z\":true}",
                write(i));
        Import back = Import.read(obj(write(i)));
        assertEquals(write(i), write(back));
        assertEquals("old.>", back.to());
        assertEquals(Map.of("z", true), back.extras());
    }

    @Test
    void unknownFieldsOfEntriesSurviveADecodeAndEncode() {
        String body = "{\"imports\":[{\"subject\":\"i\",\"account\":\"A\",\"type\":\"stream\",\"priority\":{\"x\":1}}],"
                + "\"exports\":[{\"subject\":\"e\",\"type\":\"stream\",\"weighted\":[2,1],\"name\":\"late\"}],"
                + "\"mappings\":{\"m\":[{\"subject\":\"t\",\"region\":\"r\",\"weight\":5}]}}";
        AccountClaims c = new AccountClaims();
        c.readNats(Json.parseObject(body.getBytes(StandardCharsets.UTF_8)), 2);
        assertEquals(Map.of("priority", Map.of("x", 1L)), c.imports().get(0).extras());
        assertEquals(Map.of("weighted", List.of(2L, 1L)), c.exports().get(0).extras());
        assertEquals("late", c.exports().get(0).name());
        assertEquals(Map.of("region", "r"), c.mappings().get("m").get(0).extras());
        String json = c.toJson();
        assertTrue(json.contains("\"imports\":[{\"subject\":\"i\",\"account\":\"A\",\"type\":\"stream\",\"priority\":{\"x\":1}}],"
                + "\"exports\":[{\"name\":\"late\",\"subject\":\"e\",\"type\":\"stream\",\"weighted\":[2,1]}],"), json);
        assertTrue(json.contains("\"mappings\":{\"m\":[{\"subject\":\"t\",\"weight\":5,\"region\":\"r\"}]}"), json);
        AccountClaims again = new AccountClaims();
        again.readNats(Json.map(obj(json), "nats"), 2);
        assertEquals(json, again.toJson());
    }

    @Test
    void exportsAndImportsAreWrittenStablySortedBySubject() {
        AccountClaims c = new AccountClaims();
        c.exports().add(Export.stream("b").name("1"));
        c.exports().add(Export.service("a").name("2"));
        c.exports().add(Export.service("b").name("3"));
        c.exports().add(Export.stream("a").name("4"));
        c.imports().add(Import.stream("A2", "x"));
        c.imports().add(Import.stream("A1", "x"));
        c.imports().add(Import.stream("A3", "\uD83D\uDE00"));
        c.imports().add(Import.stream("A4", "\uFF21"));
        String json = c.toJson();
        assertTrue(json.contains("\"exports\":[{\"name\":\"2\",\"subject\":\"a\",\"type\":\"service\"},"
                + "{\"name\":\"4\",\"subject\":\"a\",\"type\":\"stream\"},{\"name\":\"1\",\"subject\":\"b\",\"type\":\"stream\"},"
                + "{\"name\":\"3\",\"subject\":\"b\",\"type\":\"service\"}]"), json);
        // UTF-8 order: U+FF21 (EF BC A1) before U+1F600 (F0 9F 98 80), unlike Java's UTF-16 order
        assertTrue(json.contains("\"imports\":[{\"subject\":\"x\",\"account\":\"A2\",\"type\":\"stream\"},"
                + "{\"subject\":\"x\",\"account\":\"A1\",\"type\":\"stream\"},"
                + "{\"subject\":\"\uFF21\",\"account\":\"A4\",\"type\":\"stream\"},"
                + "{\"subject\":\"\uD83D\uDE00\",\"account\":\"A3\",\"type\":\"stream\"}]"), json);
        assertEquals("1", c.exports().get(0).name(), "the live list keeps its order");
    }

    @Test
    void utf8OrderIsCodePointOrder() {
        Utf8Order o = Utf8Order.INSTANCE;
        assertTrue(o.compare("a", "b") < 0);
        assertTrue(o.compare("a", "a.b") < 0);
        assertEquals(0, o.compare("a.b", "a.b"));
        assertTrue(o.compare("\uFF21", "\uD83D\uDE00") < 0);
        assertTrue("\uFF21".compareTo("\uD83D\uDE00") > 0, "Java's own order differs here");
        assertTrue(o.compare("\uD83D\uDE00", "\uD83D\uDE01") < 0);
        assertTrue(o.compare("\uD83D\uDE00", "z") > 0);
    }

    @Test
    void mappingsAreSortedByFromSubjectAndWeightZeroIsLeftOut() {
        AccountClaims c = new AccountClaims();
        List<WeightedMapping> orders = new ArrayList<>();
        orders.add(new WeightedMapping("orders.west").weight(40));
        orders.add(new WeightedMapping("orders.east").weight(60).cluster("east"));
        c.mappings().put("orders", orders);
        c.mappings().put("a.*", new ArrayList<>(List.of(new WeightedMapping("b.{{wildcard(1)}}"))));
        c.mappings().put("empty", new ArrayList<>());
        assertTrue(c.toJson().contains("\"mappings\":{\"a.*\":[{\"subject\":\"b.{{wildcard(1)}}\"}],\"empty\":[],"
                + "\"orders\":[{\"subject\":\"orders.west\",\"weight\":40},"
                + "{\"subject\":\"orders.east\",\"weight\":60,\"cluster\":\"east\"}]}"), c.toJson());
        assertEquals(100, c.mappings().get("a.*").get(0).effectiveWeight());
        assertEquals(40, orders.get(0).effectiveWeight());
        c.mappings().clear();
        assertFalse(c.toJson().contains("mappings"));
    }

    @Test
    void rangesOfGoUnsignedFields() {
        JwtException e = assertThrows(JwtException.class, () -> new WeightedMapping("x").weight(256));
        assertEquals("mapping weight: expected 0 to 255, found 256", e.getMessage());
        assertThrows(JwtException.class, () -> new WeightedMapping("x").weight(-1));
        assertEquals(255, new WeightedMapping("x").weight(255).weight());
        AccountClaims c = new AccountClaims();
        e = assertThrows(JwtException.class,
                () -> c.readNats(obj("{\"mappings\":{\"m\":[{\"subject\":\"t\",\"weight\":300}]}}"), 2));
        assertEquals("mapping \"m\": expected \"weight\" between 0 and 255, found 300", e.getMessage());
        e = assertThrows(JwtException.class, () -> Export.read(obj("{\"subject\":\"s\",\"account_token_position\":-1}")));
        assertEquals("export \"s\": expected \"account_token_position\" between 0 and 2147483647, found -1", e.getMessage());
        e = assertThrows(JwtException.class, () -> Export.stream("s").accountTokenPosition(-2));
        assertEquals("account token position: expected 0 or more, found -2", e.getMessage());
    }

    @Test
    void typesAreStreamOrServiceAsInGo() {
        JwtException e = assertThrows(JwtException.class, () -> Export.read(obj("{\"subject\":\"s\",\"type\":\"Stream\"}")));
        assertEquals("export \"s\": expected type \"stream\" or \"service\", found \"Stream\"", e.getMessage());
        e = assertThrows(JwtException.class, () -> Import.read(obj("{\"subject\":\"i\",\"type\":\"queue\"}")));
        assertEquals("import \"i\": expected type \"stream\" or \"service\", found \"queue\"", e.getMessage());
        Export untyped = Export.read(obj("{\"subject\":\"s\"}"));
        assertNull(untyped.type());
        assertFalse(untyped.isService() || untyped.isStream() || untyped.isSingleResponse());
        assertEquals("{\"subject\":\"s\"}", write(untyped));
        assertEquals(ExportType.SERVICE, ExportType.fromJson("service", "x"));
        assertNull(ExportType.fromJson("", "x"));
    }

    @Test
    void entriesMustBeObjects() {
        AccountClaims c = new AccountClaims();
        JwtException e = assertThrows(JwtException.class, () -> c.readNats(obj("{\"exports\":[{\"subject\":\"a\"},null]}"), 2));
        assertEquals("expected exports[1] to be an object, found null", e.getMessage());
        e = assertThrows(JwtException.class, () -> c.readNats(obj("{\"imports\":[\"x\"]}"), 2));
        assertEquals("expected imports[0] to be an object, found a string", e.getMessage());
        e = assertThrows(JwtException.class, () -> c.readNats(obj("{\"mappings\":{\"m\":[[]]}}"), 2));
        assertEquals("expected mappings[\"m\"][0] to be an object, found a list", e.getMessage());
        e = assertThrows(JwtException.class, () -> c.readNats(obj("{\"mappings\":{\"m\":{}}}"), 2));
        assertEquals("field \"m\" should be a list", e.getMessage());
    }

    @Test
    void revocationsKeepTheLaterTime() {
        Export e = Export.stream("s").revokeAt("A", 10).revokeAt("A", 5);
        assertEquals(10L, e.revocations().get("A"));
        e.revokeAt("A", 20);
        assertEquals(20L, e.revocations().get("A"));
        assertTrue(e.isRevoked("A", 20));
        assertFalse(e.isRevoked("A", 21));
        assertFalse(e.isRevoked("B", 1));
        e.revokeAt("*", 3);
        assertTrue(e.isRevoked("B", 3));
        assertFalse(e.isRevoked("B", 4));
    }

    // --- activations ---

    /** jwt v2/activation_claims_test.go TestCleanSubject, the part of the subject the hash id takes. */
    @Test
    void hashIdSubjectIsCutBeforeTheFirstWildcardToken() {
        String[][] cases = {{"foo", "foo"}, {"*", "_"}, {">", "_"}, {"foo.*", "foo"}, {"foo.bar.>", "foo.bar"},
            {"foo.*.bar", "foo"}, {"bam.boom.blat.*", "bam.boom.blat"}, {"*.blam", "_"},
            {"foo*.bar", "foo*.bar"}, {"a.b*.>", "a.b*"}};
        for (String[] c : cases) {
            assertEquals(c[1], ActivationClaims.subjectBeforeWildcards(c[0]), c[0]);
        }
    }

    /** Worked out from the Go definition with coreutils: printf '%s' 'AEXP.AIMP.foo' | sha256sum | xxd -r -p | base32. */
    @Test
    void hashIdVectors() {
        assertEquals("OKCM5MD5JXC4SVGM2GAZLLC4YYFJQHC6IHJRNQZJ6MIO27KGDQRQ====", ActivationClaims.hashId("AEXP", "AIMP", "foo"));
        assertEquals("OKCM5MD5JXC4SVGM2GAZLLC4YYFJQHC6IHJRNQZJ6MIO27KGDQRQ====", ActivationClaims.hashId("AEXP", "AIMP", "foo.*.bar"));
        assertEquals("PV6YIIF3BWUHKYQMPXNWWLNFWUSKESPBZSWJ7HL6CKBIO4LEXX3A====", ActivationClaims.hashId("AEXP", "AIMP", "foo.bar.>"));
        assertEquals("X4W3BIA37IMLZTR2WK3KN5WSTXRJY7NO4ELTXN2PPR3S647IFIKA====", ActivationClaims.hashId("AEXP", "AIMP", "*.foo"));
        ActivationClaims a = new ActivationClaims();
        a.subject("AIMP");
        JwtException e = assertThrows(JwtException.class, a::hashId);
        assertEquals("activation hash id: expected an issuer, a subject and an import subject, found iss \"\", sub \"AIMP\", "
                + "subject \"\"", e.getMessage());
    }

    @Test
    void activationKindIsTyped() {
        ActivationClaims a = new ActivationClaims().kind("service");
        assertEquals(ExportType.SERVICE, a.importType());
        assertEquals("service", a.kind());
        assertEquals("stream", a.importType(ExportType.STREAM).kind());
        assertEquals("", a.kind("").kind());
        JwtException e = assertThrows(JwtException.class, () -> a.kind("both"));
        assertEquals("activation kind: expected type \"stream\" or \"service\", found \"both\"", e.getMessage());
        e = assertThrows(JwtException.class,
                () -> new ActivationClaims().readNats(obj("{\"subject\":\"s\",\"kind\":\"x\"}"), 2));
        assertEquals("activation \"s\": expected type \"stream\" or \"service\", found \"x\"", e.getMessage());
    }

    /** jwt v2/decoder_test.go TestUsingURLDecoder: a v1 activation keeps its import type in nats.type. */
    @Test
    void v1ActivationMigratesLikeTheGoDecoder() {
        String token = "eyJ0eXAiOiJqd3QiLCJhbGciOiJlZDI1NTE5In0.eyJqdGkiOiJGQ1lZRjJLR0EzQTZHTlZQR0pIVjNUSExYR1VZWkFUREZLV1JTT1czUUo1T0k3QlJST0ZRIiwiaWF0IjoxNTQzOTQzNjc1LCJpc3MiOiJBQ1NKWkhOWlI0QUFUVE1KNzdUV1JONUJHVUZFWFhUS0gzWEtGTldDRkFCVzJRWldOUTRDQkhRRSIsInN1YiI6IkFEVEFHWVZYRkpPRENRM0g0VUZQQU43R1dXWk1BVU9FTTJMMkRWQkFWVFdLM01TU0xUS1JUTzVGIiwidHlwZSI6ImFjdGl2YXRpb24iLCJuYXRzIjp7InN1YmplY3QiOiJmb28iLCJ0eXBlIjoic2VydmljZSJ9fQ.HCZTCF-7wolS3Wjx3swQWMkoDhoo_4gp9EsuM5diJfZrH8s6NTpO0iT7_fKZm7dNDeEoqjwU--3ebp8j-Mm_Aw";
        Jwt.Decoded d = Jwt.decode(token);
        assertEquals(1, d.version());
        ActivationClaims a = d.as(ActivationClaims.class, "an activation");
        assertEquals("foo", a.importSubject());
        assertEquals(ExportType.SERVICE, a.importType());
        assertTrue(a.extras().isEmpty());
        assertTrue(a.toJson().endsWith("\"nats\":{\"subject\":\"foo\",\"kind\":\"service\",\"type\":\"activation\",\"version\":2}}"),
                a.toJson());
    }

    @Test
    void v1ActivationTopLevelFieldsAndDroppedLimits() {
        ActivationClaims a = new ActivationClaims();
        a.readNats(obj("{\"subject\":\"s\",\"type\":\"stream\",\"max\":5,\"payload\":6,\"src\":\"1.2.3.4/32\",\"times\":[]}"), 1);
        assertEquals(ExportType.STREAM, a.importType());
        assertTrue(a.extras().isEmpty(), "v1 limits are dropped on migration, as in Go");
    }

    private static String write(Export e) {
        JsonWriter w = JsonWriter.compact();
        e.write(w);
        return w.toString();
    }

    private static String write(Import i) {
        JsonWriter w = JsonWriter.compact();
        i.write(w);
        return w.toString();
    }

    private static String write(WeightedMapping m) {
        JsonWriter w = JsonWriter.compact();
        m.write(w);
        return w.toString();
    }

    private static Map<String, Object> obj(String json) {
        return Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }
}
