package dev.jnsc.jwt;

import java.util.Comparator;

/**
 * Orders strings by their UTF-8 bytes, as Go compares strings (map keys in encoding/json, sort by
 * subject). That is code point order; Java's own compareTo orders UTF-16 units, which differs only
 * when characters above U+FFFF meet characters from U+E000 to U+FFFF.
 */
public final class Utf8Order implements Comparator<String> {
    public static final Utf8Order INSTANCE = new Utf8Order();

    private Utf8Order() {
    }

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                if (sx != Character.isSurrogate(y)) {
                    // a surrogate starts a code point above U+FFFF, after every other character
                    return sx ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
