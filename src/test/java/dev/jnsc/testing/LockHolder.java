package dev.jnsc.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Another process holding a lock file: {@link #hold} starts a JVM that locks the file, says
 * "locked" on stdout, and holds the lock until {@link #close}. The child uses JDK classes only,
 * so it runs from the test classes folder alone.
 */
public final class LockHolder implements AutoCloseable {
    private final Process process;

    private LockHolder(Process process) {
        this.process = process;
    }

    /** Starts the other process and returns once it holds the lock (at most 20 s). */
    public static LockHolder hold(Path lockFile) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path classes = Path.of(LockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process p = new ProcessBuilder(java.toString(), "-cp", classes.toString(), LockHolder.class.getName(),
                lockFile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return "failed: " + e;
            }
        }).get(20, TimeUnit.SECONDS);
        if (!"locked".equals(line)) {
            p.destroyForcibly();
            throw new AssertionError("the lock holder said " + line);
        }
        return new LockHolder(p);
    }

    /** Releases the lock: the other process ends when its stdin closes. */
    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * Whether another process could lock the file now: a JVM that tries the lock once, says
     * "free" or "held", and ends (releasing it).
     */
    public static boolean freeForAnotherProcess(Path lockFile) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path classes = Path.of(LockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process p = new ProcessBuilder(java.toString(), "-cp", classes.toString(), LockHolder.class.getName(),
                lockFile.toString(), "try").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (!"free".equals(line) && !"held".equals(line)) {
            throw new AssertionError("the lock tester said " + line);
        }
        return line.equals("free");
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1 && args[1].equals("try")) {
            try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                    FileLock lock = ch.tryLock()) {
                System.out.println(lock == null ? "held" : "free");
            }
            return;
        }
        try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = ch.lock()) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our stdin
            }
        }
    }
}
