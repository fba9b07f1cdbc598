package dev.jnsc.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private static List<Integer> upTo(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    /** Results come back in the items' order whatever order the threads finish them in. */
    @Test
    void keepsTheItemsOrder() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Parallel.Result<String>> out = Parallel.map(upTo(2000), i -> {
            threads.add(Thread.currentThread().getName());
            if (i % 7 == 0) {
                Thread.yield();
            }
            return "item " + i;
        }, 4);
        assertEquals(2000, out.size());
        for (int i = 0; i < 2000; i++) {
            assertEquals("item " + i, out.get(i).get());
        }
        assertTrue(threads.size() >= 1 && threads.size() <= 4, threads.toString());
    }

    /** A failure stays with its item and is thrown when that item is taken; the others are unaffected. */
    @Test
    void failureIsThrownAtItsItem() {
        IllegalStateException boom = new IllegalStateException("item 37 is broken");
        List<Parallel.Result<Integer>> out = Parallel.map(upTo(100), i -> {
            if (i == 37) {
                throw boom;
            }
            return i * 2;
        }, 3);
        List<Integer> seen = new ArrayList<>();
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            for (Parallel.Result<Integer> r : out) {
                seen.add(r.get());
            }
        });
        assertSame(boom, e);
        assertEquals(37, seen.size(), "the walk stops where a sequential loop would have");
        assertEquals(98, out.get(49).get());
    }

    @Test
    void errorsAreKeptToo() {
        AssertionError err = new AssertionError("bad");
        List<Parallel.Result<Integer>> out = Parallel.map(upTo(50), i -> {
            if (i == 3) {
                throw err;
            }
            return i;
        }, 2);
        assertSame(err, assertThrows(AssertionError.class, () -> out.get(3).get()));
        assertEquals(4, out.get(4).get());
    }

    /** Few items run on the calling thread: starting threads would cost more than the work. */
    @Test
    void fewItemsStayOnTheCallingThread() {
        assertEquals(1, Parallel.threads(0));
        assertEquals(1, Parallel.threads(Parallel.MIN_ITEMS - 1));
        assertTrue(Parallel.threads(10_000) >= 1);
        assertTrue(Parallel.threads(10_000) <= Runtime.getRuntime().availableProcessors());
        Thread caller = Thread.currentThread();
        List<Parallel.Result<Boolean>> out = Parallel.map(upTo(5), i -> Thread.currentThread() == caller);
        for (Parallel.Result<Boolean> r : out) {
            assertTrue(r.get());
        }
        assertEquals(List.of(), Parallel.map(List.<Integer>of(), i -> i));
    }
}
