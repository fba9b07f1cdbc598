package dev.jnsc.jwt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jnsc.TestData;
import dev.jnsc.nkeys.NKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecoratedTest {
    private static final String NKEYS_SEED = "SUAOTBNEUHZDFJT3EUMELT7MQTP24JF3XVCXQNDSCU74G5IU6VAJBKH5LI";
    private static final String NKEYS_JWT = "eyJ0eXAiOiJqd3QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJqdGkiOiJHVDROVU5NRUY3Wk1XQ1JCWFZWVURLUVQ2WllQWjc3VzRKUlFYRDNMMjRIS1VKRUNRSDdRIiwiaWF0IjoxNTkwNzgxNTkzLCJpc3MiOiJBQURXTFRISUNWNFNVQUdGNkVLTlZFVzVCQlA3WVJESUJHV0dHSFo1SkJET1FZQTdHVUZNNkFRVSIsIm5hbWUiOiJPUEVSQVRPUiIsInN1YiI6IlVERTZXVEdMVFRQQ1JKUkpDS0JKUkdWTlpUTElWUjdMRUVFTFI0Q1lXV1dCS0pTN1hZSUtYRFVVIiwibmF0cyI6eyJwdWIiOnt9LCJzdWIiOnt9LCJ0eXBlIjoidXNlciIsInZlcnNpb24iOjJ9fQ.c_XQT04wEoVVNDRjPHeKwe17BOrSpQTcftwIbB7KoNEIz6peZCJDc4-J3emVepHofUOWy7IAo9TlLwYhuGHWAQ";

    /** Reference 4.5, written out line by line. */
    @Test
    void credsRefuseASeedOfAnotherUser() {
        String payload = "{\"sub\":\"UDE6WTGLTTPCRJRJCKBJRGVNZTLIVR7LEEELR4CYWWWBKJS7XYIKXDUU\"}";
        String jwt = "e30." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + ".c2ln";
        JwtException e = org.junit.jupiter.api.Assertions.assertThrows(JwtException.class,
                () -> Decorated.formatUserCreds(jwt, "SUAGL3KX4ZBBD53BNNLSHGAAGCMXSEYZ6NTYUBUCPZQGHYNK3ZRQBUDPRY".toCharArray()));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
    }

    @Test
    void userCredsHaveTheExact14LineLayout() {
        String seed = "SUAGL3KX4ZBBD53BNNLSHGAAGCMXSEYZ6NTYUBUCPZQGHYNK3ZRQBUDPRY";
        String payload = "{\"sub\":\"UA6KOMQ67XOE3FHE37W4OXADVXVYISBNLTBUT2LSY5VFKAIJ7CRDR2RZ\"}";
        String jwt = "eyJhbGciOiJlZDI1NTE5LW5rZXkiLCJ0eXAiOiJKV1QifQ."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + ".c2ln";
        String expected = ""
                + "-----BEGIN NATS USER JWT-----\n"
                + jwt + "\n"
                + "------END NATS USER JWT------\n"
                + "\n"
                + "************************* IMPORTANT *************************\n"
                + "NKEY Seed printed below can be used to sign and prove identity.\n"
                + "NKEYs are sensitive and should be treated as secrets.\n"
                + "\n"
                + "-----BEGIN USER NKEY SEED-----\n"
                + seed + "\n"
                + "------END USER NKEY SEED------\n"
                + "\n"
                + "*************************************************************\n";
        byte[] creds = Decorated.formatUserCreds(jwt, seed.toCharArray());
        String text = new String(creds, StandardCharsets.US_ASCII);
        assertEquals(expected, text);
        assertEquals(13, text.split("\n", -1).length - 1, "13 LF-terminated lines");
        assertEquals(61, text.split("\n")[4].length());
        assertEquals(61, text.split("\n")[12].length());
    }

    /** Creds written by the Go library: ours must be the same bytes. */
    @ParameterizedTest
    @CsvSource({"jnats/userJnatsTest.creds", "nkeys/creds_utils_test.creds"})
    void formatEqualsGoWrittenCreds(String fixture) {
        byte[] goCreds = TestData.bytes(fixture);
        Decorated.Parts parts = Decorated.parse(goCreds);
        assertArrayEquals(goCreds, Decorated.formatUserCreds(parts.jwt(), parts.seed()));
    }

    @Test
    void parsesGoCredsWithLfAndCrlf() {
        String creds = TestData.text("nkeys/creds_utils_test.creds");
        for (String variant : new String[] {creds, creds.replace("\n", "\r\n")}) {
            Decorated.Parts p = Decorated.parse(variant.getBytes(StandardCharsets.UTF_8));
            assertEquals(NKEYS_JWT, p.jwt());
            assertArrayEquals(NKEYS_SEED.toCharArray(), p.seed());
            assertEquals("UDE6WTGLTTPCRJRJCKBJRGVNZTLIVR7LEEELR4CYWWWBKJS7XYIKXDUU", NKey.fromSeed(p.seed()).publicKey());
            assertEquals("UDE6WTGLTTPCRJRJCKBJRGVNZTLIVR7LEEELR4CYWWWBKJS7XYIKXDUU",
                    Json.str(Json.parseObject(TestData.payloadJson(p.jwt()).getBytes(StandardCharsets.UTF_8)), "sub"));
        }
    }

    /** jnats resources: creds with trailing blank lines, and without any blank lines. */
    @ParameterizedTest
    @CsvSource({
        "jnats/test.chain, SUAGVDADILKKEQSTWF7RTC25D3F433K3VWMQOGNJRE2VJGEP3LSSO7PHUE",
        "jnats/user.chain, SUAI3GND23IWH6RFCQTJFYYUTSPKIXWV42YGKJ7WIY6ZB2KOZVXPDFRIVY",
        "jnats/user.creds, SUAFYHVVQVOIDOOQ4MTOCTLGNZCJ5PZ4HPV5WAPROGTEIOF672D3R7GBY4",
        "jnats/userJnatsTest.creds, SUAI3B53CP7MTPY474KLHRFOVLN5WEYTIISQXDYKW5NWIVEI4G2VOVWCPM"
    })
    void parsesJnatsCredsAndTheirJwtsDecode(String fixture, String seed) {
        Decorated.Parts p = Decorated.parse(TestData.bytes(fixture));
        assertArrayEquals(seed.toCharArray(), p.seed());
        UserClaims u = Jwt.decode(p.jwt()).as(UserClaims.class, "a user");
        assertEquals(u.subject(), NKey.fromSeed(p.seed()).publicKey(), "the seed belongs to the user");
    }

    /** The creds layout jnats' JwtUtils writes (indented notice lines). */
    @Test
    void parsesJnatsJwtUtilsLayout() {
        String jwt = JwtTest.JU_MINIMAL;
        String creds = "-----BEGIN NATS USER JWT-----\n" + jwt + "\n------END NATS USER JWT------\n\n"
                + "************************* IMPORTANT *************************\n"
                + "    NKEY Seed printed below can be used to sign and prove identity.\n"
                + "    NKEYs are sensitive and should be treated as secrets.\n\n"
                + "-----BEGIN USER NKEY SEED-----\n" + JwtTest.JU_USER_SEED + "\n------END USER NKEY SEED------\n\n"
                + "*************************************************************\n";
        Decorated.Parts p = Decorated.parse(creds.getBytes(StandardCharsets.US_ASCII));
        assertEquals(jwt, p.jwt());
        assertArrayEquals(JwtTest.JU_USER_SEED.toCharArray(), p.seed());
    }

    @Test
    void decoratedOperatorJwtAlone() {
        Decorated.Parts p = Decorated.parse(TestData.bytes("jnats/op.jwt"));
        assertNull(p.seed());
        assertEquals("synadia", Jwt.decode(p.jwt()).claims().name());
    }

    @Test
    void decoratedOperatorSeedWithCommentHeader() {
        Decorated.Parts p = Decorated.parse(TestData.bytes("jnats/test.seed"));
        assertEquals("", p.jwt());
        assertArrayEquals("SOAFYNORQLQFJYBYNUGC5D7SH2MXMUX5BFEWWGHN3EK4VGG5TPT5DZP7QU".toCharArray(), p.seed());
        NKey op = NKey.fromSeed(p.seed());
        assertEquals(dev.jnsc.nkeys.KeyKind.OPERATOR, op.kind());
        assertEquals("OCAT33MT", op.publicKey().substring(0, 8));
    }

    @ParameterizedTest
    @CsvSource({"jnats/test.nk", "jnats/test_wrapped.nk"})
    void bareAndWrappedSeeds(String fixture) {
        Decorated.Parts p = Decorated.parse(TestData.bytes(fixture));
        assertEquals("", p.jwt());
        assertArrayEquals("SUAGVDADILKKEQSTWF7RTC25D3F433K3VWMQOGNJRE2VJGEP3LSSO7PHUE".toCharArray(), p.seed());
    }

    @Test
    void bareJwtAndOtherText() {
        String token = TestData.text("jnats/test.jwt");
        Decorated.Parts p = Decorated.parse(TestData.bytes("jnats/test.jwt"));
        assertEquals(token, p.jwt());
        assertNull(p.seed());
        assertEquals("foo", Decorated.parse("foo".getBytes(StandardCharsets.US_ASCII)).jwt(), "as Go's ParseDecoratedJWT");
        assertEquals("foo", Decorated.parse("\n\n  foo  \n".getBytes(StandardCharsets.US_ASCII)).jwt());
        Decorated.Parts empty = Decorated.parse(new byte[0]);
        assertEquals("", empty.jwt());
        assertNull(empty.seed());
    }

    /** A seed on the last line of a file that also holds non-ASCII text. */
    @Test
    void bareSeedAfterNonAsciiText() {
        String text = "# clé de test, ne pas utiliser\n" + NKEYS_SEED;
        Decorated.Parts p = Decorated.parse(text.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(NKEYS_SEED.toCharArray(), p.seed());
        assertEquals("UDE6WTGLTTPCRJRJCKBJRGVNZTLIVR7LEEELR4CYWWWBKJS7XYIKXDUU", NKey.fromSeed(p.seed()).publicKey());
    }

    @Test
    void clearWipesTheSeed() {
        Decorated.Parts p = Decorated.parse(TestData.bytes("nkeys/creds_utils_test.creds"));
        char[] seed = p.seed();
        p.clear();
        assertArrayEquals(new char[NKEYS_SEED.length()], seed);
        Decorated.parse("foo".getBytes(StandardCharsets.US_ASCII)).clear();
    }

    /** Go's formatJwt: banner, token, banner, and a blank line (jwt v2 creds_utils.go). */
    @Test
    void decoratedJwtHasTheGoLayout() {
        String t = "eyJ0.eyJ1.c2ln";
        assertEquals("-----BEGIN NATS ACCOUNT JWT-----\n" + t + "\n------END NATS ACCOUNT JWT------\n\n",
                Decorated.formatJwt("account", t));
        Decorated.Parts p = Decorated.parse(Decorated.formatJwt("operator", t).getBytes(StandardCharsets.US_ASCII));
        assertEquals(t, p.jwt());
    }

    /** As Go's pattern {@code [-]{3,}.*[-]{3,}} around {@code [\w\-.=]+}: anything else is bare text. */
    @Test
    void aBlockNeedsThreeDashesAtEachEndOfItsLinesAndOneTokenBetween() {
        assertEquals("a.b-c_d=", parse("------\na.b-c_d=\n------\n").jwt(), "six dashes: three at each end");
        assertEquals("-----", parse("-----\na.b\n-----\n").jwt(), "five are not a block: the first line is the text");
        assertEquals("---BEGIN---", parse("---BEGIN---\nnot a token\n---END---\n").jwt(), "a space is not in a token");
        assertEquals("---BEGIN---", parse("---BEGIN---\na!b\n---END---\n").jwt());
        assertEquals("x--", parse("x--\na.b\n---END---\n").jwt(), "the line must start with three dashes");
        assertEquals("---x", parse("---x\na.b\n---END---\n").jwt(), "and end with three");
    }

    @Test
    void aSeedIsAnSLineOfAKnownKindShorterThan100() {
        assertEquals("SA", new String(parse("SA\n").seed()), "two letters are enough to be taken for one");
        assertNull(parse("S\n").seed());
        assertEquals("S", parse("S\n").jwt());
        String long99 = "SU" + "A".repeat(97);
        assertEquals(long99, new String(parse(long99).seed()));
        String long100 = long99 + "A";
        assertNull(parse(long100).seed(), "100 characters are no seed");
        assertEquals(long100, parse(long100).jwt());
        assertNull(parse("SZABC\n").seed(), "Z is no key kind");
    }

    private static Decorated.Parts parse(String text) {
        return Decorated.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
