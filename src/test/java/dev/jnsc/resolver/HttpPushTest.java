package dev.jnsc.resolver;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Nsc;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** push -A and pull to the built-in account server in --dir mode, through the operator's URL. */
class HttpPushTest {
    @TempDir
    Path home;

    @Test
    void pushEveryAccountThenServeThemBackByteForByte() throws Exception {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("add", "operator", "O", "--sys");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "account", "B");
        Path dir = home.resolve("jwts");
        try (Running server = Running.dir(dir, nsc.operatorJwt("O"), ClaimsNotifier.NONE, Clock.systemUTC())) {
            nsc.ok("edit", "operator", "--account-jwt-server-url", server.server.url() + "/jwt/v1");
            Nsc.Result push = nsc.ok("push", "-A");
            for (String a : new String[] {"A", "B", "SYS"}) {
                assertTrue(push.out().contains("[ OK ] pushed \"" + a + "\" to account server " + server.server.url()
                        + "/jwt/v1"), push.out());
                String jwt = Nsc.read(nsc.accountJwt("O", a));
                String key = Jwt.decode(jwt).claims().subject();
                HttpResponse<String> get = server.http.get("/jwt/v1/accounts/" + key);
                assertEquals(200, get.statusCode());
                assertEquals(jwt, get.body(), "served back byte for byte");
            }

            // pull -a brings a changed server copy back; the local newer copy is kept without --overwrite-newer
            Nsc.Result pull = nsc.ok("pull", "-a", "A");
            assertTrue(pull.out().contains("[ OK ] pulled \"A\""), pull.out());

            // an account of another operator is refused with the reason and not stored
            Nsc other = new Nsc(home.resolve("other")).realClock();
            other.ok("add", "operator", "X");
            other.ok("add", "account", "Z");
            other.ok("edit", "operator", "-u", server.server.url() + "/jwt/v1");
            Path otherJwt = other.accountJwt("X", "Z");
            String zKey = Jwt.decode(Nsc.read(otherJwt)).claims().subject();
            Nsc.Result refused = other.run("push", "-a", "Z");
            assertEquals(1, refused.code(), refused.toString());
            assertTrue(refused.err().contains("[ERR ] pushing \"Z\" to account server") && refused.err().contains("400"),
                    refused.err());
            assertFalse(Files.exists(dir.resolve(zKey + ".jwt")));
            assertEquals(404, server.http.get("/jwt/v1/accounts/" + zKey).statusCode());
        }
    }

    @Test
    void unreachableServer() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("edit", "operator", "-u", "http://127.0.0.1:" + dev.jnsc.testing.NatsServer.freePort() + "/jwt/v1");
        Nsc.Result r = nsc.run("push", "-A");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("[ERR ] pushing \"A\" failed: cannot reach") && r.err().contains("connection refused"),
                r.err());
        fails(nsc, "pulling from a nats resolver takes every account", "pull", "-a", "A", "-u", "nats://127.0.0.1:1");
    }
}
