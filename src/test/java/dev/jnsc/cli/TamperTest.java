package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;

import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed and tampered keys, JWTs and creds files are refused, and nothing changes. */
class TamperTest {
    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void tutorial() {
        nsc = new Nsc(home).tutorial();
    }

    /** The same token with the name in its payload changed and the signature kept. */
    private static String renamed(String jwt, String from, String to) {
        String[] p = jwt.split("\\.");
        java.util.Base64.Decoder d = java.util.Base64.getUrlDecoder();
        String payload = new String(d.decode(p[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"name\":\"" + from + "\"", "\"name\":\"" + to + "\"");
        return p[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + p[2];
    }

    @Test
    void tamperedOperatorJwt() throws Exception {
        Path jwt = nsc.operatorJwt("O");
        Files.writeString(jwt, renamed(Files.readString(jwt), "O", "X"));
        fails(nsc, "signature verification failed", "describe", "operator");
        fails(nsc, "signature verification failed", "add", "account", "B");
    }

    @Test
    void tamperedAccountJwt() throws Exception {
        Path jwt = nsc.accountJwt("O", "A");
        Files.writeString(jwt, renamed(Files.readString(jwt), "A", "Z"));
        fails(nsc, "signature verification failed", "describe", "account");
        fails(nsc, "cannot load account \"A\"", "add", "user", "V");
    }

    @Test
    void malformedJwts() throws Exception {
        Path jwt = nsc.operatorJwt("O");
        Files.writeString(jwt, "not-a-jwt");
        fails(nsc, "expected 3 chunks", "describe", "operator");
        Files.writeString(jwt, "a.b.c");
        fails(nsc, "JWT header is not valid base64url", "describe", "operator");
        Files.writeString(jwt, "e30.eyJuYW1lIjoiTyJ9.c2ln");
        fails(nsc, "header typ is \"\", expected \"JWT\"", "describe", "operator");
        Path f = home.resolve("junk.txt");
        Files.writeString(f, "hello world\n");
        fails(nsc, "expected 3 chunks", "describe", "jwt", "-f", f.toString());
    }

    @Test
    void malformedKeys() throws Exception {
        String op = dev.jnsc.jwt.Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).claims().subject();
        Path key = nsc.keyFile(op);
        String seed = Files.readString(key);
        char[] c = seed.toCharArray();
        c[10] = c[10] == 'A' ? 'B' : 'A';
        Files.writeString(key, new String(c));
        fails(nsc, "is not a valid seed: invalid seed: checksum mismatch", "add", "account", "B");
        fails(nsc, "the seed given is not valid: invalid seed: checksum mismatch", "add", "account", "B", "-K",
                new String(c));
        Files.writeString(key, "SUAGL3KX4ZBBD53BNNLSHGAAGCMXSEYZ6NTYUBUCPZQGHYNK3ZRQBUDPRY");
        fails(nsc, "holds the seed of another key", "add", "account", "B");
        char[] bad = op.toCharArray();
        bad[20] = bad[20] == 'A' ? 'B' : 'A';
        fails(nsc, "checksum mismatch", "edit", "operator", "--sk", new String(bad));
    }

    @Test
    void malformedCreds() throws Exception {
        Path creds = home.resolve("bad.creds");
        Files.writeString(creds, "-----BEGIN NATS USER JWT-----\neyJhbGciOi.broken\n------END NATS USER JWT------\n");
        fails(nsc, "bad.creds", "describe", "jwt", "-f", creds.toString());
    }
}
