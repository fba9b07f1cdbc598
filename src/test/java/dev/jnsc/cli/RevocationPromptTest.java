package dev.jnsc.cli;

import static dev.jnsc.testing.PromptTerminal.CTRL_C;
import static dev.jnsc.testing.PromptTerminal.ENTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.PromptTerminal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** revocations add-user | delete-user | add_activation | delete_activation -i through a terminal emulation. */
class RevocationPromptTest {
    @TempDir
    Path home;
    Nsc nsc;
    PromptTerminal t;

    @BeforeEach
    void store() {
        nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "user", "-a", "A", "U");
        nsc.ok("add", "user", "-a", "A", "V");
        nsc.ok("add", "export", "-a", "A", "-s", "svc", "--service", "--private");
        nsc.ok("add", "export", "-a", "A", "-s", "feed.>", "--private");
        nsc.ok("add", "account", "B");
        t = new PromptTerminal();
    }

    @AfterEach
    void close() {
        t.close();
    }

    private AccountClaims account(String name) {
        return Jwt.decode(Nsc.read(nsc.accountJwt("O", name))).as(AccountClaims.class, "an account");
    }

    private String userKey(String user) {
        return Jwt.decode(Nsc.read(nsc.userJwt("O", "A", user))).claims().subject();
    }

    private Export export(String subject) {
        for (Export e : account("A").exports()) {
            if (e.subject().equals(subject)) {
                return e;
            }
        }
        throw new AssertionError(subject);
    }

    private static void ok(Nsc.Running r) {
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(0, res.code(), res::toString);
    }

    @Test
    void addUserByNameTakesNowWithEnter() {
        Nsc.Running r = t.start(nsc, "revocations", "add-user", "-i", "-a", "A");
        t.answer("? select account:", "").answer("choose 1-2 [1]", ENTER)
                .answer("? revoke a user by name (Y/n): ", ENTER)
                .answer("? select the user to revoke:", "").answer("choose 1-2 [1]", "2" + ENTER)
                .answer("? revoke all credentials created before (0 is now, formats are RFC3339 or #seconds since epoch)"
                        + " [0]: ", "yesterday" + ENTER).expect("X Sorry, your reply was invalid")
                .answer("[0]: ", ENTER);
        ok(r);
        assertEquals(Map.of(userKey("V"), nsc.nowSeconds()), account("A").revocations());
    }

    @Test
    void addUserByKeyOrStar() {
        Nsc.Running r = t.start(nsc, "revocations", "add_user", "-i", "-a", "A");
        t.answer("choose 1-2", ENTER).answer("revoke a user by name", "n" + ENTER)
                .answer("? user public key or '*' to match any user: ", "AXYZ" + ENTER).expect("X Sorry")
                .answer("? user public key or '*' to match any user: ", "*" + ENTER)
                .answer("revoke all credentials created before", "1700000000" + ENTER);
        ok(r);
        assertEquals(Map.of("*", 1700000000L), account("A").revocations());
    }

    @Test
    void deleteUserChoosesAmongTheRevoked() {
        nsc.ok("revocations", "add-user", "-a", "A", "-n", "U");
        nsc.ok("revocations", "add-user", "-a", "A", "-u", "*");
        Nsc.Running r = t.start(nsc, "revocations", "delete-user", "-i", "-a", "A");
        t.answer("choose 1-2", ENTER).expect("? select revoked user to clear:").expect("choose 1-2 [1]");
        assertTrue(t.screen().contains(") " + userKey("U") + ": U") && t.screen().contains(") *: All Users"), t::screen);
        int star = t.screen().contains("1) *: All Users") ? 1 : 2;
        t.type(star + ENTER);
        ok(r);
        assertEquals(Map.of(userKey("U"), nsc.nowSeconds()), account("A").revocations());
    }

    @Test
    void deleteUserWithoutRevocationsIsAnError() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "revocations", "delete-user", "-i", "-a", "A");
        t.answer("choose 1-2", ENTER);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertTrue(res.err().contains("account \"A\" has no revoked users"), res::toString);
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void addActivationAsksKindExportAndAccount() {
        String b = account("B").subject();
        Nsc.Running r = t.start(nsc, "revocations", "add-activation", "-i", "-a", "A");
        t.answer("choose 1-2", ENTER).answer("? is service (y/N): ", "y" + ENTER)
                .answer("? select service export:", "").expect("1) svc").answer("choose 1-1 [1]", ENTER)
                .answer("? target-account public key or '*' to match any target-account: ", "C" + ENTER)
                .expect("X Sorry").answer("target-account public key", "B" + ENTER)
                .answer("revoke all credentials created before", ENTER);
        ok(r);
        assertEquals(Map.of(b, nsc.nowSeconds()), export("svc").revocations());
    }

    @Test
    void deleteActivationChoosesTheRevocation() {
        String b = account("B").subject();
        nsc.ok("revocations", "add_activation", "-a", "A", "-s", "feed.>", "-t", "B");
        Nsc.Running r = t.start(nsc, "revocations", "delete_activation", "-i", "-a", "A");
        t.answer("choose 1-2", ENTER).answer("is service (y/N)", ENTER).answer("select stream export", "")
                .answer("choose 1-1", ENTER).expect("? select account revocation to delete:").expect(b + ": B")
                .answer("choose 1-1 [1]", ENTER);
        ok(r);
        assertTrue(export("feed.>").revocations().isEmpty());
    }

    @Test
    void ctrlCAtTheLastQuestionOfEachRevocationCommandChangesNothing() {
        nsc.ok("revocations", "add-user", "-a", "A", "-n", "U");
        nsc.ok("revocations", "add_activation", "-a", "A", "-s", "feed.>", "-t", "B");
        Map<String, String> before = nsc.snapshot();
        String[][] runs = {
            {"revocations", "add-user", "-i", "-a", "A", "-n", "V"},
            {"revocations", "delete-user", "-i", "-a", "A"},
            {"revocations", "delete_activation", "-i", "-a", "A"},
        };
        String[][] answers = {
            {"choose 1-2", ENTER, "revoke a user by name", ENTER, "choose 1-2 [2]", ENTER,
                "revoke all credentials created before", CTRL_C},
            {"choose 1-2", ENTER, "select revoked user to clear", "", "choose 1-1", CTRL_C},
            {"choose 1-2", ENTER, "is service", ENTER, "choose 1-1", ENTER, "select account revocation to delete", "",
                "choose 1-1", CTRL_C},
        };
        for (int i = 0; i < runs.length; i++) {
            t.close();
            t = new PromptTerminal();
            Nsc.Running r = t.start(nsc, runs[i]);
            for (int k = 0; k < answers[i].length; k += 2) {
                t.answer(answers[i][k], answers[i][k + 1]);
            }
            Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
            assertEquals(1, res.code(), res::toString);
            assertEquals("Error: interrupted: nothing was changed\n", res.err());
            assertEquals(before, nsc.snapshot(), String.join(" ", runs[i]));
        }
    }

    @Test
    void ctrlCLeavesEveryFileAsItWas() {
        Map<String, String> before = nsc.snapshot();
        Nsc.Running r = t.start(nsc, "revocations", "add-activation", "-i", "-a", "A");
        t.answer("choose 1-2", ENTER).answer("is service", ENTER).answer("choose 1-1", ENTER)
                .answer("target-account", "B" + ENTER).answer("revoke all credentials created before", CTRL_C);
        Nsc.Result res = r.result(PromptTerminal.RESULT_WAIT);
        assertEquals(1, res.code(), res::toString);
        assertEquals(before, nsc.snapshot());
    }
}
