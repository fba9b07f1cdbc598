package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.testing.Executable;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.StoreCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real target/nsc processes started together on one store: they serialise on the store lock, so
 * one add of a name wins and the others are told it exists, and every concurrent edit is kept.
 */
class ConcurrencyIT {
    static final int N = 8;

    @TempDir
    Path home;
    @TempDir
    Path outputs;
    Nsc nsc;
    Executable exe;

    @BeforeEach
    void store() throws Exception {
        nsc = new Nsc(home).tutorial();
        exe = new Executable(home).withSharedArchive();
    }

    /** Starts {@code n} processes at once and waits for all of them. */
    List<Executable.Result> together(int n, IntFunction<String[]> args) throws Exception {
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ps.add(exe.start(outputs.resolve(i + ".out"), outputs.resolve(i + ".err"), args.apply(i)));
        }
        List<Executable.Result> rs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rs.add(Executable.finish(ps.get(i), outputs.resolve(i + ".out"), outputs.resolve(i + ".err"),
                    String.join(" ", args.apply(i))));
        }
        return rs;
    }

    private static void exactlyOneWins(List<Executable.Result> rs, String loserMessage) {
        int won = 0;
        for (Executable.Result r : rs) {
            if (r.code() == 0) {
                won++;
            } else {
                assertEquals(1, r.code(), r.toString());
                assertTrue(r.err().contains(loserMessage), r.toString());
                assertTrue(r.err().startsWith("Error: ") || r.err().startsWith("[WARN] waiting"), r.toString());
            }
        }
        assertEquals(1, won, "exactly one of " + rs.size() + " wins: " + rs);
    }

    @Test
    void parallelAddsOfOneAccountNameHaveOneWinnerAndNoOrphanKey() throws Exception {
        exactlyOneWins(together(N, i -> new String[] {"add", "account", "X"}), "account \"X\" already exists");
        assertEquals(List.of(), StoreCheck.problems(nsc, "O"));
        assertEquals(List.of("A", "X"), accounts());
    }

    @Test
    void parallelAddsOfOneOperatorInAnEmptyHomeHaveOneWinner() throws Exception {
        Path fresh = Files.createDirectories(home.resolve("fresh"));
        Executable empty = new Executable(fresh).withSharedArchive();
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            // half of them fail (no operator yet, or the operator exists) and remove what they made for the lock
            String[] args = i % 2 == 0 ? new String[] {"add", "operator", "P"} : new String[] {"add", "account", "X"};
            ps.add(empty.start(outputs.resolve(i + ".out"), outputs.resolve(i + ".err"), args));
        }
        int operators = 0;
        for (int i = 0; i < N; i++) {
            Executable.Result r = Executable.finish(ps.get(i), outputs.resolve(i + ".out"), outputs.resolve(i + ".err"), "");
            if (i % 2 == 0 && r.code() == 0) {
                operators++;
            } else if (i % 2 == 0) {
                assertTrue(r.err().contains("operator \"P\" already exists"), r.toString());
            }
        }
        assertEquals(1, operators, "one add operator wins");
        Nsc other = new Nsc(fresh);
        assertEquals(List.of(), StoreCheck.problems(other, "P"));
    }

    @Test
    void parallelAddsOfOneUserNameHaveOneWinnerAndNoOrphanKey() throws Exception {
        exactlyOneWins(together(N, i -> new String[] {"add", "user", "x"}), "the user \"x\" already exists");
        assertEquals(List.of(), StoreCheck.problems(nsc, "O"));
        assertTrue(Files.exists(nsc.userJwt("O", "A", "x")));
    }

    @Test
    void parallelAddsOfDifferentUsersAllSucceed() throws Exception {
        for (Executable.Result r : together(N, i -> new String[] {"add", "user", "u" + i})) {
            assertEquals(0, r.code(), r.toString());
        }
        assertEquals(List.of(), StoreCheck.problems(nsc, "O"));
        for (int i = 0; i < N; i++) {
            assertTrue(Files.exists(nsc.userJwt("O", "A", "u" + i)));
        }
    }

    @Test
    void parallelUserEditsAreAllKept() throws Exception {
        for (Executable.Result r : together(N, i -> new String[] {"edit", "user", "U", "--allow-pub", "p" + i})) {
            assertEquals(0, r.code(), r.toString());
        }
        UserClaims uc = Jwt.decode(Nsc.read(nsc.userJwt("O", "A", "U")).trim()).as(UserClaims.class, "a user");
        TreeSet<String> expected = new TreeSet<>();
        for (int i = 0; i < N; i++) {
            expected.add("p" + i);
        }
        assertEquals(expected, new TreeSet<>(uc.permissions().permissions().pub().allow()));
        assertEquals(List.of(), StoreCheck.problems(nsc, "O"), "the creds file holds the last JWT");
    }

    @Test
    void parallelAccountTagEditsAreAllKept() throws Exception {
        for (Executable.Result r : together(N, i -> new String[] {"edit", "account", "A", "--tag", "t" + i})) {
            assertEquals(0, r.code(), r.toString());
        }
        AccountClaims ac = Jwt.decode(Nsc.read(nsc.accountJwt("O", "A")).trim()).as(AccountClaims.class, "an account");
        TreeSet<String> expected = new TreeSet<>();
        for (int i = 0; i < N; i++) {
            expected.add("t" + i);
        }
        assertEquals(expected, new TreeSet<>(ac.tags()));
    }

    private List<String> accounts() throws Exception {
        try (var s = Files.list(nsc.stores().resolve("O/accounts"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
