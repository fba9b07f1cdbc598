package dev.jnsc.nkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Fuzz;
import dev.jnsc.testing.Fuzz.Mutation;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Seed, public-key and base32 decoding on random and mutated text: only {@link NKeyException}
 * comes out (base32 decoding returns null instead), its message is one clean line without seed
 * material, and whatever is accepted is canonical: it encodes back to exactly the text given, so
 * no two texts name the same key.
 */
class NKeyFuzzTest {
    /** Short pieces that keep a mutated key near the shape of a key. */
    private static final List<String> TOKENS = List.of("S", "SU", "SA", "SO", "SN", "SC", "SX", "P", "O", "A", "U",
            "=", "====", "a", "z", "0", "1", "8", "9", " ", "\n", "\r\n", "-", "\u00c9", "\ud83d\ude00",
            "UB2YRJYJEFC5GZA5I47TCYYBIXQRAUA6B3MC4SR2WTXNUX6MTYM6BTBP");

    /** A key pair of some kind from 32 random bytes. */
    record Pair(NKey key, String seed) {
    }

    @Provide
    Arbitrary<Pair> pairs() {
        return Combinators.combine(Arbitraries.of(KeyKind.class), Arbitraries.bytes().array(byte[].class).ofSize(32))
                .as((kind, raw) -> {
                    NKey k = NKey.fromRawSeed(kind, raw);
                    return new Pair(k.publicOnly(), new String(k.seed()));
                });
    }

    @Provide
    Arbitrary<List<Mutation>> edits() {
        return Fuzz.mutations(6);
    }

    @Property(tries = 2000)
    void mutatedSeedsFailOnlyWithACleanNKeyException(@ForAll("pairs") Pair pair, @ForAll("edits") List<Mutation> edits) {
        String text = Fuzz.apply(pair.seed(), edits, Fuzz.Units.CHARS, TOKENS);
        Fuzz.bounded(() -> {
            NKey k = Fuzz.decode(() -> NKey.fromSeed(text.toCharArray()), List.of(pair.seed()), NKeyException.class);
            if (k != null) {
                assertEquals(text, new String(k.seed()), "an accepted seed encodes back to the same text");
            }
            NKey fromString = Fuzz.decode(() -> NKey.fromSeed(text), List.of(pair.seed()), NKeyException.class);
            assertEquals(k == null, fromString == null, "char[] and String decoding agree");
        });
    }

    /** Public keys, and seeds given where a public key is expected: the message must not show the seed. */
    @Property(tries = 2000)
    void mutatedPublicKeysAndSeedsFailOnlyWithACleanNKeyException(@ForAll("pairs") Pair pair,
            @ForAll boolean startFromSeed, @ForAll("edits") List<Mutation> edits) {
        String start = startFromSeed ? pair.seed() : pair.key().publicKey();
        String text = Fuzz.apply(start, edits, Fuzz.Units.CHARS, TOKENS);
        List<String> secrets = List.of(pair.seed());
        Fuzz.bounded(() -> {
            NKey k = Fuzz.decode(() -> NKey.fromPublicKey(text), secrets, NKeyException.class);
            if (k != null) {
                assertEquals(text, k.publicKey(), "an accepted public key encodes back to the same text");
                assertTrue(NKey.isValidPublicKey(text, k.kind()));
            } else {
                assertFalse(NKey.isValidPublicKey(text));
            }
            for (KeyKind kind : KeyKind.values()) {
                NKey typed = Fuzz.decode(() -> NKey.fromPublicKey(text, kind), secrets, NKeyException.class);
                assertEquals(k != null && k.kind() == kind, typed != null, "typed decoding of " + kind);
            }
        });
    }

    @Property(tries = 1000)
    void randomTextFailsOnlyWithACleanNKeyException(@ForAll @Size(max = 120) String text) {
        Fuzz.bounded(() -> {
            Fuzz.decode(() -> NKey.fromSeed(text.toCharArray()), List.of(), NKeyException.class);
            Fuzz.decode(() -> NKey.fromPublicKey(text), List.of(), NKeyException.class);
            Fuzz.decode(() -> NKey.fromPublicKey(text, KeyKind.ACCOUNT), List.of(), NKeyException.class);
        });
    }

    /** Strict decoding: whatever decodes is exactly what encoding those bytes gives. */
    @Property(tries = 2000)
    void base32DecodingIsCanonicalOrNull(@ForAll("base32Texts") String text) {
        Fuzz.bounded(() -> {
            byte[] raw = Fuzz.decode(() -> Base32.decode(text), List.of());
            if (raw != null) {
                assertEquals(text, Base32.encodeToString(raw), "the text re-encodes to itself");
            }
        });
    }

    @Property(tries = 1000)
    void base32RoundTrips(@ForAll @Size(max = 80) byte[] data) {
        assertArrayEquals(data, Base32.decode(Base32.encodeToString(data)));
    }

    @Provide
    Arbitrary<String> base32Texts() {
        Arbitrary<String> alphabet = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567").ofMaxLength(70);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(70);
        Arbitrary<String> mutated = Combinators.combine(alphabet, Fuzz.mutations(3))
                .as((s, m) -> Fuzz.apply(s, m, Fuzz.Units.CHARS, TOKENS));
        return Arbitraries.oneOf(alphabet, anything, mutated);
    }
}
