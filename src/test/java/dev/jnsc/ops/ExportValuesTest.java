package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ServiceLatency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The add/edit export flag values: exactly what is signed into the export, and the one-line refusals. */
class ExportValuesTest {
    @ParameterizedTest
    @CsvSource({"singleton, Singleton", "' STREAM ', Stream", "Chunked, Chunked", "chunked, Chunked"})
    void responseTypeInAnyCase(String value, String expected) {
        assertEquals(expected, ExportValues.responseType(value));
    }

    @Test
    void responseTypeRefusals() {
        assertNull(ExportValues.responseType(null));
        OpsException e = assertThrows(OpsException.class, () -> ExportValues.responseType("single"));
        assertEquals("--response-type \"single\" is invalid: expected Singleton, Stream or Chunked", e.getMessage());
    }

    @Test
    void thresholdIsAGoDuration() {
        assertEquals(1_500_000_000L, ExportValues.threshold("1.5s"));
        OpsException e = assertThrows(OpsException.class, () -> ExportValues.threshold("5"));
        assertEquals("--response-threshold \"5\" is not a valid duration: expected e.g. 250ms, 5s, 1m30s or 2h",
                e.getMessage());
    }

    @Test
    void latencySubjectWithoutWildcards() {
        assertEquals("lat.results", ExportValues.latencySubject("lat.results"));
        for (String v : new String[] {"lat.*", "lat.>"}) {
            OpsException e = assertThrows(OpsException.class, () -> ExportValues.latencySubject(v));
            assertEquals("--latency \"" + v + "\" is invalid: the latency results subject cannot contain wildcards",
                    e.getMessage());
        }
        OpsException e = assertThrows(OpsException.class, () -> ExportValues.latencySubject("a..b"));
        assertEquals(true, e.getMessage().startsWith("--latency \"a..b\""), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "100, 100", "' 50 ', 50", "header, 0", "HEADERS, 0"})
    void samplingPercentOrHeader(String value, int expected) {
        assertEquals(expected, ExportValues.sampling(value, false));
        assertEquals(expected, ExportValues.sampling(value, true));
    }

    @Test
    void samplingZeroStopsTrackingOnlyWhenAllowed() {
        assertEquals(ExportValues.SAMPLING_OFF, ExportValues.sampling("0", true));
        OpsException e = assertThrows(OpsException.class, () -> ExportValues.sampling("0", false));
        assertEquals("--sampling \"0\" is invalid: expected a percentage from 1 to 100, or header", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"101", "-1", "x", "50%", ""})
    void samplingRefusals(String value) {
        OpsException e = assertThrows(OpsException.class, () -> ExportValues.sampling(value, false));
        assertEquals("--sampling \"" + value + "\" is invalid: expected a percentage from 1 to 100, or header",
                e.getMessage());
        e = assertThrows(OpsException.class, () -> ExportValues.sampling(value, true));
        assertEquals("--sampling \"" + value + "\" is invalid: expected a percentage from 1 to 100, or header"
                + " (0 stops latency tracking)", e.getMessage());
    }

    @Test
    void samplingText() {
        assertEquals("header", ExportValues.samplingText(ServiceLatency.HEADERS));
        assertEquals("1%", ExportValues.samplingText(1));
        assertEquals("100%", ExportValues.samplingText(100));
    }

    @Test
    void position() {
        assertEquals(0, ExportValues.position("0"));
        assertEquals(1, ExportValues.position("1"));
        assertEquals(3, ExportValues.position(" 3 "));
        for (String v : new String[] {"-1", "x", ""}) {
            OpsException e = assertThrows(OpsException.class, () -> ExportValues.position(v));
            assertEquals("--account-token-position \"" + v + "\" is invalid: expected the position of a \"*\" token of"
                    + " the subject (1 for the first token), or 0 for none", e.getMessage());
        }
    }

    @Test
    void checkPositionAcceptsAStarTokenOfAPublicExport() {
        ExportValues.checkPosition(Export.service("a.*.c").accountTokenPosition(2), "--account-token-position 2");
        ExportValues.checkPosition(Export.service("*").accountTokenPosition(1), "--account-token-position 1");
        ExportValues.checkPosition(Export.service("a.b").accountTokenPosition(0).tokenRequired(true), "p");
    }

    @Test
    void checkPositionRefusals() {
        OpsException e = assertThrows(OpsException.class, () -> ExportValues.checkPosition(
                Export.service("a.*").tokenRequired(true).accountTokenPosition(2), "--account-token-position 2"));
        assertEquals("--account-token-position 2 is invalid for a private export: only public exports have an account"
                + " token position (a private export's importers are named by their activations)", e.getMessage());
        e = assertThrows(OpsException.class, () -> ExportValues.checkPosition(
                Export.service("a.*").accountTokenPosition(3), "--account-token-position 3"));
        assertEquals("--account-token-position 3 is invalid for subject \"a.*\": it has 2 tokens, expected the position"
                + " of one of its \"*\" tokens", e.getMessage());
        e = assertThrows(OpsException.class, () -> ExportValues.checkPosition(
                Export.service("a.*").accountTokenPosition(1), "--account-token-position 1"));
        assertEquals("--account-token-position 1 is invalid for subject \"a.*\": token 1 is \"a\", expected the position"
                + " of a \"*\" token (where importers put their account key)", e.getMessage());
    }

    @Test
    void descriptionUpTo8KiBytes() {
        ExportValues.checkDescription(null);
        ExportValues.checkDescription("x".repeat(8192));
        ExportValues.checkDescription("é".repeat(4096));
        OpsException e = assertThrows(OpsException.class, () -> ExportValues.checkDescription("x".repeat(8193)));
        assertEquals("--description is too long (8193 bytes): expected at most 8192 bytes", e.getMessage());
        e = assertThrows(OpsException.class, () -> ExportValues.checkDescription("é".repeat(4097)));
        assertEquals("--description is too long (8194 bytes): expected at most 8192 bytes", e.getMessage());
    }

    @Test
    void serviceOnlyFlagsOnAStream() {
        ExportValues.refuseOnStream("--response-type", null);
        OpsException e = assertThrows(OpsException.class, () -> ExportValues.refuseOnStream("--response-type", "Stream"));
        assertEquals("--response-type \"Stream\" is only valid for service exports: add --service", e.getMessage());
        e = assertThrows(OpsException.class, () -> ExportValues.refuseOnStream("--allow-trace", "true"));
        assertEquals("--allow-trace is only valid for service exports: add --service", e.getMessage());
        Export s = Export.stream("s.>");
        ExportValues.refuseOnStream("--sampling", null, s, true);
        e = assertThrows(OpsException.class, () -> ExportValues.refuseOnStream("--sampling", "10", s, true));
        assertEquals("--sampling \"10\" is only valid for service exports, and --service=false makes export \"s.>\" a"
                + " stream", e.getMessage());
        e = assertThrows(OpsException.class, () -> ExportValues.refuseOnStream("--rm-latency-sampling", "true", s, false));
        assertEquals("--rm-latency-sampling is only valid for service exports, and export \"s.>\" is a stream",
                e.getMessage());
    }
}
