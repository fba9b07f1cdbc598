package dev.jnsc.cli;

/** go-humanize's Bytes: SI units (base 1000), "512 B", "1.0 kB", "10 MB". */
final class Humanize {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private Humanize() {
    }

    static String bytes(long n) {
        if (n < 10) {
            return n + " B";
        }
        int e = (int) Math.floor(Math.log(n) / Math.log(1000));
        double val = Math.floor(n / Math.pow(1000, e) * 10 + 0.5) / 10;
        if (val < 10) {
            return String.format(java.util.Locale.ROOT, "%.1f %s", val, UNITS[e]);
        }
        return String.format(java.util.Locale.ROOT, "%.0f %s", val, UNITS[e]);
    }
}
