package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import dev.jnsc.testing.Fuzz;
import dev.jnsc.testing.Fuzz.Mutation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The creds and decorated-text parser on random and mutated files. {@link Decorated#parse}
 * documents no exception: it must return for any bytes, in bounded time. What it finds is then
 * decoded as the commands do (seed, then JWT), where only the decoders' own exceptions may come
 * out, with messages that show no part of the seed in the file. Layout changes that Go's parser
 * also accepts (CRLF, blank lines between the blocks) must give back exactly the JWT and seed.
 */
class DecoratedFuzzTest {
    private static final NKey ACCOUNT = NKey.fromRawSeed(KeyKind.ACCOUNT, filled(7));
    private static final NKey USER = NKey.fromRawSeed(KeyKind.USER, filled(9));
    private static final String SEED = new String(USER.seed());
    private static final String JWT = userJwt();
    private static final String CREDS = new String(Decorated.formatUserCreds(JWT, USER), StandardCharsets.US_ASCII);
    private static final List<String> STARTS = List.of(CREDS, CREDS.replace("\n", "\r\n"),
            Decorated.formatJwt("user", JWT), Decorated.formatJwt("account", JWT) + CREDS, SEED, SEED + "\n", JWT,
            "-----BEGIN USER NKEY SEED-----\n" + SEED + "\n------END USER NKEY SEED------\n", "");
    private static final List<String> TOKENS = List.of("-----", "---", "-----BEGIN NATS USER JWT-----",
            "------END NATS USER JWT------", "-----BEGIN USER NKEY SEED-----", "------END USER NKEY SEED------", "\n",
            "\r\n", "\r", "\n\n", " ", "\t", "S", "SU", "SA", ".", "=", "\u00a0", "\u2028", "\ufeff", SEED.substring(0, 30));

    private static byte[] filled(int v) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) v);
        return b;
    }

    private static String userJwt() {
        UserClaims u = new UserClaims();
        u.name("u").subject(USER.publicKey());
        return Jwt.encode(u, ACCOUNT, 1_700_000_000L);
    }

    @Provide
    Arbitrary<String> starts() {
        return Arbitraries.of(STARTS);
    }

    @Provide
    Arbitrary<List<Mutation>> edits() {
        return Fuzz.mutations(6);
    }

    @Property(tries = 2000)
    void mutatedFilesParseAndDecodeOrFailCleanly(@ForAll("starts") String start, @ForAll("edits") List<Mutation> edits) {
        byte[] file = Fuzz.apply(start.getBytes(StandardCharsets.UTF_8), edits, JsonFuzzTest.latin1(TOKENS));
        Fuzz.bounded(() -> decodeLikeTheCommands(file));
    }

    @Property(tries = 500)
    void randomBytesParseAndDecodeOrFailCleanly(@ForAll @Size(max = 300) byte[] file) {
        Fuzz.bounded(() -> decodeLikeTheCommands(file));
    }

    private static void decodeLikeTheCommands(byte[] file) {
        byte[] copy = file.clone();
        Decorated.Parts parts = Fuzz.decode(() -> Decorated.parse(file), List.of(SEED));
        assertArrayEquals(copy, file, "the parser leaves its input alone");
        List<String> secrets = new ArrayList<>(List.of(SEED));
        if (parts.seed() != null) {
            Fuzz.decode(() -> NKey.fromSeed(parts.seed()), secrets, NKeyException.class);
        }
        if (!parts.jwt().isEmpty()) {
            Fuzz.decode(() -> Jwt.decode(parts.jwt()), secrets, JwtException.class);
        }
        parts.clear();
    }

    /** CRLF or LF, and 0 to 3 blank lines wherever the Go layout has them (Go's parser takes all of these). */
    @Property(tries = 300)
    void layoutVariantsGiveBackTheJwtAndSeed(@ForAll boolean crlf, @ForAll @Size(max = 14) List<@IntRange(max = 3) Integer> blanks,
            @ForAll boolean leadingBlank, @ForAll boolean trailingText) {
        List<String> out = new ArrayList<>();
        if (leadingBlank) {
            out.add("");
        }
        int b = 0;
        for (String line : CREDS.split("\n", -1)) {
            if (line.isEmpty()) {
                int n = b < blanks.size() ? blanks.get(b) : 1;
                b++;
                for (int i = 0; i < n; i++) {
                    out.add("");
                }
            } else {
                out.add(line);
            }
        }
        if (trailingText) {
            out.add("some note after the blocks");
        }
        String text = String.join(crlf ? "\r\n" : "\n", out);
        Decorated.Parts parts = Decorated.parse(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(JWT, parts.jwt());
        assertEquals(SEED, parts.seed() == null ? null : new String(parts.seed()));
    }
}
