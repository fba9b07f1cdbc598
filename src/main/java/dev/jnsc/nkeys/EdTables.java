package dev.jnsc.nkeys;

/**
 * The tables in use: the base point's, built at the second multiplication by B in this
 * process, and those of public keys, each built at its key's second verification (a list
 * verifies hundreds of JWTs signed by one operator or account key). At most
 * {@link #MAX_KEYS} keys are remembered; later ones are verified without a table.
 */
final class EdTables {
    private EdTables() {
    }

    /**
     * Multiples of a point for the comb: {@code rows[j][d - 1] = [d * 256^j]P} for j &lt; 32 and d in
     * 1..8 (256 points, about one double-and-add ladder to compute). Immutable once built.
     */
    static final class Table {
        final EdPoint[][] rows = new EdPoint[32][8];

        Table(EdPoint p) {
            EdPoint base = p;
            for (int j = 0; j < 32; j++) {
                rows[j][0] = base;
                for (int d = 1; d < 8; d++) {
                    rows[j][d] = rows[j][d - 1].add(base);
                }
                if (j < 31) {
                    // 256 * base = 32 * (8 * base)
                    base = rows[j][7].dbl().dbl().dbl().dbl().dbl();
                }
            }
        }
    }

    static final int MAX_KEYS = 64;
    private static final Object SEEN = new Object();
    private static final java.util.concurrent.ConcurrentHashMap<String, Object> KEYS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger BASE_USES =
            new java.util.concurrent.atomic.AtomicInteger();
    private static volatile Table base;
    private static volatile Niels baseNiels;

    /** The base point's table in Niels form (for secret scalars), built with {@link #base}. */
    static Niels baseNiels() {
        Niels n = baseNiels;
        if (n == null) {
            Table t = base();
            if (t == null) {
                return null;
            }
            synchronized (EdTables.class) {
                n = baseNiels;
                if (n == null) {
                    n = new Niels(t);
                    baseNiels = n;
                }
            }
        }
        return n;
    }

    static Table base() {
        Table t = base;
        if (t == null && BASE_USES.incrementAndGet() >= 2) {
            synchronized (EdTables.class) {
                t = base;
                if (t == null) {
                    t = new Table(EdPoint.Consts.B);
                    base = t;
                }
            }
        }
        return t;
    }

    /** The key's table from its second verification on; null the first time, or for a key that is not a point. */
    static Niels forKey(byte[] publicKey) {
        String id = new String(publicKey, java.nio.charset.StandardCharsets.ISO_8859_1);
        Object o = KEYS.get(id);
        if (o instanceof Niels) {
            return (Niels) o;
        }
        if (o == null) {
            if (KEYS.size() < MAX_KEYS) {
                KEYS.putIfAbsent(id, SEEN);
            }
            return null;
        }
        EdPoint p = EdPoint.decode(publicKey);
        if (p == null) {
            return null;
        }
        Niels t = new Niels(new Table(p));
        KEYS.put(id, t);
        return t;
    }
}
