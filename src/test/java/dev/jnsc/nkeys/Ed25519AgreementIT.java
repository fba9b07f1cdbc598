package dev.jnsc.nkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link Ed25519AgreementTest#agree} on 10,000 random seeds and messages, each with a random bit of
 * its signature and of its message flipped: our Ed25519, the JDK's and the eddsa library's give
 * the same keys and signatures, verify them and refuse the altered ones. About 10 ms a try (the
 * JDK's Ed25519 is the slow part), so it runs on every core, in the integration-test phase.
 */
class Ed25519AgreementIT {
    static final int TRIES = 10_000;

    @Test
    void tenThousandKeysAndMessages() {
        long seedOfRun = Long.getLong("ed25519.seed", System.nanoTime());
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        IntStream.range(0, TRIES).parallel().forEach(i -> {
            Random r = new Random(seedOfRun + i);
            byte[] seed = new byte[32];
            r.nextBytes(seed);
            byte[] message = new byte[r.nextInt(301)];
            r.nextBytes(message);
            try {
                Ed25519AgreementTest.agree(seed, message, r.nextInt(512), r.nextInt(Integer.MAX_VALUE));
                done.incrementAndGet();
            } catch (Throwable e) {
                failures.add("try " + i + " (-Ded25519.seed=" + seedOfRun + "): " + e.getMessage());
            }
        });
        assertEquals(List.of(), List.copyOf(failures));
        assertEquals(TRIES, done.get());
    }
}
