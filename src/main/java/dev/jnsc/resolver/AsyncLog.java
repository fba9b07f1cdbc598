package dev.jnsc.resolver;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The account server's log: whole lines, taken from any thread without waiting for the output,
 * and written by one thread in batches with one flush each, at most {@link #PAUSE_MILLIS} after
 * they came. A request thread only puts its line in a queue; when the output cannot keep up and
 * the queue is full, lines are dropped and counted, and the count is written as soon as there is
 * room. {@link #close()} writes what is queued.
 */
public final class AsyncLog implements Consumer<String>, AutoCloseable {
    /** Lines the queue holds; about 100 bytes each. */
    static final int CAPACITY = 1 << 16;
    /** How long the writer rests when it found nothing to write. */
    static final long PAUSE_MILLIS = 10;

    private final PrintWriter out;
    private final BlockingQueue<String> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    public AsyncLog(PrintWriter out) {
        this(out, CAPACITY);
    }

    AsyncLog(PrintWriter out, int capacity) {
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::writeLoop, "account-server-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void accept(String line) {
        if (closed) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
            return;
        }
        if (!queue.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    /** Lines dropped so far because the queue was full (reported in the log too). */
    long dropped() {
        return dropped.get();
    }

    private void writeLoop() {
        List<String> batch = new ArrayList<>(256);
        try {
            while (!closed || !queue.isEmpty()) {
                queue.drainTo(batch, 4096);
                if (batch.isEmpty()) {
                    // no wait on the queue: a waiting writer would be woken by nearly every line,
                    // a thread switch per request on a busy server; lines wait this long at most
                    Thread.sleep(PAUSE_MILLIS);
                    continue;
                }
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            // closing: close() writes the rest
        }
    }

    private void write(List<String> batch) {
        synchronized (out) {
            for (String line : batch) {
                out.println(line);
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                out.println("[WRN] " + lost + " log line(s) dropped: the log output could not keep up");
            }
            out.flush();
        }
    }

    /** Writes what is queued (waiting at most two seconds for the writer) and writes later lines at once. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.interrupt();
        List<String> rest = new ArrayList<>();
        queue.drainTo(rest);
        write(rest);
    }
}
