package dev.jnsc.cli;

import static dev.jnsc.testing.PromptTerminal.CTRL_C;
import static dev.jnsc.testing.PromptTerminal.ENTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.PromptTerminal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** edit user | operator | account -i through a terminal emulation: current values as defaults, Go's order. */
class EditPromptTest {
    @TempDir
    java.nio.file.Path home;
    Nsc nsc;
    PromptTerminal t;

    @BeforeEach
    void store() {
        nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "user", "-a", "A", "U1");
        nsc.ok("add", "user", "-a", "A", "U2");
        t = new PromptTerminal();
    }

    @AfterEach
    void close() {
        t.close();
    }

    private UserClaims user(String name) {
        return Jwt.decode(Nsc.read(nsc.userJwt("O", "A", name))).as(UserClaims.class, "a user");
    }

    private AccountClaims account(String name) {
        return Jwt.decode(Nsc.read(nsc.accountJwt("O", name))).as(AccountClaims.class, "an account");
    }

    private OperatorClaims operator() {
        return Jwt.decode(Nsc.read(nsc.operatorJwt("O"))).as(OperatorClaims.class, "an operator");
    }


    @Test
    void editUserEnterKeepsEveryCurrentValueAndWritesNothing() {
        nsc.ok("edit", "user", "-a", "A", "U2", "--payload", "1000", "--expiry", "2030-01-02", "--tag", "blue");
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "edit", "user", "-i");
        t.expect("? select user:").answer("? choose 1-2 [1]: ", "2" + ENTER)
                .answer("? max payload (-1 unlimited) [1000]: ", ENTER).answer("? valid from [0]: ", ENTER)
                .answer("? valid until (0 is always) [2030-01-02 00:00:00]: ", ENTER)
                .answer("? remove tags (y/N): ", ENTER).answer("? add another tag (y/N): ", ENTER);
        assertEquals("[ OK ] user \"U2\" unchanged: every answer kept the current value\n", t.done(r).out());
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void editUserTypedValuesAndBadOnesAskedAgain() {
        Nsc.Running r = t.start(nsc, "edit", "user", "-i", "U1");
        t.answer("max payload (-1 unlimited) [-1]", "lots" + ENTER).expect("X Sorry, your reply was invalid: --payload")
                .answer("max payload", "1k" + ENTER).answer("valid from", ENTER)
                .answer("valid until", "2031-05-06" + ENTER)
                .answer("? add a tag (y/N): ", "y" + ENTER).answer("? enter a tag: ", "a,b" + ENTER)
                .expect("without a comma").answer("? enter a tag: ", "green" + ENTER)
                .answer("? add another tag (y/N): ", ENTER);
        t.done(r);
        UserClaims uc = user("U1");
        assertEquals(1000, uc.permissions().payload());
        assertEquals(Instant.parse("2031-05-06T00:00:00Z").getEpochSecond(), uc.expires());
        assertEquals(List.of("green"), uc.tags());
    }

    @Test
    void editUserAsksWhichKeySignsWhenSeveralCan() {
        nsc.ok("edit", "account", "A", "--sk", "generate");
        String sk = account("A").signingKeys().get(0).key();
        Nsc.Running r = t.start(nsc, "edit", "user", "-i", "U1");
        t.expect("? select the key to sign the user:").expect("2) " + sk).answer("choose 1-2 [1]", "2" + ENTER)
                .answer("max payload", "2k" + ENTER).answer("valid from", ENTER).answer("valid until", ENTER)
                .answer("add a tag", ENTER);
        t.done(r);
        assertEquals(sk, user("U1").issuer());
    }

    @Test
    void editUserCtrlCLeavesEveryFileAsItWas() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "edit", "user", "-i", "U1");
        t.answer("max payload", "5" + ENTER).answer("valid from", CTRL_C);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertEquals("Error: interrupted: nothing was changed\n", res.err());
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void editOperatorAsksGoQuestionsInItsOrder() {
        nsc.ok("add", "account", "SYS");
        Nsc.Running r = t.start(nsc, "edit", "operator", "-i");
        t.answer("? valid from [0]: ", ENTER).answer("? valid until (0 is always) [0]: ", ENTER)
                .answer("? add a tag (y/N): ", "y" + ENTER).answer("enter a tag", "prod" + ENTER)
                .answer("add another tag", ENTER)
                .answer("? account jwt server url: ", "ftp://x" + ENTER).expect("X Sorry, your reply was invalid:")
                .answer("? account jwt server url: ", "http://localhost:9090/jwt/v1" + ENTER)
                .answer("? add a service url (Y/n): ", ENTER).answer("? operator service url: ", "bogus" + ENTER)
                .expect("X Sorry, your reply was invalid:")
                .answer("? operator service url: ", "nats://localhost:4222" + ENTER)
                .answer("? add another service url (Y/n): ", "n" + ENTER)
                .answer("? Set system account (y/N): ", "y" + ENTER).expect("? select account:")
                .answer("choose 1-2", "SYS" + ENTER)
                .answer("? add a signing key (y/N): ", "y" + ENTER).answer("? path to sk nkey or nkey: ", "generate" + ENTER)
                .answer("? add another signing key (y/N): ", ENTER);
        Nsc.Result res = t.done(r);
        assertTrue(res.err().isEmpty() || !res.err().contains("Error"), res::toString);
        OperatorClaims oc = operator();
        assertEquals(List.of("prod"), oc.tags());
        assertEquals("http://localhost:9090/jwt/v1", oc.accountServerUrl());
        assertEquals(List.of("nats://localhost:4222"), oc.serviceUrls());
        assertEquals(account("SYS").subject(), oc.systemAccount());
        assertEquals(1, oc.signingKeys().size());
    }

    @Test
    void editOperatorRemovesTagsAndServiceUrlsChosenAndAsksTheSigner() {
        nsc.ok("edit", "operator", "--tag", "a,b", "--service-url", "nats://h1:4222,nats://h2:4222", "--sk", "generate");
        String sk = operator().signingKeys().get(0);
        Nsc.Running r = t.start(nsc, "edit", "operator", "-i");
        t.answer("valid from", ENTER).answer("valid until", ENTER)
                .answer("? remove tags (y/N): ", "y" + ENTER)
                .answer("? select tags to remove (comma list of 1) a, 2) b): ", "2" + ENTER)
                .answer("? add another tag (y/N): ", ENTER).answer("account jwt server url", ENTER)
                .answer("add a service url", "n" + ENTER).answer("? remove any service urls (Y/n): ", ENTER)
                .answer("select service urls to remove", "nats://h1:4222" + ENTER)
                .answer("Set system account", ENTER).answer("? add a signing key (y/N): ", ENTER)
                .expect("? select the key to use for signing:").answer("choose 1-2", "2" + ENTER);
        t.done(r);
        OperatorClaims oc = operator();
        assertEquals(List.of("a"), oc.tags());
        assertEquals(List.of("nats://h2:4222"), oc.serviceUrls());
        assertEquals(sk, oc.issuer());
    }

    @Test
    void editAccountLimitsJetStreamInfoAndTracing() {
        Nsc.Running r = t.start(nsc, "edit", "account", "-i");
        t.answer("? add a signing key (y/N): ", ENTER)
                .answer("? max connections (-1 unlimited) [-1]: ", "10" + ENTER)
                .answer("? max leaf node connections (-1 unlimited) [-1]: ", ENTER)
                .answer("? max data (-1 unlimited) [-1]: ", ENTER).answer("? max exports (-1 unlimited) [-1]: ", ENTER)
                .answer("? max imports (-1 unlimited) [-1]: ", ENTER).answer("? max payload (-1 unlimited) [-1]: ", ENTER)
                .answer("? max subscriptions (-1 unlimited) [-1]: ", "-2" + ENTER).expect("invalid")
                .answer("max subscriptions", ENTER)
                .answer("? set JetStream limits (y/N): ", "y" + ENTER)
                .answer("? edit tier (0 matches all tiers) [0]: ", "x" + ENTER).expect("expected a whole number")
                .answer("edit tier", ENTER)
                .answer("? max mem storage (-1 unlimited / 0 disabled) [0]: ", "1G" + ENTER)
                .answer("? max disk storage (-1 unlimited / 0 disabled) [0]: ", "-1" + ENTER)
                .answer("? max streams (-1 unlimited)", "5" + ENTER).answer("? max consumer (-1 unlimited)", ENTER)
                .answer("? max size for a memory stream (-1 unlimited)", ENTER)
                .answer("? max size for a disk stream (-1 unlimited)", ENTER)
                .answer("? max number of pending acks for a consumer", ENTER)
                .answer("? require max bytes when creating a stream (y/N): ", ENTER)
                .answer("valid from", ENTER).answer("valid until", ENTER).answer("add a tag", ENTER)
                .answer("? Account Description: ", "the A team" + ENTER)
                .answer("? Info url: ", "nope" + ENTER).expect("X Sorry, your reply was invalid: --info-url")
                .answer("? Info url: ", "https://a.example/info" + ENTER)
                .answer("? Enable context tracing? (y/N): ", "y" + ENTER)
                .answer("? Trace context subject?: ", "trace.*" + ENTER).expect("wildcards")
                .answer("? Trace context subject?: ", "trace.a" + ENTER)
                .answer("? Trace context sampling rate [1-100]", "50" + ENTER);
        t.done(r);
        AccountClaims ac = account("A");
        assertEquals(10, ac.limits().conn());
        assertEquals(1_000_000_000L, ac.limits().jetStream().memStorage());
        assertEquals(-1, ac.limits().jetStream().diskStorage());
        assertEquals(5, ac.limits().jetStream().streams());
        assertEquals("the A team", ac.description());
        assertEquals("https://a.example/info", ac.infoUrl());
        assertEquals("trace.a", ac.traceDestination());
        assertEquals(50, ac.traceSampling());
    }

    @Test
    void otherLetsTypeASignerWhoseSeedIsNotStoredAndNeverShowsIt() {
        dev.jnsc.nkeys.NKey sk = dev.jnsc.nkeys.NKey.generate(dev.jnsc.nkeys.KeyKind.OPERATOR);
        nsc.ok("edit", "operator", "--sk", sk.publicKey());
        String seed = new String(sk.seed());
        String stranger = new String(dev.jnsc.nkeys.NKey.generate(dev.jnsc.nkeys.KeyKind.OPERATOR).seed());
        Nsc.Running r = t.start(nsc, "edit", "account", "-i", "--description", "signed by the sk");
        t.answer("add a signing key", ENTER);
        for (String q : List.of("max connections", "max leaf node", "max data", "max exports", "max imports",
                "max payload", "max subscriptions", "set JetStream limits", "valid from", "valid until", "add a tag")) {
            t.answer(q, ENTER);
        }
        t.expect("? select the key to use for signing:").expect("2) Other...").answer("choose 1-2 [1]", "2" + ENTER)
                .answer("? path to signer operator nkey or nkey: ", stranger + ENTER).expect("cannot sign: expected one of")
                .answer("? path to signer operator nkey or nkey: ", seed + ENTER)
                .answer("Account Description [signed by the sk]", ENTER).answer("Info url", ENTER)
                .answer("Enable context tracing", ENTER);
        Nsc.Result res = t.done(r);
        assertEquals(sk.publicKey(), account("A").issuer());
        assertTrue(!t.raw().contains(seed.substring(0, 10)) && !t.raw().contains(stranger.substring(0, 10)), t::raw);
        assertTrue(!res.out().contains(seed) && !res.err().contains(seed), res::toString);
    }

    @Test
    void editAccountPicksTheAccountAndTheOperatorKeyAndCtrlCWritesNothing() {
        nsc.ok("add", "account", "B");
        nsc.ok("edit", "operator", "--sk", "generate");
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "edit", "account", "-i", "B");
        t.expect("? select account:").answer("choose 1-2 [2]", ENTER).answer("add a signing key", ENTER);
        for (String q : List.of("max connections", "max leaf node", "max data", "max exports", "max imports",
                "max payload", "max subscriptions", "set JetStream limits", "valid from", "valid until", "add a tag")) {
            t.answer(q, ENTER);
        }
        t.expect("? select the key to use for signing:").answer("choose 1-2", CTRL_C);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertEquals(before, nsc.snapshot());
    }
}
