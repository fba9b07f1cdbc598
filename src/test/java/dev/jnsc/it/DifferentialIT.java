package dev.jnsc.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jnsc.testing.Differential;
import dev.jnsc.testing.Executable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same commands through target/nsc and the Go nsc 2.11.1 (JNSC_REF_NSC), compared on disk by
 * {@link Differential}. Each case lists the differences known today with the reason; a new
 * difference fails the test, and so does a listed one that no longer occurs.
 */
class DifferentialIT {
    static final Path ref = Differential.reference();

    @TempDir
    Path dir;

    /** Each case reports itself skipped, with the reason, when the reference build is not there. */
    @BeforeEach
    void reference() {
        assumeTrue(ref != null, Differential.SKIPPED);
    }

    /** Differences of the identity commands still to be matched (issue 9), shared by the cases below. */
    static Map<String, String> identityGaps() {
        Map<String, String> known = new LinkedHashMap<>();
        return known;
    }

    @Test
    void operatorAccountUserAndEdits() throws Exception {
        Differential d = new Differential(ref, Executable.path(), dir);
        d.run("add", "operator", "O");
        d.run("edit", "operator", "--service-url", "nats://localhost:4222");
        d.run("add", "account", "A");
        d.run("add", "user", "U", "--allow-pub", "b.>,a.*", "--allow-sub", "q");
        d.run("edit", "account", "A", "--conns", "10", "--sk", "generate");
        d.assertOnly(identityGaps());
    }
}
