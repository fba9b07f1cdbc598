package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlsTest {
    @ParameterizedTest
    @ValueSource(strings = {"nats://host", "nats://host:1", "nats://host:4222", "tls://host:65535", "ws://[::1]:443",
        "wss://[2001:db8::1]", "nats://10.0.0.1:04222"})
    void acceptsPortsFrom1To65535(String url) {
        assertEquals(url, Urls.serviceUrl(url));
        assertEquals(url, Urls.accountServerUrl(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nats://host:0|0",
        "nats://host:65536|65536",
        "nats://host:99999|99999",
        "nats://host:-1|-1",
        "nats://host:+80|+80",
        "nats://host:12345678901234567890|12345678901234567890",
        "nats://[::1]:70000|70000",
        "tls://host:port|port",
    })
    void refusesOtherPorts(String url, String port) {
        OpsException e = assertThrows(OpsException.class, () -> Urls.serviceUrl(url));
        assertEquals("operator service url \"" + url + "\" has an invalid port \"" + port
                + "\": expected a port from 1 to 65535", e.getMessage());
        e = assertThrows(OpsException.class, () -> Urls.accountServerUrl(url.replace("nats:", "http:")));
        assertEquals("account jwt server url \"" + url.replace("nats:", "http:") + "\" has an invalid port \"" + port
                + "\": expected a port from 1 to 65535", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nats://host:", "nats://[::1]:"})
    void refusesAnEmptyPort(String url) {
        OpsException e = assertThrows(OpsException.class, () -> Urls.serviceUrl(url));
        assertEquals("operator service url \"" + url + "\" has an empty port: expected a port from 1 to 65535, or no ':'"
                + " for the default", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aPortWithoutAHostIsStillCheckedFirst() {
        OpsException e = assertThrows(OpsException.class, () -> Urls.serviceUrl("nats://:0"));
        assertEquals("operator service url \"nats://:0\" has an invalid port \"0\": expected a port from 1 to 65535",
                e.getMessage());
        e = assertThrows(OpsException.class, () -> Urls.serviceUrl("nats://:4222"));
        assertEquals("operator service url \"nats://:4222\" has no host (expected e.g. nats://localhost:4222)",
                e.getMessage());
    }
}
