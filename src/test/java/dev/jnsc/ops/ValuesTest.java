package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Limit and permission flag values: the exact value signed, and the exact one-line refusal. */
class ValuesTest {
    @ParameterizedTest
    @CsvSource({"-1, -1", "0, 0", "' 12 ', 12", "9223372036854775807, 9223372036854775807"})
    void count(String value, long expected) {
        assertEquals(expected, Values.count("--conns", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-2", "x", "", "1.5", "9223372036854775808"})
    void countRefusals(String value) {
        OpsException e = assertThrows(OpsException.class, () -> Values.count("--conns", value));
        assertEquals("--conns \"" + value + "\" is invalid: expected a whole number, or -1 for unlimited", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "-1, -1", "0, 0", "512, 512", "512b, 512", "' 1 K ', 1000",
        "10k, 10000", "10kb, 10000", "1m, 1000000", "1MB, 1000000", "2g, 2000000000", "2GB, 2000000000",
        "1t, 1000000000000", "1tb, 1000000000000",
        "1ki, 1024", "1KiB, 1024", "1mi, 1048576", "1mib, 1048576", "1gi, 1073741824", "1gib, 1073741824",
        "1ti, 1099511627776", "1tib, 1099511627776",
        "1.5k, 1500", "0.5b, 1", "1.0004k, 1000",
    })
    void size(String value, long expected) {
        assertEquals(expected, Values.size("--data", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", ".", ".k", "-2", "10x", "1.2.3", "1kk", "99999999999t"})
    void sizeRefusals(String value) {
        OpsException e = assertThrows(OpsException.class, () -> Values.size("--data", value));
        assertEquals("--data \"" + value + "\" is invalid: expected a size such as 512, 10K, 1M, 2GB, 512KiB or -1 for"
                + " unlimited", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.0.0.0/8", "192.168.1.7, 192.168.1.7/32", "' 0.0.0.0/0 ', 0.0.0.0/0", "1.2.3.4/32, 1.2.3.4/32",
        "255.255.255.255, 255.255.255.255/32", "::1, ::1/128", "2001:db8::/32, 2001:db8::/32", "::/0, ::/0",
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8/128", "::ffff:1.2.3.4/128, ::ffff:1.2.3.4/128", "fe80::1/128, fe80::1/128",
        "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:1.2.3.4/128",
    })
    void cidr(String value, String expected) {
        assertEquals(expected, Values.cidr("--source-network", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.0.0", "256.0.0.1", "01.0.0.1", "1..2.3", "a.b.c.d", "1.2.3.1234",
        "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/+8", "10.0.0.0/x", "::1/129", "1::2::3", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7", "12345::1", "::g", "1.2.3.4::1", "::1.2.3", "1:2:3:4:5:6:7::8"})
    void cidrRefusals(String value) {
        OpsException e = assertThrows(OpsException.class, () -> Values.cidr("--source-network", value));
        assertEquals("--source-network \"" + value + "\" is invalid: expected a CIDR such as 10.0.0.0/8, 192.168.1.7/32 or"
                + " 2001:db8::/32", e.getMessage());
    }

    @Test
    void timeRange() {
        assertArrayEquals(new String[] {"08:00:00", "17:00:00"}, Values.timeRange("--time", "08:00:00-17:00:00"));
        assertArrayEquals(new String[] {"00:00:00", "23:59:59"}, Values.timeRange("--time", " 00:00:00 - 23:59:59 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "08:00:00", "8:00:00-17:00:00", "08:00:00-17:00", "08:00:00-24:00:00", "08:60:00-17:00:00",
        "08:00:00-17:00:0x", "08:00:00-17:00:00:00"})
    void timeRangeRefusals(String value) {
        OpsException e = assertThrows(OpsException.class, () -> Values.timeRange("--time", value));
        assertEquals("--time \"" + value + "\" is invalid: expected hh:mm:ss-hh:mm:ss such as 08:00:00-17:00:00",
                e.getMessage());
    }

    @Test
    void timeZone() {
        assertEquals("UTC", Values.timeZone("--locale", " UTC "));
        assertEquals("Europe/Berlin", Values.timeZone("--locale", "Europe/Berlin"));
        for (String v : new String[] {"", "+01:00", "-05:00", "1", "Mars/Olympus", "Europe/"}) {
            OpsException e = assertThrows(OpsException.class, () -> Values.timeZone("--locale", v));
            assertEquals("--locale \"" + v + "\" is invalid: expected an IANA time zone such as UTC or America/New_York",
                    e.getMessage());
        }
    }

    @Test
    void connectionType() {
        for (String t : Values.CONNECTION_TYPES) {
            assertEquals(t, Values.connectionType("--conn-type", " " + t.toLowerCase() + " "));
        }
        assertEquals(7, Values.CONNECTION_TYPES.size());
        for (String v : new String[] {"", "tcp", "LEAF", null}) {
            OpsException e = assertThrows(OpsException.class, () -> Values.connectionType("--conn-type", v));
            assertEquals("--conn-type \"" + v + "\" is invalid: expected one of STANDARD, WEBSOCKET, LEAFNODE, LEAFNODE_WS,"
                    + " MQTT, MQTT_WS, IN_PROCESS", e.getMessage());
        }
    }

    @Test
    void url() {
        assertEquals("https://example.com/info", Values.url("--info-url", " https://example.com/info "));
        for (String v : new String[] {"", "example.com/info", "https://", "mailto:a@b", "http://a b"}) {
            OpsException e = assertThrows(OpsException.class, () -> Values.url("--info-url", v));
            assertEquals("--info-url \"" + v + "\" is invalid: expected a URL such as https://example.com/info",
                    e.getMessage());
        }
    }
}
