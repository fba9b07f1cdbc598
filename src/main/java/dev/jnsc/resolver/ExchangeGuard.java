package dev.jnsc.resolver;

import dev.jnsc.resolver.GuardedTask.Phase;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The executor of the account server's JDK HTTP server, which keeps slow and stuck clients from
 * holding up the others.
 *
 * <p>The JDK server hands a connection to its executor as soon as the first byte of a request
 * arrives, and the executor's thread then reads the request line and headers in blocking mode: a
 * client that sends part of a request and stops keeps that thread for as long as it likes. So:
 * <ul>
 * <li>each exchange must have received its request (line, headers and the body a handler reads)
 * within {@code request} of being handed over, time spent waiting for a thread included, and must
 * have taken its response within {@code response} of the handler starting to send it; past that
 * the client is cut off;</li>
 * <li>at most {@code workers} exchanges run at a time; when more wait, the one that has waited
 * longest for its client (at least half a second) is cut off to make room; one that waited longer
 * than {@code request} is dropped.</li>
 * <li>only as many exchanges as there are cores ({@link #HOT}) run at once while they move along:
 * a thread that ends an exchange takes the next waiting one itself, without a hand-over to
 * another thread, which under load is most of the cost of a request (dozens of threads each woken
 * for one short exchange). An exchange that has been in one phase for {@link #STALL_MILLIS} (a
 * slow client, a long scan of an nsc folder) no longer counts, so the next one starts on
 * another thread, up to {@code workers}. Waiting exchanges start oldest first, or newest first
 * once the oldest has waited that long: then a complete request still gets a thread at once while
 * slow clients hold the others.</li>
 * </ul>
 * Cutting off interrupts the exchange's thread: the socket is an interruptible channel, so the
 * blocked read or write fails at once, the channel is closed and the JDK server forgets the
 * connection. A handler announces with {@link #working()} that the request is in and it is about to
 * touch files (an interrupt then would close a file channel, so none comes until {@link #sending()}).
 * Connections that have sent nothing are not handed over at all: the JDK closes them when idle
 * (after 30 s by default).
 */
final class ExchangeGuard implements Executor {
    /** How often deadlines are checked. */
    private static final long TICK_MILLIS = 100;
    /** Most exchanges waiting for a worker; beyond that the oldest is dropped. */
    private static final int MAX_WAITING = 1024;
    /** At most one summary line of cut-off clients per this many milliseconds. */
    private static final long LOG_EVERY_MILLIS = 1000;
    /** Exchanges run at once while none is held up: one per core, at least two. */
    static final int HOT = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** How long an exchange may stay in one phase before it stops counting against {@link #HOT}. */
    static final long STALL_MILLIS = 10;

    private final int workers;
    private final long requestNanos;
    private final long responseNanos;
    private final long evictAfter;
    private final long stallNanos = STALL_MILLIS * 1_000_000;
    private final String requestText;
    private final String responseText;
    private final Consumer<String> log;
    private final ThreadPoolExecutor threads;
    private final ScheduledExecutorService watchdog;
    private final List<GuardedTask> running = new ArrayList<>();
    private final Deque<GuardedTask> waiting = new ArrayDeque<>();
    /** Exchanges to drop, when a thread is free to do it. */
    private final Deque<GuardedTask> dropping = new ArrayDeque<>();
    private int live;
    private boolean closed;
    private int slowCut;
    private int evicted;
    private int dropped;
    private long lastLog;
    /** A check of held-up exchanges is scheduled (so that waiting ones start on another thread). */
    private boolean checkPending;

    ExchangeGuard(int workers, Duration request, Duration response, Consumer<String> log) {
        this.workers = workers;
        this.requestNanos = request.toNanos();
        this.responseNanos = response.toNanos();
        this.evictAfter = Math.min(Duration.ofMillis(500).toNanos(), requestNanos / 2);
        this.requestText = seconds(request);
        this.responseText = seconds(response);
        this.log = log;
        AtomicInteger n = new AtomicInteger();
        // threads beyond `workers` are only ever the ones unwinding after a cut
        this.threads = new ThreadPoolExecutor(0, 4 * workers, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new GuardedTask.Worker(r, "account-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "account-server-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Called by the JDK server's dispatcher thread: never blocks. */
    @Override
    public synchronized void execute(Runnable exchange) {
        if (closed) {
            throw new RejectedExecutionException("the account server is stopping");
        }
        long now = System.nanoTime();
        waiting.addFirst(new GuardedTask(exchange, now));
        if (waiting.size() > MAX_WAITING) {
            drop(waiting.pollLast());
        }
        schedule(now);
    }

    /**
     * The request is in; files come next, so the thread must not be interrupted from now on. A cut
     * that came too late to stop the request is undone: it arrived whole, so it is served.
     */
    void working() {
        GuardedTask t = GuardedTask.current();
        if (t == null) {
            return;
        }
        synchronized (this) {
            t.phase = Phase.WORKING;
            t.since = System.nanoTime();
            Thread.interrupted();
            if (t.cut) {
                t.cut = false;
                live++;
            }
        }
    }

    /** The response goes out now: the client has the response time to take it. */
    void sending() {
        GuardedTask t = GuardedTask.current();
        if (t == null) {
            return;
        }
        synchronized (this) {
            t.phase = Phase.SENDING;
            t.since = System.nanoTime();
        }
    }

    /**
     * The handler is done with the exchange: no cut can come any more. True when it was cut off
     * (its socket is closed), so that the handler tells the JDK server to forget the connection.
     */
    boolean done() {
        GuardedTask t = GuardedTask.current();
        if (t == null) {
            return false;
        }
        synchronized (this) {
            t.phase = Phase.DONE;
            Thread.interrupted();
            return t.cut;
        }
    }

    /** True when the exchange on this thread was cut off (its socket is closed or about to be). */
    boolean wasCut() {
        GuardedTask t = GuardedTask.current();
        synchronized (this) {
            return t != null && t.cut;
        }
    }

    /** How long a request may take to arrive, for messages: e.g. "5s". */
    String requestTime() {
        return requestText;
    }

    /** How long a response may take to be taken, for messages. */
    String responseTime() {
        return responseText;
    }

    /** Stops taking exchanges; those waiting are dropped with their connections (the server closed them). */
    void close(long graceMillis) {
        synchronized (this) {
            closed = true;
            waiting.clear();
            dropping.clear();
        }
        watchdog.shutdownNow();
        threads.shutdown();
        try {
            threads.awaitTermination(graceMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tick() {
        long now = System.nanoTime();
        String summary = null;
        synchronized (this) {
            for (GuardedTask t : running) {
                if (!t.cut && (t.phase == Phase.RECEIVING && now - t.queued > requestNanos
                        || t.phase == Phase.SENDING && now - t.since > responseNanos)) {
                    cut(t);
                    slowCut++;
                }
            }
            schedule(now);
            if (slowCut + evicted + dropped > 0 && now - lastLog >= LOG_EVERY_MILLIS * 1_000_000) {
                summary = "[WRN] cut off slow clients: " + slowCut + " past their deadline, " + evicted
                        + " to make room for others, " + dropped + " that waited too long for a thread";
                slowCut = 0;
                evicted = 0;
                dropped = 0;
                lastLog = now;
            }
        }
        if (summary != null) {
            log.accept(summary);
        }
    }

    /** Starts waiting exchanges while there is room, making room by cutting off slow clients. */
    private void schedule(long now) {
        while (!waiting.isEmpty() && now - waiting.peekLast().queued > requestNanos) {
            drop(waiting.pollLast());
        }
        while (!dropping.isEmpty()) {
            GuardedTask t = dropping.peekFirst();
            if (!start(t, now)) {
                return; // no thread free: the next tick tries again
            }
            dropping.pollFirst();
            dropped++;
        }
        while (!waiting.isEmpty()) {
            if (live < workers) {
                if (moving(now) >= HOT) {
                    checkLater();
                    return; // a thread that ends its exchange takes the next one
                }
                GuardedTask t = next(now);
                if (!start(t, now)) {
                    waiting.addFirst(t);
                    return;
                }
                live++;
                continue;
            }
            GuardedTask victim = longestWaitingForItsClient(now);
            if (victim == null) {
                return;
            }
            cut(victim);
            evicted++;
        }
    }

    /** Exchanges running that are not held up: each has been in its phase for less than the stall time. */
    private int moving(long now) {
        int n = 0;
        for (GuardedTask t : running) {
            if (!t.cut && now - t.since < stallNanos) {
                n++;
            }
        }
        return n;
    }

    /** The oldest waiting exchange, or the newest once the oldest has waited the stall time. */
    private GuardedTask next(long now) {
        return now - waiting.peekLast().queued < stallNanos ? waiting.pollLast() : waiting.pollFirst();
    }

    /** Looks again once the exchanges now running may count as held up. */
    private void checkLater() {
        if (checkPending || closed) {
            return;
        }
        checkPending = true;
        try {
            watchdog.schedule(() -> {
                synchronized (this) {
                    checkPending = false;
                    if (!closed) {
                        schedule(System.nanoTime());
                    }
                }
            }, STALL_MILLIS + 1, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            checkPending = false; // stopping
        }
    }

    private GuardedTask longestWaitingForItsClient(long now) {
        GuardedTask oldest = null;
        for (GuardedTask t : running) {
            if (!t.cut && (t.phase == Phase.RECEIVING || t.phase == Phase.SENDING) && now - t.since >= evictAfter
                    && (oldest == null || t.since < oldest.since)) {
                oldest = t;
            }
        }
        return oldest;
    }

    private void cut(GuardedTask t) {
        t.cut = true;
        live--;
        if (t.thread != null) {
            t.thread.interrupt();
        }
    }

    /**
     * Marks an exchange to be run with its thread already interrupted: its first read closes the
     * connection, which is the only way to close a connection the JDK server has handed over.
     */
    private void drop(GuardedTask t) {
        t.cut = true;
        dropping.addLast(t);
    }

    private boolean start(GuardedTask t, long now) {
        t.since = now;
        running.add(t);
        try {
            threads.execute(() -> run(t));
            return true;
        } catch (RejectedExecutionException e) {
            running.remove(t);
            return false;
        }
    }

    /** Runs an exchange, then the waiting ones this thread may take, one after the other. */
    private void run(GuardedTask first) {
        Thread me = Thread.currentThread();
        GuardedTask t = first;
        while (t != null) {
            synchronized (this) {
                t.thread = me;
                if (t.cut) {
                    me.interrupt();
                }
            }
            ((GuardedTask.Worker) me).task = t;
            boolean ended = false;
            try {
                t.exchange.run();
                ended = true;
            } finally {
                ((GuardedTask.Worker) me).task = null;
                t = finish(t, ended);
            }
        }
    }

    /** The exchange is over: its place goes to the next waiting one, on this thread when it ended normally. */
    private synchronized GuardedTask finish(GuardedTask t, boolean ended) {
        running.remove(t);
        if (!t.cut) {
            live--;
        }
        Thread.interrupted(); // no cut can reach this task any more: the thread goes back clean
        if (closed) {
            return null;
        }
        long now = System.nanoTime();
        GuardedTask next = null;
        if (ended && !dropping.isEmpty()) {
            next = dropping.pollFirst();
            dropped++;
        } else if (ended && !waiting.isEmpty() && live < workers && now - waiting.peekLast().queued <= requestNanos
                && moving(now) < HOT) {
            next = next(now);
            live++;
        }
        if (next != null) {
            next.since = now;
            running.add(next);
        }
        schedule(now);
        return next;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
