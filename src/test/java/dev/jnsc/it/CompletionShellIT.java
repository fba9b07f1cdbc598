package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.testing.Executable;
import dev.jnsc.testing.Nsc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script of {@code nsc completion bash}, sourced in a real bash that calls target/nsc (as
 * "nsc" on the PATH) the way bash does on a Tab: COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT
 * set, {@code __start_nsc} run, COMPREPLY read back.
 */
class CompletionShellIT {
    @TempDir
    Path home;
    private Path bin;

    @BeforeEach
    void store() throws IOException {
        Nsc nsc = new Nsc(home).tutorial();
        nsc.ok("add", "user", "V");
        nsc.ok("add", "account", "B");
        nsc.ok("add", "user", "W", "-a", "B");
        nsc.ok("edit", "account", "A", "--sk", "generate");
        String sk = nsc.ok("describe", "account", "A", "--field", "nats.signing_keys").out().replaceAll("[^A-Z0-9]", "");
        nsc.ok("edit", "signing-key", "-a", "A", "--sk", sk, "--role", "admin");
        nsc.ok("select", "account", "A");
        Files.createDirectories(home.resolve("dirs/alpha"));
        Files.createDirectories(home.resolve("dirs/alps"));
        bin = Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("nsc"), Executable.path());
    }

    /**
     * Each line is completed as typed, the cursor at its end; the result is COMPREPLY, one entry
     * per element, for each line in order.
     */
    private List<List<String>> tab(String script, String... lines) throws IOException, InterruptedException {
        StringBuilder sh = new StringBuilder("source <(nsc completion bash" + script + ") || exit 9\n");
        for (String line : lines) {
            String q = "'" + line.replace("'", "'\\''") + "'";
            sh.append("COMP_LINE=").append(q).append("; COMP_POINT=${#COMP_LINE}\n")
                    // the words as bash splits them: at spaces, and "=" on its own (COMP_WORDBREAKS)
                    .append("read -ra COMP_WORDS <<< \"${COMP_LINE//=/ = }\"\n")
                    .append("[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')\n")
                    .append("[[ $COMP_LINE == *= ]] && COMP_WORDS[${#COMP_WORDS[@]}-1]='='\n")
                    .append("COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()\n")
                    .append("__start_nsc; printf '%s\\n' \"${COMPREPLY[@]}\"; echo '-- end'\n");
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", sh.toString());
        pb.environment().putAll(Nsc.homeEnv(home));
        pb.environment().put("JNSC_CDS", "0");
        pb.environment().put("COLUMNS", "100");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.directory(home.resolve("dirs").toFile());
        Path out = home.resolve("bash.out");
        Path err = home.resolve("bash.err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bash finished");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text + Files.readString(err));
        assertEquals("", Files.readString(err), "bash printed no error");
        List<List<String>> replies = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            if (l.equals("-- end")) {
                current.remove("");
                replies.add(current);
                current = new ArrayList<>();
            } else {
                current.add(l);
            }
        }
        assertEquals(lines.length, replies.size(), text);
        return replies;
    }

    @Test
    void commandsFlagsAndStoreValues() throws Exception {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("nsc add us", List.of("user"));
        expected.put("nsc gen", List.of("generate"));
        expected.put("nsc generate cr", List.of("creds"));
        expected.put("nsc add user --allow-pubs", List.of("--allow-pubsub"));
        expected.put("nsc add user -a ", List.of("A", "B"));
        expected.put("nsc add user --account=", List.of("A", "B"));
        expected.put("nsc add user --account=B", List.of("B"));
        expected.put("nsc edit user ", List.of("U", "V"));
        expected.put("nsc describe user -a B ", List.of("W"));
        expected.put("nsc tool pub -u V", List.of("V"));
        expected.put("nsc add user X -K ", List.of("admin"));
        expected.put("nsc add user X --conn-type MQ", List.of("MQTT", "MQTT_WS"));
        expected.put("nsc add user X --conn-type STANDARD,WEBS", List.of("STANDARD,WEBSOCKET"));
        expected.put("nsc add export --response-type Ch", List.of("Chunked"));
        expected.put("nsc --data-dir al", List.of("alpha", "alps"));
        expected.put("nsc add user ", List.of());
        List<List<String>> replies = tab(" --no-descriptions", expected.keySet().toArray(new String[0]));
        int i = 0;
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            assertEquals(e.getValue(), replies.get(i++), e.getKey());
        }
    }

    @Test
    void descriptionsInAListButNotInAnInsertedValue() throws Exception {
        List<List<String>> r = tab("", "nsc list ", "nsc add us", "nsc add user -K ");
        List<String> list = r.get(0);
        assertEquals(4, list.size(), list.toString());
        assertTrue(list.get(0).matches("accounts +\\(List accounts.*\\)"), list.toString());
        assertTrue(list.stream().allMatch(s -> s.length() <= 100), "cut to the screen width: " + list);
        assertEquals(List.of("user"), r.get(1), "one candidate is inserted bare");
        assertEquals(List.of("admin"), r.get(2));
    }

    @Test
    void theOtherScriptsAreWellFormedWhereTheirShellIsHere() throws Exception {
        Executable nsc = new Executable(home);
        for (String shell : List.of("zsh", "fish", "pwsh")) {
            Path exe = which(shell);
            if (exe == null) {
                continue; // not installed here: CompletionTest checks the scripts' structure
            }
            String name = shell.equals("pwsh") ? "powershell" : shell;
            Path script = home.resolve("nsc." + name);
            Files.writeString(script, nsc.run("completion", name).out());
            List<String> check = switch (shell) {
                case "zsh" -> List.of("zsh", "-n", script.toString());
                case "fish" -> List.of("fish", "--no-execute", script.toString());
                default -> List.of("pwsh", "-NoProfile", "-Command", "$null = [scriptblock]::Create((Get-Content -Raw '"
                        + script + "'))");
            };
            Process p = new ProcessBuilder(check).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), shell + " parses the script: " + out);
        }
    }

    /** Runs a shell command line with target/nsc as "nsc" on the PATH; returns stdout (stderr must stay empty). */
    private String shell(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(Nsc.homeEnv(home));
        pb.environment().put("JNSC_CDS", "0");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.directory(home.resolve("dirs").toFile());
        Path out = home.resolve("shell.out");
        Path err = home.resolve("shell.err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(out) + Files.readString(err));
        assertEquals("", Files.readString(err));
        return Files.readString(out);
    }

    /** fish's own "complete -C" completes a command line through the script, as a Tab would. */
    @Test
    void fishCompletes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(which("fish") != null, "fish is not installed");
        String out = shell("fish", "--no-config", "-c", "nsc completion fish | source; for l in 'nsc add us' 'nsc add user -a '"
                + " 'nsc add user --account=' 'nsc add user X --conn-type STANDARD,WEBS' 'nsc edit user ' 'nsc add user X -K ';"
                + " complete -C $l; echo '-- end'; end");
        assertEquals("user\tAdd a user to an account; writes its JWT and its creds file\n-- end\n"
                + "A\nB\n-- end\n--account=A\n--account=B\n-- end\nSTANDARD,WEBSOCKET\n-- end\nU\nV\n-- end\n"
                + "admin\tscoped signing key " , out.substring(0, out.indexOf("admin\t") + 25));
    }

    /**
     * zsh's completion system needs a terminal; the script's function runs here with words and
     * CURRENT set and _describe, _files and compset standing in, printing what they were given.
     */
    @Test
    void zshOffersWhatTheCallbackAnswers() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(which("zsh") != null, "zsh is not installed");
        String out = shell("zsh", "-f", "-c", "compdef() { :; }; source <(nsc completion zsh);"
                + " _describe() { print -l -- \"${(@P)4}\"; }; _files() { print \"FILES $*\"; };"
                + " compset() { print \"COMPSET $*\"; };"
                + " words=(nsc add us); CURRENT=3; _nsc; print -- '-- end';"
                + " words=(nsc add user --account=); CURRENT=4; _nsc; print -- '-- end';"
                + " words=(nsc describe user -a B ''); CURRENT=6; _nsc; print -- '-- end';"
                + " words=(nsc --data-dir ''); CURRENT=3; _nsc; print -- '-- end';"
                + " words=(nsc describe jwt -f ''); CURRENT=5; _nsc; print -- '-- end'");
        assertEquals("user:Add a user to an account; writes its JWT and its creds file\n-- end\n"
                + "COMPSET -P *=\nA\nB\n-- end\nW\n-- end\nFILES -/\n-- end\nFILES \n-- end\n", out);
    }

    private static Path which(String name) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void bashParsesEveryScript() throws Exception {
        Executable nsc = new Executable(home);
        Path script = home.resolve("nsc.bash");
        Files.writeString(script, nsc.run("completion", "bash").out());
        Process p = new ProcessBuilder(Arrays.asList("bash", "-n", script.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }
}
