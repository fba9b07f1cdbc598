package dev.jnsc.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one function over many items on all cores (lists decode and verify thousands of JWTs and
 * read thousands of seeds), keeping the items' order. A failure is kept with its item and thrown
 * when that item's result is taken, so callers that walk the results in order fail where the
 * sequential loop would have. Plain threads, no executor or stream machinery: nothing more to
 * load on a cold JVM.
 */
public final class Parallel {
    /** Below this many items one thread does it all: starting threads would cost more. */
    static final int MIN_ITEMS = 16;

    private Parallel() {
    }

    /** The result of one item: its value, or the exception its function threw. */
    public static final class Result<R> {
        private final R value;
        private final Throwable failure;

        private Result(R value, Throwable failure) {
            this.value = value;
            this.failure = failure;
        }

        /** The value, or the item's exception thrown again. */
        public R get() {
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure != null) {
                throw (Error) failure;
            }
            return value;
        }
    }

    /** {@code f} of each item, in the items' order, on up to {@code threads()} threads. */
    public static <T, R> List<Result<R>> map(List<T> items, Function<? super T, ? extends R> f) {
        return map(items, f, threads(items.size()));
    }

    static <T, R> List<Result<R>> map(List<T> items, Function<? super T, ? extends R> f, int threads) {
        @SuppressWarnings("unchecked")
        Result<R>[] out = new Result[items.size()];
        Worker<T, R> work = new Worker<>(items, f, out);
        List<Thread> started = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            Thread t = new Thread(work, "jnsc-parallel-" + i);
            t.setDaemon(true);
            t.start();
            started.add(t);
        }
        work.run();
        boolean interrupted = false;
        for (Thread t : started) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return java.util.Arrays.asList(out);
    }

    /** Threads worth using for {@code n} items: one per core, one when there are few items. */
    static int threads(int n) {
        if (n < MIN_ITEMS) {
            return 1;
        }
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / (MIN_ITEMS / 2)));
    }

    /** Takes the next item until none is left; shared by all threads. */
    private static final class Worker<T, R> implements Runnable {
        private final List<T> items;
        private final Function<? super T, ? extends R> f;
        private final Result<R>[] out;
        private final AtomicInteger next = new AtomicInteger();

        Worker(List<T> items, Function<? super T, ? extends R> f, Result<R>[] out) {
            this.items = items;
            this.f = f;
            this.out = out;
        }

        @Override
        public void run() {
            int i;
            while ((i = next.getAndIncrement()) < out.length) {
                R value = null;
                Throwable failure = null;
                try {
                    value = f.apply(items.get(i));
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                out[i] = new Result<>(value, failure);
            }
        }
    }
}
