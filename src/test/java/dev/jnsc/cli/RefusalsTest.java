package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.fails;
import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that can never make a valid credential are refused before anything is written: one
 * "Error: …" line naming the value and what was expected, exit 1 (2 for usage errors), no file
 * changed. The clock of {@link Nsc} is fixed at {@link Nsc#START} (2026-01-02 03:04:05 UTC).
 */
class RefusalsTest {
    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
    }

    private static Arguments refused(String message, String... args) {
        return Arguments.of(message, args);
    }

    static Stream<Arguments> times() {
        String notBefore = "is not before";
        String past = "is not in the future: a JWT that expires at or before now can never be used (0 means \"never expires\")";
        return Stream.of(
                refused("--start \"2030-01-01\" (2030-01-01 00:00:00 UTC) is not before --expiry \"2029-01-01\" "
                        + "(2029-01-01 00:00:00 UTC): a JWT must become valid before it expires",
                        "add", "user", "V", "--start", "2030-01-01", "--expiry", "2029-01-01"),
                refused("--start \"2d\" (2026-01-04 03:04:05 UTC) is not before --expiry \"1d\" (2026-01-03 03:04:05 UTC)",
                        "add", "user", "V", "--expiry", "1d", "--start", "2d"),
                refused(notBefore, "add", "user", "V", "--start", "1d", "--expiry", "24h"),
                refused(notBefore, "add", "account", "B", "--start", "2w", "--expiry", "1w"),
                refused(notBefore, "add", "operator", "P", "--start", "2027-01-01", "--expiry", "2026-06-01"),
                refused(notBefore, "edit", "user", "U", "--start", "3M", "--expiry", "2M"),
                refused(notBefore, "edit", "account", "A", "--start", "2y", "--expiry", "1y"),
                refused(notBefore, "edit", "operator", "--start", "2030-01-01", "--expiry", "2029-12-31 23:59:59"),
                refused("--expiry \"1970-01-01\" (1970-01-01 00:00:00 UTC) " + past,
                        "add", "user", "V", "--expiry", "1970-01-01"),
                refused("--expiry \"1970-01-01 00:00:01\" (1970-01-01 00:00:01 UTC) " + past,
                        "add", "user", "V", "--expiry", "1970-01-01 00:00:01"),
                refused("--expiry \"1970-01-01\" (1970-01-01 00:00:00 UTC) " + past,
                        "add", "operator", "P", "--expiry", "1970-01-01"),
                refused("--expiry \"2026-01-02\" (2026-01-02 00:00:00 UTC) " + past,
                        "add", "account", "B", "--expiry", "2026-01-02"),
                refused("--expiry \"0s\" (2026-01-02 03:04:05 UTC) " + past, "edit", "user", "U", "--expiry", "0s"),
                refused("--expiry \"2020-01-01\" (2020-01-01 00:00:00 UTC) " + past,
                        "edit", "account", "A", "--expiry", "2020-01-01"),
                refused("--expiry \"1970-01-01\" (1970-01-01 00:00:00 UTC) " + past,
                        "edit", "operator", "--expiry", "1970-01-01"),
                refused("--start \"1960-01-01\" is before 1970-01-01 00:00:00 UTC (the Unix epoch): JWT times cannot be"
                        + " earlier", "add", "user", "V", "--start", "1960-01-01"),
                refused("--start \"1969-12-31 23:59:59\" is before 1970-01-01 00:00:00 UTC (the Unix epoch)",
                        "edit", "account", "A", "--start", "1969-12-31 23:59:59"),
                refused("--expiry \"1969-07-20\" is before 1970-01-01 00:00:00 UTC (the Unix epoch)",
                        "add", "operator", "P", "--expiry", "1969-07-20"));
    }

    @ParameterizedTest
    @MethodSource("times")
    void refusesTimesThatCanNeverBeValid(String message, String[] args) {
        fails(nsc, message, args);
    }

    @Test
    void startIsCheckedAgainstTheExpiryAlreadyInTheJwt() {
        nsc.ok("edit", "user", "U", "--expiry", "2029-01-01");
        nsc.ok("edit", "account", "A", "--start", "2028-01-01");
        nsc.ok("edit", "operator", "--expiry", "2027-01-01");
        fails(nsc, "--start \"2030-01-01\" (2030-01-01 00:00:00 UTC) is not before the expiry already in the user's JWT"
                + " (2029-01-01 00:00:00 UTC): a JWT must become valid before it expires; change --expiry too",
                "edit", "user", "U", "--start", "2030-01-01");
        fails(nsc, "the start already in the account's JWT (2028-01-01 00:00:00 UTC) is not before --expiry \"2027-06-01\""
                + " (2027-06-01 00:00:00 UTC): a JWT must become valid before it expires; change --start too",
                "edit", "account", "A", "--expiry", "2027-06-01");
        fails(nsc, "is not before the expiry already in the operator's JWT (2027-01-01 00:00:00 UTC)",
                "edit", "operator", "--start", "2027-01-01");
        // both changed together, or the other one cleared with 0, is fine
        nsc.ok("edit", "user", "U", "--start", "2030-01-01", "--expiry", "2031-01-01");
        nsc.ok("edit", "account", "A", "--expiry", "2027-06-01", "--start", "0");
        UserClaims uc = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "U"))).as(UserClaims.class, "a user");
        assertEquals(1893456000L, uc.notBefore());
        assertEquals(1924992000L, uc.expires());
        AccountClaims ac = Jwt.decode(Nsc.read(nsc.accountJwt("O", "A"))).as(AccountClaims.class, "an account");
        assertEquals(0, ac.notBefore());
    }

    @Test
    void onlyTheLiteralZeroMeansNeverExpires() {
        nsc.ok("edit", "user", "U", "--expiry", "1d");
        nsc.ok("edit", "user", "U", "--expiry", "0");
        assertEquals(0, Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "U"))).claims().expires());
        // a start at the epoch is the same as no start: accepted
        nsc.ok("add", "user", "V", "--start", "1970-01-01", "--expiry", "1y");
    }

    static Stream<Arguments> ports() {
        return Stream.of(
                refused("operator service url \"nats://host:99999\" has an invalid port \"99999\": expected a port from 1"
                        + " to 65535", "edit", "operator", "--service-url", "nats://host:99999"),
                refused("operator service url \"nats://host:-1\" has an invalid port \"-1\": expected a port from 1 to 65535",
                        "edit", "operator", "--service-url", "nats://host:-1"),
                refused("operator service url \"tls://host:0\" has an invalid port \"0\"",
                        "edit", "operator", "--service-url", "tls://host:0"),
                refused("operator service url \"nats://[::1]:65536\" has an invalid port \"65536\"",
                        "edit", "operator", "--service-url", "nats://[::1]:65536"),
                refused("operator service url \"nats://host:\" has an empty port: expected a port from 1 to 65535, or no"
                        + " ':' for the default", "edit", "operator", "-n", "nats://host:"),
                refused("operator service url \"ws://host:4x\" has an invalid port \"4x\"",
                        "edit", "operator", "-n", "ws://host:4x"),
                refused("account jwt server url \"nats://host:99999\" has an invalid port \"99999\": expected a port from 1"
                        + " to 65535", "edit", "operator", "--account-jwt-server-url", "nats://host:99999"),
                refused("account jwt server url \"http://host:-1\" has an invalid port \"-1\"",
                        "edit", "operator", "-u", "http://host:-1"),
                refused("account jwt server url \"https://host:123456789012\" has an invalid port \"123456789012\"",
                        "edit", "operator", "-u", "https://host:123456789012"));
    }

    @ParameterizedTest
    @MethodSource("ports")
    void refusesPortsOutside1To65535(String message, String[] args) {
        fails(nsc, message, args);
    }

    static Stream<Arguments> invisibleNames() {
        String rule = ": names become file names and may not contain control, invisible or line-breaking characters"
                + " (plain spaces are allowed)";
        return Stream.of(
                refused("operator name \"P\\u200b\" contains U+200B (ZERO WIDTH SPACE)" + rule,
                        "add", "operator", "P\u200b"),
                refused("operator name \"\\tP\" contains U+0009 (CHARACTER TABULATION)" + rule, "add", "operator", "\tP"),
                refused("account name \"B\\t\" contains U+0009", "add", "account", "B\t"),
                refused("account name \"B\\n\" contains U+000A", "add", "account", "B\n"),
                refused("account name \"\\u00a0B\" contains U+00A0 (NO-BREAK SPACE)", "add", "account", "\u00a0B"),
                refused("account name \"B\\u2028C\" contains U+2028 (LINE SEPARATOR)", "add", "account", "B\u2028C"),
                refused("user name \"V\\u2029\" contains U+2029 (PARAGRAPH SEPARATOR)", "add", "user", "V\u2029"),
                refused("user name \"\\u202eV\" contains U+202E (RIGHT-TO-LEFT OVERRIDE)", "add", "user", "\u202eV"),
                refused("user name \"V\\u200dW\" contains U+200D (ZERO WIDTH JOINER)", "add", "user", "V\u200dW"),
                refused("user name \"V\\u2060\" contains U+2060 (WORD JOINER)", "add", "user", "V\u2060"),
                refused("user name \"\\ufeffV\" contains U+FEFF (ZERO WIDTH NO-BREAK SPACE)", "add", "user", "\ufeffV"),
                refused("user name \"V\\u3000W\" contains U+3000 (IDEOGRAPHIC SPACE)", "add", "user", "V\u3000W"),
                refused("user name \"V\\u00adW\" contains U+00AD (SOFT HYPHEN)", "add", "user", "V\u00adW"),
                refused("user name \"V\\u0085\" contains U+0085", "add", "user", "V\u0085"),
                refused("user name \"V\\u007f\" contains U+007F", "add", "user", "V\u007f"),
                refused("user name \"\\u3164\" contains U+3164 (HANGUL FILLER)", "add", "user", "\u3164"));
    }

    @ParameterizedTest
    @MethodSource("invisibleNames")
    void refusesInvisibleAndControlCharactersInNames(String message, String[] args) {
        fails(nsc, message, args);
    }

    static Stream<Arguments> longNames() {
        return Stream.of(
                refused("operator name \"" + "p".repeat(32) + "…\" is 247 bytes long (UTF-8); the limit is 246 bytes: the"
                        + " file \".<name>.jwt.tmp\" written for it may be at most 255 bytes", "add", "operator", "p".repeat(247)),
                refused("account name \"" + "b".repeat(32) + "…\" is 247 bytes long (UTF-8); the limit is 246 bytes",
                        "add", "account", "b".repeat(247)),
                refused("account name \"" + "é".repeat(32) + "…\" is 248 bytes long (UTF-8); the limit is 246 bytes",
                        "add", "account", "é".repeat(124)),
                refused("user name \"" + "v".repeat(32) + "…\" is 245 bytes long (UTF-8); the limit is 244 bytes: the"
                        + " file \".<name>.creds.tmp\" written for it may be at most 255 bytes", "add", "user", "v".repeat(245)),
                refused("user name \"" + "€".repeat(32) + "…\" is 246 bytes long (UTF-8); the limit is 244 bytes",
                        "add", "user", "€".repeat(82)));
    }

    @ParameterizedTest
    @MethodSource("longNames")
    void refusesNamesWhoseFilesCannotBeCreated(String message, String[] args) {
        fails(nsc, message, args);
    }

    @Test
    void theLongestAllowedNamesAreWrittenWithAllTheirFiles() {
        String op = "o".repeat(246);
        String acc = "é".repeat(123); // 246 bytes
        String user = "u".repeat(244);
        nsc.ok("add", "operator", op);
        nsc.ok("add", "account", acc, "--lock-timeout", "5s");
        nsc.ok("add", "user", user, "-a", acc);
        nsc.ok("edit", "user", user, "-a", acc, "--allow-pub", "x");
        assertTrue(Files.exists(nsc.userJwt(op, acc, user)));
        assertTrue(Files.exists(nsc.creds(op, acc, user)));
        nsc.ok("delete", "account", acc, "-C", "-D");
        assertTrue(Files.notExists(nsc.accountJwt(op, acc).getParent()));
    }

    @Test
    void onlyPlainSpacesAreTrimmedFromNames() {
        nsc.ok("add", "account", "  B  ");
        assertTrue(Files.isRegularFile(nsc.accountJwt("O", "B")));
        assertEquals("B", Jwt.decode(Nsc.read(nsc.accountJwt("O", "B"))).claims().name());
        nsc.ok("add", "user", "a user with spaces");
        assertTrue(Files.isRegularFile(nsc.userJwt("O", "B", "a user with spaces")));
    }

    static Stream<Arguments> emptyValues() {
        return Stream.of(
                refused("--allow-pub \"\" is empty: expected <subject>", "add", "user", "V", "--allow-pub", ""),
                refused("--allow-sub \"\" is empty: expected <subject>", "add", "user", "V", "--allow-sub", ""),
                refused("--allow-pubsub \"\" is empty", "add", "user", "V", "--allow-pubsub", ""),
                refused("--deny-pub \"\" is empty", "add", "user", "V", "--deny-pub", ""),
                refused("--deny-sub \"\" is empty", "add", "user", "V", "--deny-sub", ""),
                refused("--deny-pubsub \"\" is empty", "edit", "user", "U", "--deny-pubsub", ""),
                refused("--allow-sub \"a,,b\" has an empty item: expected a comma list of <subject>",
                        "add", "user", "V", "--allow-sub", "a,,b"),
                refused("--allow-pub \"a,\" has an empty item", "edit", "user", "U", "--allow-pub", "a,"),
                refused("--deny-pub \",a\" has an empty item", "edit", "account", "A", "--deny-pub", ",a"),
                refused("--allow-pub \" \" is empty", "edit", "account", "A", "--allow-pub", " "),
                refused("--rm \"\" is empty: expected <subject>", "edit", "user", "U", "--rm", ""),
                refused("--tag \"\" is empty: expected <tag>", "edit", "user", "U", "--tag", ""),
                refused("--tag \"\" is empty", "edit", "user", "U", "--tag="),
                refused("--tag \"x,,y\" has an empty item: expected a comma list of <tag>",
                        "edit", "operator", "--tag", "x,,y"),
                refused("--rm-tag \"\" is empty: expected <tag>", "edit", "account", "A", "--rm-tag", ""),
                refused("--tag \"\" is empty", "add", "account", "B", "--tag", ""),
                refused("--conn-type \"\" is empty: expected <type>", "edit", "user", "U", "--conn-type", ""),
                refused("--rm-conn-type \"\" is empty", "edit", "user", "U", "--rm-conn-type", ""),
                refused("--source-network \"\" is empty: expected <cidr>", "edit", "user", "U", "--source-network", ""),
                refused("--rm-source-network \"\" is empty", "edit", "user", "U", "--rm-source-network", ""),
                refused("--time \"\" is empty", "edit", "user", "U", "--time", ""),
                refused("--rm-time \"\" is empty", "edit", "user", "U", "--rm-time", ""),
                refused("--sk \"\" is empty: expected <key>", "edit", "account", "A", "--sk", ""),
                refused("--rm-sk \"\" is empty", "edit", "operator", "--rm-sk", ""),
                refused("--rm-js-tier \"\" is empty", "edit", "account", "A", "--rm-js-tier", ""),
                refused("--service-url \"\" is empty: expected <url>", "edit", "operator", "--service-url", ""),
                refused("--rm-service-url \"\" is empty", "edit", "operator", "--rm-service-url", ""),
                refused("--account \"\" is empty: expected <name>", "edit", "user", "U", "-a", "", "--tag", "x"),
                refused("--name \"\" is empty", "delete", "user", "-n", ""),
                refused("--name \"\" is empty", "delete", "account", "-n", ""),
                refused("--locale \"\" is empty", "edit", "user", "U", "--locale", ""),
                refused("user name \"\" is empty", "add", "user", ""),
                refused("user name \" \" is empty", "edit", "user", " ", "--tag", "x"));
    }

    @ParameterizedTest
    @MethodSource("emptyValues")
    void refusesEmptyValues(String message, String[] args) {
        fails(nsc, message, args);
    }

    static Stream<Arguments> repeatedNames() {
        return Stream.of(
                refused("--name was given more than once, with different values (\"X1\", \"X2\"): give it once",
                        "add", "user", "-n", "X1", "-n", "X2"),
                refused("--name was given more than once, with different values (\"P\", \"Q\")",
                        "add", "operator", "-n", "P", "--name", "Q"),
                refused("the name was given twice (\"X3\" and --name \"X4\")", "add", "user", "X3", "-n", "X4"),
                refused("--name was given more than once", "delete", "account", "-n", "A", "-n", "B"),
                refused("--name was given more than once", "edit", "user", "-n", "U", "-n", "V", "--tag", "x"),
                refused("--name was given more than once", "generate", "creds", "-n", "U", "-n", "V"),
                refused("--account was given more than once, with different values (\"A\", \"B\")",
                        "delete", "user", "U", "-a", "A", "-a", "B"));
    }

    @ParameterizedTest
    @MethodSource("repeatedNames")
    void aNameGivenTwiceIsAUsageError(String message, String[] args) {
        usage(nsc, message, args);
    }

    @Test
    void theSameNameTwiceIsNotAConflict() {
        nsc.ok("add", "user", "V", "-n", "V");
        nsc.ok("add", "user", "-n", "W", "--name", "W");
        assertTrue(Files.isRegularFile(nsc.userJwt("O", "A", "W")));
    }

    @Test
    void aLookedUpNameCannotReachAnotherEntitysFiles() {
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "BU");
        fails(nsc, "user \"../../B/users/BU\" does not exist in account \"A\"",
                "delete", "user", "-a", "A", "-n", "../../B/users/BU");
        fails(nsc, "account \"../accounts/B\" does not exist in operator \"O\"",
                "delete", "account", "-n", "../accounts/B");
        fails(nsc, "user \"..\" does not exist", "delete", "user", "-a", "B", "..", "-C", "-D");
    }

    @Test
    void bearerUsersOfAnAccountThatDisallowsThem() {
        nsc.ok("edit", "account", "A", "--disallow-bearer");
        String setting = ": account \"A\" sets disallow_bearer and nats-server refuses bearer tokens of its users (to allow"
                + " them: nsc edit account A --disallow-bearer=false)";
        fails(nsc, "user \"V\" cannot be a bearer user" + setting, "add", "user", "V", "--bearer");
        fails(nsc, "user \"U\" cannot be a bearer user" + setting, "edit", "user", "U", "--bearer");
        fails(nsc, "user \"U\" cannot be a bearer user", "edit", "user", "U", "--bearer=true", "--tag", "x");

        nsc.ok("edit", "account", "A", "--sk", "generate");
        AccountClaims ac = Jwt.decode(Nsc.read(nsc.accountJwt("O", "A"))).as(AccountClaims.class, "an account");
        String sk = ac.signingKeys().get(0).key();
        fails(nsc, "the users of role \"svc\" cannot be bearer users" + setting,
                "edit", "signing-key", "--sk", sk, "--role", "svc", "--bearer");

        // not a bearer user, or bearer allowed again: fine
        nsc.ok("edit", "user", "U", "--bearer=false", "-K", ac.subject());
        nsc.ok("edit", "account", "A", "--disallow-bearer=false");
        nsc.ok("add", "user", "V", "--bearer", "-K", ac.subject());
        assertTrue(Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "V"))).as(UserClaims.class, "a user").permissions()
                .bearerToken());
    }
}
