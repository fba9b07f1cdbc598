package dev.jnsc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixtures under src/test/resources/vectors and small encoding helpers shared by tests. */
public final class TestData {
    private TestData() {
    }

    /** The bytes of a fixture, e.g. {@code "jnats/test.seed"}. */
    public static byte[] bytes(String name) {
        return resource("/vectors/" + name);
    }

    /** The text of a file under src/test/resources/golden, e.g. {@code "claims/account-EXP.jwt"}. */
    public static String golden(String name) {
        return new String(resource("/golden/" + name), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String path) {
        try (InputStream in = TestData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static byte[] hex(String s) {
        String h = s.replaceAll("\\s", "");
        if (h.length() % 2 != 0) {
            throw new IllegalArgumentException("odd hex length");
        }
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    public static String toHex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return sb.toString();
    }

    public static String b64url(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    public static byte[] unb64url(String s) {
        return Base64.getUrlDecoder().decode(s);
    }

    /** The decoded JSON text of a token's payload segment. */
    public static String payloadJson(String token) {
        return new String(unb64url(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /**
     * Reads a vector file of blocks separated by blank lines, each line {@code key: value};
     * lines starting with a space continue the previous value, lines starting with '#' are comments.
     */
    public static List<Map<String, String>> blocks(String name) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> cur = new LinkedHashMap<>();
        String lastKey = null;
        for (String line : text(name).split("\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                    cur = new LinkedHashMap<>();
                }
                continue;
            }
            if (line.startsWith(" ")) {
                cur.put(lastKey, cur.get(lastKey) + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            lastKey = line.substring(0, colon);
            cur.put(lastKey, line.substring(colon + 1).trim());
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }
}
