package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Pty;
import dev.jnsc.testing.Nsc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * add import -i in the built executable on a real pseudo terminal (util-linux script): the
 * launcher sees a terminal, the questions are asked on it, answers typed ahead are read one per
 * question, and a private export of another account gets its activation made on the spot.
 */
class ImportPromptPtyIT {
    @TempDir
    Path home;

    @Test
    void addImportOfALocalPrivateExportOnAPseudoTerminal() throws Exception {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "export", "-a", "A", "-s", "priv.>", "--private");
        nsc.ok("add", "account", "B");
        // account B (2), pick a local export (Enter), the only one (Enter), name (Enter), a local subject, no tracing
        Pty.Result res = Pty.run(home, "add import -i", "2\n\n\n\nmy.priv.>\n\n");
        String screen = res.screen();
        assertEquals(0, res.code(), screen);
        assertTrue(screen.contains("? pick from locally available exports (Y/n)"), screen);
        assertTrue(screen.contains("1) A -> priv.> [!]"), screen);
        assertTrue(screen.contains("[ OK ] added stream import \"priv.>\""), screen);
        AccountClaims b = Jwt.decode(Nsc.read(nsc.accountJwt("O", "B"))).as(AccountClaims.class, "an account");
        Import im = b.imports().get(0);
        assertEquals("priv.>", im.subject());
        assertEquals("my.priv.>", im.localSubject());
        assertFalse(im.token() == null || im.token().isEmpty(), "the activation made for it");
    }
}
