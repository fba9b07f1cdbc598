package dev.jnsc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.fs.Journal;
import dev.jnsc.testing.Executable;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.StoreCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills target/nsc (SIGKILL) at random moments of add, edit and delete commands, many times, and
 * after each kill lets the next command recover: then every user in the store has its seed and a
 * creds file with its current JWT, no seed or creds file is orphaned, and no temp or journal file
 * is left.
 */
class CrashIT {
    static final int KILLS = 150;

    @TempDir
    Path home;
    @TempDir
    Path outputs;

    @Test
    void killedCommandsLeaveAWholeStore() throws Exception {
        Nsc nsc = new Nsc(home).tutorial();
        Executable exe = new Executable(home).withSharedArchive();
        Random rnd = new Random(Long.getLong("crash.seed", System.nanoTime()));
        long seedUsed = rnd.nextLong();
        rnd.setSeed(seedUsed);
        long runMillis = calibrate(exe);
        int bigs = 0;
        int killed = 0;
        int killedInCommit = 0;
        int finished = 0;
        int undone = 0;
        int rolledForward = 0;
        List<String> accounts = new ArrayList<>(List.of("A"));
        for (int k = 0; k < KILLS; k++) {
            if (!accounts.contains("big") && bigs < 4 && k % 10 == 0) {
                // an account with many users, so that deleting it is one long commit
                bigs++;
                nsc.ok("add", "account", "big");
                for (int i = 0; i < 40; i++) {
                    nsc.ok("add", "user", "-a", "big", "b" + i);
                }
                refresh(nsc, accounts);
            }
            String[] cmd = pick(rnd, nsc, accounts, k);
            Path out = outputs.resolve("out");
            Path err = outputs.resolve("err");
            long t0 = System.nanoTime();
            Process p = exe.start(out, err, cmd);
            // anywhere from start-up to the end, and more often near the end, where the commit is
            long delay = (long) (runMillis * (rnd.nextInt(3) == 0 ? 0.3 + rnd.nextDouble() : 0.8 + 0.4 * rnd.nextDouble()));
            boolean ended = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!ended) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                killed++;
                if (Files.exists(nsc.stores().resolve(Journal.FILE))) {
                    killedInCommit++;
                }
            } else {
                finished++;
                // keep the kill times in step with how long commands take now (load, the archive)
                runMillis = (4 * runMillis + (System.nanoTime() - t0) / 1_000_000) / 5;
                assertTrue(p.exitValue() == 0 || Files.readString(err).startsWith("Error: "),
                        () -> Arrays.toString(cmd) + " failed unexpectedly: " + read(err));
            }
            String context = "seed " + seedUsed + ", kill " + k + " after " + (System.nanoTime() - t0) / 1_000_000
                    + " ms of " + String.join(" ", cmd);
            // the next command that writes finishes or undoes what was interrupted
            String recovered = nsc.ok("select", "operator", "O").err();
            if (recovered.contains("[WARN] undid")) {
                undone++;
            } else if (recovered.contains("[WARN] finished")) {
                rolledForward++;
            }
            assertEquals(List.of(), StoreCheck.problems(nsc, "O"), context);
            refresh(nsc, accounts);
        }
        System.out.printf("%d commands: %d killed (%d of them inside the commit, between journal and its removal: "
                + "%d undone, %d finished by the next command), %d ran to their end before the kill%n", KILLS, killed,
                killedInCommit, undone, rolledForward, finished);
        assertEquals(killedInCommit, undone + rolledForward, "every interrupted commit was recovered");
        assertTrue(killed > KILLS / 4, "most kills land while the command runs: " + killed);
    }

    /** How long a command takes here, so that kills land from its start-up to its end. */
    private static long calibrate(Executable exe) throws Exception {
        long[] t = new long[5];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            Executable.Result r = exe.run("edit", "account", "A", "--tag", "calibrate" + i);
            assertEquals(0, r.code(), r.toString());
            t[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(t);
        return t[2];
    }

    private static String[] pick(Random rnd, Nsc nsc, List<String> accounts, int k) throws Exception {
        String acc = accounts.get(rnd.nextInt(accounts.size()));
        List<String> users = users(nsc, acc);
        switch (rnd.nextInt(8)) {
            case 0:
            case 1:
                return new String[] {"add", "user", "-a", acc, "u" + k};
            case 2:
                if (!users.isEmpty()) {
                    return new String[] {"edit", "user", "-a", acc, users.get(rnd.nextInt(users.size())), "--allow-pub", "s" + k};
                }
                return new String[] {"add", "user", "-a", acc, "u" + k};
            case 3:
                if (!users.isEmpty()) {
                    return new String[] {"delete", "user", "-a", acc, "-n", users.get(rnd.nextInt(users.size())), "-C", "-D"};
                }
                return new String[] {"add", "account", "c" + k};
            case 4:
                return new String[] {"add", "account", "c" + k};
            case 5:
                return new String[] {"edit", "account", acc, "--tag", "t" + k};
            case 6:
                if (accounts.contains("big")) {
                    return new String[] {"delete", "account", "big", "-C", "-D"};
                }
                return new String[] {"add", "account", "c" + k};
            default:
                if (!acc.equals("A")) {
                    return new String[] {"delete", "account", acc, "-C", "-D"};
                }
                return new String[] {"add", "user", "-a", acc, "u" + k};
        }
    }

    private static List<String> users(Nsc nsc, String acc) throws Exception {
        Path dir = nsc.accountJwt("O", acc).resolveSibling("users");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jwt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
    }

    private static void refresh(Nsc nsc, List<String> accounts) throws Exception {
        accounts.clear();
        try (var s = Files.list(nsc.stores().resolve("O/accounts"))) {
            s.map(p -> p.getFileName().toString()).sorted().forEach(accounts::add);
        }
    }

    private static String read(Path p) {
        return Nsc.read(p);
    }
}
