package dev.jnsc.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.jnsc.testing.LockHolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {
    @TempDir
    Path root;

    @Test
    void aSecondHolderWaitsAndGivesUpAtItsTimeout() throws Exception {
        Path stores = root.resolve("stores");
        Path keys = root.resolve("keys");
        try (StoreLock first = StoreLock.acquire(List.of(stores, keys), Duration.ZERO, f -> { })) {
            assertTrue(Files.exists(stores.resolve(StoreLock.FILE)));
            assertTrue(Files.exists(keys.resolve(StoreLock.FILE)));
            long t0 = System.nanoTime();
            StoreLock.Timeout e = assertThrows(StoreLock.Timeout.class,
                    () -> StoreLock.acquire(List.of(keys), Duration.ofMillis(150), f -> { }));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 150 && ms < 2000, "waited " + ms + " ms");
            assertEquals(keys.resolve(StoreLock.FILE), e.file());
            assertTrue(e.getMessage().contains(keys.resolve(StoreLock.FILE).toString()), e.getMessage());
        }
        assertFalse(Files.exists(stores), "a folder made only for the lock is removed when left empty");
        assertFalse(Files.exists(keys));
    }

    @Test
    void theLockFileStaysInAFolderThatWasThere() throws Exception {
        Path stores = Files.createDirectories(root.resolve("stores"));
        try (StoreLock l = StoreLock.acquire(List.of(stores), Duration.ZERO, f -> { })) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(stores.resolve(StoreLock.FILE))));
        }
        // deleting it could let two commands hold "the" lock: one on the deleted file, one on a new one
        try (var s = Files.list(stores)) {
            assertEquals(List.of(stores.resolve(StoreLock.FILE)), s.toList());
        }
        assertEquals(0, Files.size(stores.resolve(StoreLock.FILE)));
    }

    @Test
    void aFolderMadeForTheLockStaysWhenTheCommandWroteIntoIt() throws Exception {
        Path stores = root.resolve("new/stores");
        try (StoreLock l = StoreLock.acquire(List.of(stores), Duration.ZERO, f -> { })) {
            Files.writeString(stores.resolve("O.jwt"), "x");
        }
        assertTrue(Files.exists(stores.resolve(StoreLock.FILE)));
        assertTrue(Files.exists(stores.resolve("O.jwt")));
    }

    @Test
    void aWaiterIsToldAfterASecondAndGetsTheLockWhenItIsFree() throws Exception {
        Path stores = root.resolve("stores");
        List<Path> told = new CopyOnWriteArrayList<>();
        StoreLock first = StoreLock.acquire(List.of(stores), Duration.ZERO, f -> { });
        CountDownLatch got = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try (StoreLock second = StoreLock.acquire(List.of(stores), Duration.ofSeconds(10), told::add)) {
                got.countDown();
            } catch (StoreLock.Timeout e) {
                throw new AssertionError(e);
            }
        });
        waiter.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (told.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.sleep(10);
        }
        assertEquals(List.of(stores.resolve(StoreLock.FILE)), told, "told once, naming the lock file");
        assertEquals(1, got.getCount(), "still waiting while the lock is held");
        first.close();
        assertTrue(got.await(5, TimeUnit.SECONDS), "got the lock once it was released");
        waiter.join();
    }

    @Test
    void manyThreadsTakeTurns() throws Exception {
        Path stores = root.resolve("stores");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 6; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        try (StoreLock l = StoreLock.acquire(List.of(stores, root.resolve("keys")), Duration.ofSeconds(20), f -> { })) {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            Thread.yield();
                            inside.decrementAndGet();
                            rounds.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            th.start();
            threads.add(th);
        }
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(120, rounds.get());
        assertEquals(1, most.get(), "never two holders at once");
    }

    @Test
    void anotherProcessHoldingTheLockMakesUsWait() throws Exception {
        Path stores = Files.createDirectories(root.resolve("stores"));
        try (LockHolder other = LockHolder.hold(stores.resolve(StoreLock.FILE))) {
            StoreLock.Timeout e = assertThrows(StoreLock.Timeout.class,
                    () -> StoreLock.acquire(List.of(stores), Duration.ofMillis(300), f -> { }));
            assertEquals(stores.resolve(StoreLock.FILE), e.file());
            other.close();
            StoreLock.acquire(List.of(stores), Duration.ofSeconds(10), f -> { }).close();
        }
    }

    @Test
    void aLockNotGotReleasesThoseAlreadyHeld() throws Exception {
        Path a = root.resolve("a");
        Path b = root.resolve("b");
        try (StoreLock held = StoreLock.acquire(List.of(b), Duration.ZERO, f -> { })) {
            assertThrows(StoreLock.Timeout.class, () -> StoreLock.acquire(List.of(a, b), Duration.ofMillis(50), f -> { }));
            // "a" was locked first, then given up with the attempt
            StoreLock.acquire(List.of(a), Duration.ZERO, f -> { }).close();
        }
    }

    @Test
    void aLockFileLeftByADeadProcessIsTakenOver() throws Exception {
        Path stores = Files.createDirectories(root.resolve("stores"));
        Files.writeString(stores.resolve(StoreLock.FILE), "");
        try (StoreLock l = StoreLock.acquire(List.of(stores), Duration.ZERO, f -> { })) {
            assertTrue(Files.exists(stores.resolve(StoreLock.FILE)));
        }
    }

    @Test
    void aWaiterIsToldOnceAndOnlyAfterASecond() throws Exception {
        Path stores = root.resolve("stores");
        Path file = stores.resolve(StoreLock.FILE);
        try (StoreLock first = StoreLock.acquire(List.of(stores), Duration.ZERO, f -> { })) {
            List<Path> told = new ArrayList<>();
            assertThrows(StoreLock.Timeout.class, () -> StoreLock.acquire(List.of(stores), Duration.ofMillis(400), told::add));
            assertEquals(List.of(), told, "a short wait is not worth a word");
            assertThrows(StoreLock.Timeout.class, () -> StoreLock.acquire(List.of(stores), Duration.ofMillis(1600), told::add));
            assertEquals(List.of(file), told, "told once, however long the wait");
        }
    }

    @Test
    void anInterruptedWaiterGivesUpAndStaysInterrupted() throws Exception {
        Path stores = root.resolve("stores");
        try (StoreLock first = StoreLock.acquire(List.of(stores), Duration.ZERO, f -> { })) {
            Thread.currentThread().interrupt();
            long t0 = System.nanoTime();
            StoreLock.Timeout e;
            try {
                e = assertThrows(StoreLock.Timeout.class, () -> StoreLock.acquire(List.of(stores), Duration.ofSeconds(30), f -> { }));
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            }
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000, "gave up at once");
            assertEquals("interrupted while waiting for the lock " + stores.resolve(StoreLock.FILE), e.getMessage());
        }
        StoreLock.acquire(List.of(stores), Duration.ZERO, f -> { }).close();
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamedAndLeftAlone() throws Exception {
        Path stores = Files.writeString(root.resolve("stores"), "a file");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> StoreLock.acquire(List.of(stores), Duration.ofSeconds(5), f -> { }));
        assertEquals("cannot lock " + stores + " (" + stores.resolve(StoreLock.FILE) + "): not a directory", e.getMessage());
        assertEquals("a file", Files.readString(stores));
    }

    @Test
    void closingTwiceDoesNotReleaseALockTakenSince() throws Exception {
        Path stores = Files.createDirectories(root.resolve("stores"));
        Path file = stores.resolve(StoreLock.FILE);
        StoreLock first = StoreLock.acquire(List.of(stores), Duration.ZERO, f -> { });
        assertFalse(LockHolder.freeForAnotherProcess(file), "held against other processes");
        first.close();
        try (StoreLock second = StoreLock.acquire(List.of(stores), Duration.ZERO, f -> { })) {
            first.close();
            // a third try in this process must not so much as open the lock file (closing it would drop the lock)
            assertThrows(StoreLock.Timeout.class, () -> StoreLock.acquire(List.of(stores), Duration.ofMillis(100), f -> { }));
            assertFalse(LockHolder.freeForAnotherProcess(file), "the second holder still holds it against other processes");
        }
        assertTrue(LockHolder.freeForAnotherProcess(file));
    }

    @Test
    void aSecondCloseLeavesAloneAFolderMadeSinceWhereTheLockMadeOne() throws Exception {
        Path stores = root.resolve("new/stores");
        StoreLock lock = StoreLock.acquire(List.of(stores), Duration.ZERO, f -> { });
        lock.close();
        assertFalse(Files.exists(root.resolve("new")), "the folders made only for the lock are gone");
        Files.createDirectories(stores);
        lock.close();
        assertTrue(Files.isDirectory(stores), "a folder made by someone else since is not the lock's to remove");
    }

    /**
     * Lets the garbage collector close what nothing refers to any more: a channel of a lock file
     * left open would close then, and its close drops every lock this process holds on that file.
     */
    private static void collectGarbage() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(40);
        }
    }

    /** Holds the lock on {@code dir}, lets the garbage collector run, and tells whether another process still finds it held. */
    private static boolean heldAfterGarbageCollection(Path dir) throws Exception {
        try (StoreLock held = StoreLock.acquire(List.of(dir), Duration.ofSeconds(10), f -> { })) {
            collectGarbage();
            return !LockHolder.freeForAnotherProcess(dir.resolve(StoreLock.FILE));
        }
    }

    @Test
    void noChannelIsLeftOpenWhoseCleanupCouldDropTheLockLater() throws Exception {
        // a lock file this lock makes (opened once to make it, then again to lock it)
        assertTrue(heldAfterGarbageCollection(root.resolve("keys")));
        // a lock released and taken again
        Path stores = Files.createDirectories(root.resolve("stores"));
        StoreLock.acquire(List.of(stores), Duration.ZERO, f -> { }).close();
        assertTrue(heldAfterGarbageCollection(stores));
        // a lock tried while another process held it
        try (LockHolder other = LockHolder.hold(stores.resolve(StoreLock.FILE))) {
            assertThrows(StoreLock.Timeout.class, () -> StoreLock.acquire(List.of(stores), Duration.ofMillis(50), f -> { }));
        }
        assertTrue(heldAfterGarbageCollection(stores));
    }

    @Test
    void aWaiterSleepsBetweenTriesInsteadOfSpinning() throws Exception {
        Path stores = root.resolve("stores");
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(cpu.isCurrentThreadCpuTimeSupported());
        try (StoreLock first = StoreLock.acquire(List.of(stores), Duration.ZERO, f -> { })) {
            // warm up (class loading, compilation), then measure one wait
            assertThrows(StoreLock.Timeout.class, () -> StoreLock.acquire(List.of(stores), Duration.ofMillis(20), f -> { }));
            long t0 = cpu.getCurrentThreadCpuTime();
            assertThrows(StoreLock.Timeout.class, () -> StoreLock.acquire(List.of(stores), Duration.ofMillis(600), f -> { }));
            long ms = (cpu.getCurrentThreadCpuTime() - t0) / 1_000_000;
            assertTrue(ms < 60, "used " + ms + " ms of CPU in a 600 ms wait");
        }
    }
}
