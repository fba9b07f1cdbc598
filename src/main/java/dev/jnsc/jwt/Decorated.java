package dev.jnsc.jwt;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The "decorated" text formats: creds files (user JWT + user seed between banner lines) and
 * decorated JWTs or seeds. Seeds are handled as char arrays; callers clear them.
 */
public final class Decorated {
    private static final String STARS = "*".repeat(25);

    private Decorated() {
    }

    /** A parsed decorated text: the JWT (or empty) and the seed (or null). */
    public static final class Parts {
        private final String jwt;
        private final char[] seed;

        Parts(String jwt, char[] seed) {
            this.jwt = jwt;
            this.seed = seed;
        }

        public String jwt() {
            return jwt;
        }

        /** The seed, or null; the caller clears it. */
        public char[] seed() {
            return seed;
        }

        public void clear() {
            if (seed != null) {
                Arrays.fill(seed, '\0');
            }
        }
    }

    /**
     * The creds file the Go library writes (14 lines, LF). Refuses a seed that is not the user's
     * own, like the Go library. The caller clears the result.
     */
    public static byte[] formatUserCreds(String userJwt, char[] userSeed) {
        dev.jnsc.nkeys.NKey key = dev.jnsc.nkeys.NKey.fromSeed(userSeed);
        try {
            return formatUserCreds(userJwt, key);
        } finally {
            key.clear();
        }
    }

    /** The creds file for a user key that holds its seed; refused unless it is the JWT's subject. */
    public static byte[] formatUserCreds(String userJwt, dev.jnsc.nkeys.NKey key) {
        String subject = Jwt.subjectOf(userJwt);
        if (key.kind() != dev.jnsc.nkeys.KeyKind.USER || !key.publicKey().equals(subject)) {
            throw new JwtException("the seed of " + key.publicKey() + " does not belong to the user JWT of " + subject);
        }
        char[] userSeed = key.seed();
        try {
            return layout(userJwt, userSeed);
        } finally {
            Arrays.fill(userSeed, '\0');
        }
    }

    private static byte[] layout(String userJwt, char[] userSeed) {
        StringBuilder head = new StringBuilder(userJwt.length() + 300);
        head.append("-----BEGIN NATS USER JWT-----\n").append(userJwt).append("\n------END NATS USER JWT------\n\n")
                .append(STARS).append(" IMPORTANT ").append(STARS).append('\n')
                .append("NKEY Seed printed below can be used to sign and prove identity.\n")
                .append("NKEYs are sensitive and should be treated as secrets.\n\n")
                .append("-----BEGIN USER NKEY SEED-----\n");
        String tail = "\n------END USER NKEY SEED------\n\n" + "*".repeat(61) + "\n";
        byte[] a = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[a.length + userSeed.length + t.length];
        System.arraycopy(a, 0, out, 0, a.length);
        for (int i = 0; i < userSeed.length; i++) {
            out[a.length + i] = (byte) userSeed[i];
        }
        System.arraycopy(t, 0, out, a.length + userSeed.length, t.length);
        return out;
    }

    /**
     * A JWT between banner lines naming its type, e.g. "-----BEGIN NATS ACCOUNT JWT-----", followed
     * by a blank line, as Go's {@code jwt.DecorateJWT} writes it.
     */
    public static String formatJwt(String type, String jwt) {
        String t = type.toUpperCase(Locale.ROOT);
        return "-----BEGIN NATS " + t + " JWT-----\n" + jwt + "\n------END NATS " + t + " JWT------\n\n";
    }

    /**
     * Finds the JWT and the seed in a creds file, a decorated JWT or seed, or bare text. Tolerates
     * CRLF and missing blank lines.
     */
    public static Parts parse(byte[] content) {
        CharBuffer decoded = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(content));
        char[] text = decoded.array();
        try {
            // the backing array can be longer than the text (multi-byte UTF-8): stop at the decoded length
            return parse(text, decoded.limit());
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    private static Parts parse(char[] text, int max) {
        List<int[]> lines = lines(text, Math.min(max, text.length));
        List<int[]> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!isDashLine(text, lines.get(i))) {
                continue;
            }
            int j = i + 1;
            while (j < lines.size() && isBlank(text, lines.get(j))) {
                j++;
            }
            if (j + 1 < lines.size() && isTokenLine(text, lines.get(j)) && isDashLine(text, lines.get(j + 1))) {
                blocks.add(trim(text, lines.get(j)));
                i = j + 1;
            }
        }
        if (!blocks.isEmpty()) {
            String jwt = "";
            char[] seed = null;
            for (int[] b : blocks) {
                char[] value = Arrays.copyOfRange(text, b[0], b[1]);
                if (looksLikeSeed(value) && seed == null) {
                    seed = value;
                } else if (jwt.isEmpty() && !looksLikeSeed(value)) {
                    jwt = new String(value);
                } else {
                    Arrays.fill(value, '\0');
                }
            }
            return new Parts(jwt, seed);
        }
        // bare text: a seed line anywhere, or the whole text as a JWT
        for (int[] l : lines) {
            int[] t = trim(text, l);
            char[] value = Arrays.copyOfRange(text, t[0], t[1]);
            if (looksLikeSeed(value)) {
                return new Parts("", value);
            }
            Arrays.fill(value, '\0');
        }
        for (int[] l : lines) {
            int[] t = trim(text, l);
            if (t[1] > t[0]) {
                return new Parts(CharBuffer.wrap(text, t[0], t[1] - t[0]).toString(), null);
            }
        }
        return new Parts("", null);
    }

    private static boolean looksLikeSeed(char[] v) {
        return v.length >= 2 && v[0] == 'S' && "OAUNCX".indexOf(v[1]) >= 0 && v.length < 100;
    }

    private static List<int[]> lines(char[] text, int n) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || text[i] == '\n') {
                int end = i;
                if (end > start && text[end - 1] == '\r') {
                    end--;
                }
                out.add(new int[] {start, end});
                start = i + 1;
            }
        }
        return out;
    }

    private static int[] trim(char[] t, int[] l) {
        int s = l[0];
        int e = l[1];
        while (s < e && Character.isWhitespace(t[s])) {
            s++;
        }
        while (e > s && Character.isWhitespace(t[e - 1])) {
            e--;
        }
        return new int[] {s, e};
    }

    private static boolean isBlank(char[] t, int[] l) {
        int[] x = trim(t, l);
        return x[0] == x[1];
    }

    private static boolean isDashLine(char[] t, int[] l) {
        int[] x = trim(t, l);
        int len = x[1] - x[0];
        return len >= 6 && t[x[0]] == '-' && t[x[0] + 1] == '-' && t[x[0] + 2] == '-'
                && t[x[1] - 1] == '-' && t[x[1] - 2] == '-' && t[x[1] - 3] == '-';
    }

    private static boolean isTokenLine(char[] t, int[] l) {
        int[] x = trim(t, l);
        if (x[0] == x[1]) {
            return false;
        }
        for (int i = x[0]; i < x[1]; i++) {
            char c = t[i];
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '=')) {
                return false;
            }
        }
        return true;
    }
}
