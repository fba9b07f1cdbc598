package dev.jnsc.resolver;

/**
 * One exchange under {@link ExchangeGuard}, from the moment the JDK hands it over (when its first
 * byte has arrived): its phase, since when, the thread running it, and whether it was cut off.
 * Guarded by the ExchangeGuard's lock.
 */
final class GuardedTask {
    enum Phase { RECEIVING, WORKING, SENDING, DONE }

    final Runnable exchange;
    final long queued;
    long since;
    Phase phase = Phase.RECEIVING;
    Thread thread;
    boolean cut;

    GuardedTask(Runnable exchange, long now) {
        this.exchange = exchange;
        this.queued = now;
    }

    /** A thread of the guard, with the exchange it runs (a field: a ThreadLocal allocated per exchange). */
    static final class Worker extends Thread {
        GuardedTask task;

        Worker(Runnable r, String name) {
            super(r, name);
        }
    }

    /** The exchange on this thread, or null on a thread of someone else's. */
    static GuardedTask current() {
        Thread me = Thread.currentThread();
        return me instanceof Worker ? ((Worker) me).task : null;
    }
}
