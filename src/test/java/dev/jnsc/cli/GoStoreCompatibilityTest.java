package dev.jnsc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.testing.Nsc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written by another nsc keeps what jnsc does not model when jnsc edits it. */
class GoStoreCompatibilityTest {
    @TempDir
    Path home;

    private static Map<String, Object> payload(String jwt) {
        return Json.parseObject(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void editKeepsFieldsOfNewerVersions() throws Exception {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        // what a newer nsc could have written: a field this version does not know, and a version assertion
        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
        oc.extras().put("future_field", Map.of("enabled", true));
        NKey key = NKey.fromSeed(Nsc.read(nsc.keyFile(oc.subject())).toCharArray());
        Files.writeString(nsc.operatorJwt("O"), Jwt.encode(oc, key, nsc.nowSeconds()));

        nsc.ok("edit", "operator", "--service-url", "nats://localhost:4222");
        Map<String, Object> nats = Json.asMap(payload(Nsc.read(nsc.operatorJwt("O"))).get("nats"));
        assertEquals(Map.of("enabled", true), nats.get("future_field"));
        assertEquals(List.of("nats://localhost:4222"), nats.get("operator_service_urls"));
    }

    @Test
    void readsAStoreLaidOutByTheGoNsc() throws Exception {
        // the Go nsc's .nsc marker and nsc.json field order and extra fields
        Nsc nsc = new Nsc(home).tutorial();
        Path op = nsc.stores().resolve("O");
        Files.writeString(op.resolve(".nsc"), "{\"name\":\"O\",\"managed\":false,\"kind\":\"operator\",\"version\":\"1\"}");
        Files.writeString(home.resolve(".nsc/nsc.json"), "{\"store_root\":\"" + nsc.stores()
                + "\",\"operator\":\"O\",\"account\":\"A\",\"github_updates\":\"nats-io/nsc\",\"last_update\":1700000000}");
        assertTrue(nsc.ok("describe", "user").out().contains("│ Name                 │ U "));
        nsc.ok("add", "user", "V");
        String ctx = Files.readString(home.resolve(".nsc/nsc.json"), StandardCharsets.UTF_8);
        assertTrue(ctx.contains("\"last_update\":1700000000"), ctx);
    }
}
