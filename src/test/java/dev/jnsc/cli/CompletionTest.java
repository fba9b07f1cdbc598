package dev.jnsc.cli;

import static dev.jnsc.testing.Checks.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Nsc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hidden {@code __complete} callback of the shell scripts (candidates from the command tree and
 * the store, then ":directive"), and {@code nsc completion <shell>} itself.
 */
class CompletionTest {
    @TempDir
    Path home;
    Nsc nsc;

    @BeforeEach
    void store() {
        nsc = new Nsc(home).tutorial();
        nsc.ok("add", "user", "V");
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "W", "-a", "B");
        nsc.ok("edit", "account", "A", "--sk", "generate");
        String sk = nsc.ok("describe", "account", "A", "--field", "nats.signing_keys").out().replaceAll("[^A-Z0-9]", "");
        nsc.ok("edit", "signing-key", "-a", "A", "--sk", sk, "--role", "admin");
        nsc.ok("select", "account", "A");
    }

    /** The candidate values (descriptions cut off) and, last, ":directive". */
    private List<String> complete(String... words) {
        String[] args = new String[words.length + 1];
        args[0] = "__completeNoDesc";
        System.arraycopy(words, 0, args, 1, words.length);
        Nsc.Result r = nsc.run(args);
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err(), r.toString());
        return Arrays.asList(r.out().split("\n"));
    }

    private static List<String> with(String directive, String... values) {
        List<String> l = new ArrayList<>(List.of(values));
        l.add(":" + directive);
        return l;
    }

    @Test
    void commandsOfTheRootAndOfAGroupWithoutHiddenOnes() {
        List<String> root = complete("");
        assertTrue(root.containsAll(List.of("add", "completion", "describe", "edit", "tool", "validate")), root.toString());
        assertFalse(root.contains("pub"), "the top-level pub is hidden, as in the Go nsc: " + root);
        assertEquals(":4", root.get(root.size() - 1));
        assertEquals(with("4", "account", "export", "import", "mapping", "operator", "user"), complete("add", ""));
        assertEquals(with("4", "user"), complete("add", "us"));
        assertEquals(with("4", "users"), complete("list", "us"));
        assertEquals(with("4", "create"), complete("cr"), "an alias completes when no name matches");
        assertEquals(with("4", "bash", "fish", "powershell", "zsh"), complete("completion", ""));
        assertEquals(with("4"), complete("nosuch", ""));
    }

    @Test
    void descriptionsFollowATabUnlessNoDesc() {
        Nsc.Result r = nsc.ok("__complete", "add", "us");
        assertEquals("user\tAdd a user to an account; writes its JWT and its creds file\n:4\n", r.out());
        assertEquals("-a\taccount name\n:4\n", nsc.ok("__complete", "add", "user", "-a").out());
    }

    @Test
    void flagsLongAndShort() {
        List<String> dash = complete("add", "user", "-");
        assertTrue(dash.containsAll(List.of("--account", "-a", "--name", "-n", "--conn-type", "-K", "--private-key",
                "--config-dir", "-h")), dash.toString());
        assertTrue(dash.indexOf("--tag") < dash.indexOf("-a"), "long names first, as cobra lists them: " + dash);
        List<String> dashDash = complete("add", "user", "--");
        assertTrue(dashDash.stream().allMatch(s -> s.startsWith("--") || s.startsWith(":")), dashDash.toString());
        assertEquals(with("4", "--allow-pub", "--allow-pub-response", "--allow-pubsub"),
                complete("add", "user", "--allow-p"));
        assertFalse(complete("add", "user", "-a", "A", "--").contains("--account"), "a single-value flag given once is done");
        assertTrue(complete("add", "user", "--tag", "x", "--").contains("--tag"), "a list flag repeats");
        List<String> group = complete("add", "--");
        assertTrue(group.containsAll(List.of("--config-dir", "--data-dir", "--private-key")), group.toString());
        assertFalse(complete("add", "export", "--").contains("--advertise"), "hidden flags stay hidden");
    }

    @Test
    void namesFromTheStore() {
        assertEquals(with("4", "A", "B"), complete("add", "user", "-a", ""));
        assertEquals(with("4", "A", "B"), complete("add", "user", "--account="));
        assertEquals(with("4", "B"), complete("add", "user", "--account=B"));
        assertEquals(with("4", "O"), complete("env", "-o", ""));
        assertEquals(with("4", "O"), complete("describe", "operator", ""));
        assertEquals(with("4", "A", "B"), complete("select", "account", ""));
        assertEquals(with("4", "A", "B"), complete("edit", "account", "-n", ""));
        assertEquals(with("4", "A", "B"), complete("edit", "authcallout", ""));
        assertEquals(with("4", "A", "B"), complete("add", "import", "--src-account", ""));
        assertEquals(with("4", "A", "B"), complete("generate", "activation", "--target-account", ""));
    }

    @Test
    void usersOfTheChosenOrTheCurrentAccount() {
        assertEquals(with("4", "U", "V"), complete("edit", "user", ""));
        assertEquals(with("4", "U", "V"), complete("describe", "user", "-n", ""));
        assertEquals(with("4", "W"), complete("describe", "user", "-a", "B", "-n", ""));
        assertEquals(with("4", "W"), complete("delete", "user", "--account=B", ""));
        assertEquals(with("4", "V"), complete("generate", "creds", "-n", "V"));
        assertEquals(with("4", "U", "V"), complete("tool", "pub", "-u", ""));
        assertEquals(with("4", "W"), complete("revocations", "add-user", "-a", "B", "-n", ""));
    }

    @Test
    void newNamesAndFreeValuesOfferNothing() {
        assertEquals(with("4"), complete("add", "user", ""));
        assertEquals(with("4"), complete("add", "account", "-n", ""));
        assertEquals(with("4"), complete("add", "user", "--allow-pub", ""));
        assertEquals(with("4"), complete("load", "--user", ""));
    }

    @Test
    void rolesForMinusK() {
        assertEquals(with("0", "admin"), complete("add", "user", "-K", ""));
        assertEquals(with("0", "admin"), complete("edit", "user", "U", "--private-key", "a"));
        assertEquals(with("0"), complete("add", "user", "-a", "B", "-K", ""), "B has no scoped keys: files may follow");
        Nsc.Result r = nsc.ok("__complete", "add", "user", "-K", "");
        assertTrue(r.out().startsWith("admin\tscoped signing key A"), r.out());
    }

    @Test
    void fixedValues() {
        assertEquals(with("4", "STANDARD,WEBSOCKET"), complete("add", "user", "--conn-type", "STANDARD,W"));
        assertEquals(with("4", "LEAFNODE", "LEAFNODE_WS"), complete("edit", "user", "--rm-conn-type", "leaf"));
        assertEquals(with("4", "Singleton", "Stream", "Chunked"), complete("add", "export", "--response-type", ""));
        assertEquals(with("4", "Singleton", "Stream"), complete("edit", "export", "--response-type=s"));
    }

    @Test
    void subjectsOfExportsImportsAndMappings() {
        nsc.ok("add", "export", "-a", "B", "-s", "svc.>", "--service");
        nsc.ok("add", "export", "-a", "B", "-s", "priv.>", "--private");
        nsc.ok("add", "import", "-a", "A", "--src-account", "B", "--remote-subject", "svc.>", "--service");
        nsc.ok("add", "mapping", "-a", "A", "-f", "q", "-t", "r");
        assertEquals(with("4", "priv.>", "svc.>"), complete("edit", "export", "-a", "B", "-s", ""));
        assertEquals(with("4", "svc.>"), complete("delete", "export", "-a", "B", "--subject", "sv"));
        assertEquals(with("4", "priv.>"), complete("generate", "activation", "-a", "B", "-s", "p"));
        assertEquals(with("4", "svc.>"), complete("delete", "import", "-s", ""));
        assertEquals(with("4", "q"), complete("delete", "mapping", "--from", ""));
        assertEquals(with("4"), complete("add", "export", "-s", ""), "a new subject: nothing to offer");
    }

    @Test
    void filesAndDirectories() {
        assertEquals(with("16"), complete("--data-dir", ""));
        assertEquals(with("16"), complete("export", "keys", "--dir", ""));
        assertEquals(with("0"), complete("describe", "jwt", "-f", ""));
        assertEquals(with("0"), complete("generate", "creds", "-o", ""));
    }

    @Test
    void theDirsOnTheLineChooseTheStore() throws Exception {
        Nsc other = new Nsc(home.resolve("other"));
        other.ok("add", "operator", "P");
        other.ok("add", "account", "X");
        assertEquals(with("4", "X"), complete("--data-dir", other.stores().toString(), "describe", "account", ""));
        assertEquals(with("4", "X"), complete("describe", "account", "--data-dir", other.stores().toString(), ""));
        // dirs before the callback word count too (the Go nsc's scripts leave them there; so do the tests' harnesses)
        assertEquals("X\n:4\n", nsc.ok("--data-dir", other.stores().toString(), "__completeNoDesc", "describe", "account", "")
                .out());
    }

    @Test
    void noStoreIsNoCandidatesAndNoNoise() throws Exception {
        Nsc empty = new Nsc(Files.createDirectories(home.resolve("empty")));
        Map<String, String> before = empty.snapshot();
        Nsc.Result r = empty.run("__complete", "add", "user", "-a", "");
        assertEquals(0, r.code());
        assertEquals(":1\n", r.out(), "an error directive: the shell offers nothing");
        assertEquals("", r.err());
        assertEquals(before, empty.snapshot(), "completing writes nothing");
    }

    @Test
    void completingChangesNothing() {
        Map<String, String> before = nsc.snapshot();
        complete("add", "user", "-a", "");
        complete("edit", "user", "-K", "");
        complete("");
        assertEquals(before, nsc.snapshot());
    }

    @Test
    void scriptsCallBackTheirDescriptionsOrNot() {
        String bash = nsc.ok("completion", "bash").out();
        assertTrue(bash.contains("__start_nsc()") && bash.contains("complete -o default -F __start_nsc nsc"), bash);
        assertTrue(bash.contains(" __complete \"${args[@]}\""), bash);
        assertTrue(nsc.ok("completion", "bash", "--no-descriptions").out().contains(" __completeNoDesc \"${args[@]}\""));
        String zsh = nsc.ok("completion", "zsh").out();
        assertTrue(zsh.startsWith("#compdef nsc\n") && zsh.contains("compdef _nsc nsc") && zsh.contains(" __complete "), zsh);
        String fish = nsc.ok("completion", "fish").out();
        assertTrue(fish.contains("complete -c nsc -f -a '(__nsc_perform_completion)'") && fish.contains(" __complete "));
        String ps = nsc.ok("completion", "powershell", "--no-descriptions").out();
        assertTrue(ps.contains("Register-ArgumentCompleter -CommandName 'nsc' -Native") && ps.contains(" __completeNoDesc "));
    }

    @Test
    void completionRefusals() {
        Nsc.Result tcsh = nsc.run("completion", "tcsh");
        assertEquals(1, tcsh.code(), tcsh::toString);
        assertTrue(tcsh.err().startsWith("Error: unknown command \"tcsh\" for \"nsc completion\"\n"), tcsh::toString);
        Nsc.Result r = nsc.run("completion", "bash", "extra");
        assertEquals(2, r.code(), r.toString());
        assertTrue(nsc.ok("completion").out().contains("powershell"), "the group alone prints its help");
        assertTrue(nsc.ok("completion", "bash", "--help").out().contains("source <(nsc completion bash)"));
    }
}
