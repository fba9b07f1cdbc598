package dev.jnsc.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How many servers a push waits for, from one answer to $SYS.REQ.SERVER.PING (nats-server 2.9's statsz). */
class ServerCountTest {
    private static int known(String json) {
        return NatsResolverClient.knownServers(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void activeServersOrRoutesWhicheverIsMore() {
        String server = "\"server\":{\"name\":\"n1\",\"host\":\"0.0.0.0\",\"id\":\"NABC\",\"cluster\":\"c\",\"ver\":\"2.9.10\"}";
        assertEquals(1, known("{" + server + ",\"statsz\":{\"start\":\"2026-12-02T10:00:00Z\",\"mem\":1,\"connections\":1,"
                + "\"active_servers\":1}}"));
        assertEquals(3, known("{" + server + ",\"statsz\":{\"routes\":[{\"rid\":5,\"name\":\"n2\"},{\"rid\":6,\"name\":\"n3\"}],"
                + "\"active_servers\":3}}"));
        // just formed: the routes are up before the others' statsz arrived
        assertEquals(3, known("{" + server + ",\"statsz\":{\"routes\":[{\"rid\":5},{\"rid\":6}],\"active_servers\":1}}"));
        // a super-cluster: servers beyond the gateways count too
        assertEquals(6, known("{" + server + ",\"statsz\":{\"routes\":[{\"rid\":5},{\"rid\":6}],"
                + "\"gateways\":[{\"gwid\":1,\"name\":\"d\",\"inbound_connections\":3}],\"active_servers\":6}}"));
    }

    @Test
    void withoutStatszOneServerIsExpected() {
        assertEquals(1, known("{\"server\":{\"name\":\"n1\",\"id\":\"NABC\"}}"));
        assertEquals(1, known("not json"));
        assertEquals(1, known("{\"statsz\":{\"active_servers\":\"three\"}}"));
    }
}
