package dev.jnsc.cli;

import static dev.jnsc.testing.PromptTerminal.CTRL_C;
import static dev.jnsc.testing.PromptTerminal.ENTER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnsc.ops.OpsException;
import dev.jnsc.testing.PromptTerminal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The questions of {@link TerminalPrompter} that the add commands do not all use (lists, secrets,
 * selects by text), on the terminal emulation: for the commands that will use them.
 */
class TerminalPrompterTest {
    private final PromptTerminal t = new PromptTerminal();
    private final TerminalPrompter p = new TerminalPrompter(t.terminal());

    @AfterEach
    void close() {
        t.close();
    }

    private <T> CompletableFuture<T> ask(Function<Prompter, T> question) {
        return CompletableFuture.supplyAsync(() -> question.apply(p));
    }

    private static <T> T answer(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void theListEditorKeepsEditsAndAddsUntilAnEmptyAnswer() throws Exception {
        Prompter.Check noSpaces = v -> {
            if (v.contains(" ")) {
                throw new OpsException("\"" + v + "\" has a space");
            }
        };
        CompletableFuture<List<String>> f = ask(q -> q.list("tag", List.of("a", "b"), noSpaces));
        t.answer("? edit tag [a]: ", ENTER).answer("? edit tag [b]: ", "c" + ENTER)
                .answer("? add tag (Enter alone when done): ", "d e" + ENTER).expect("\"d e\" has a space")
                .answer("? add tag (Enter alone when done): ", "d" + ENTER)
                .answer("? add tag (Enter alone when done): ", ENTER);
        assertEquals(List.of("a", "c", "d"), answer(f));
    }

    @Test
    void aSelectTakesTheTextOfAChoice() throws Exception {
        CompletableFuture<Integer> f = ask(q -> q.select("pick", List.of("red", "green"), 0));
        t.expect("> 1) red").expect("2) green").answer("? choose 1-2 [1]: ", "green" + ENTER);
        assertEquals(1, answer(f));
    }

    @Test
    void aSecretIsNotEchoedAndCheckedLikeAnyAnswer() throws Exception {
        CompletableFuture<char[]> f = ask(q -> q.secret("seed", v -> {
            if (!v.startsWith("SU")) {
                throw new OpsException("expected a user seed");
            }
        }));
        t.answer("? seed (not shown): ", "hunter2" + ENTER).expect("expected a user seed")
                .answer("? seed (not shown): ", "SUSECRETVALUE" + ENTER);
        assertArrayEquals("SUSECRETVALUE".toCharArray(), answer(f));
        assertFalse(t.raw().contains("hunter2") || t.raw().contains("SECRET"), t::raw);
    }

    @Test
    void ctrlCAtAnyQuestionIsAnInterruption() {
        CompletableFuture<Boolean> f = ask(q -> q.confirm("sure", false));
        t.answer("? sure (y/N): ", CTRL_C);
        Exception e = assertThrows(Exception.class, () -> answer(f));
        assertEquals(Prompter.Interrupted.class, e.getCause().getClass());
    }
}
