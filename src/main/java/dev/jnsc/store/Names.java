package dev.jnsc.store;

import java.nio.charset.StandardCharsets;

/**
 * Entity names double as folder and file names, so they must be safe as one path element, and
 * visible: a name that differs from another only by an invisible character would look the same
 * in every listing.
 */
public final class Names {
    /**
     * A file name may be at most 255 bytes. The longest file an operator or account name produces
     * is the write path's temp file {@code .<name>.jwt.tmp} (9 bytes more than the name).
     */
    public static final int MAX_OPERATOR_OR_ACCOUNT_BYTES = 255 - ".".length() - ".jwt.tmp".length();
    /** For a user it is the temp file of its creds, {@code .<name>.creds.tmp} (11 bytes more). */
    public static final int MAX_USER_BYTES = 255 - ".".length() - ".creds.tmp".length();

    private Names() {
    }

    /**
     * Returns the name without leading and trailing plain spaces, or fails naming the entity kind
     * ("operator", "account" or "user"), the value and the rule.
     */
    public static String check(String kind, String name) {
        String n = name == null ? "" : stripSpaces(name);
        if (n.isEmpty()) {
            throw new StoreException(kind + " name is required and cannot be empty");
        }
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            if (isInvisible(cp)) {
                throw new StoreException(kind + " name " + quote(n) + " contains " + describe(cp)
                        + ": names become file names and may not contain control, invisible or line-breaking"
                        + " characters (plain spaces are allowed)");
            }
            i += Character.charCount(cp);
        }
        if (n.contains("/") || n.contains("\\")) {
            throw new StoreException(kind + " name " + quote(n) + " cannot contain '/' or '\\'");
        }
        if (n.equals(".") || n.contains("..")) {
            throw new StoreException(kind + " name " + quote(n) + " cannot be '.' or contain '..'");
        }
        int bytes = n.getBytes(StandardCharsets.UTF_8).length;
        boolean user = kind.equals("user");
        int max = user ? MAX_USER_BYTES : MAX_OPERATOR_OR_ACCOUNT_BYTES;
        if (bytes > max) {
            throw new StoreException(kind + " name " + quote(shorten(n)) + " is " + bytes + " bytes long (UTF-8); the limit is "
                    + max + " bytes: the file \"." + "<name>" + (user ? ".creds.tmp" : ".jwt.tmp")
                    + "\" written for it may be at most 255 bytes");
        }
        return n;
    }

    /**
     * True when {@code name} names a file or folder right inside its parent: a looked-up name such
     * as "../../B/users/X" must not reach, and delete, another entity's files.
     */
    static boolean isPathElement(String name) {
        return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }

    /** Only U+0020 is trimmed: any other leading or trailing character is part of the name, and checked. */
    private static String stripSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * Control characters (Cc), format characters (Cf: zero-width spaces and joiners, direction
     * marks and overrides, word joiner, invisible operators, BOM, soft hyphen ...), line and
     * paragraph separators, spaces other than U+0020 (no-break and typographic spaces), lone
     * surrogates, and the few letters and marks that render as nothing (Hangul fillers, the
     * combining grapheme joiner, variation selectors).
     */
    static boolean isInvisible(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
                return true;
            case Character.SPACE_SEPARATOR:
                return cp != ' ';
            default:
                break;
        }
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x180E || cp == 0x3164 || cp == 0xFFA0
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static String describe(int cp) {
        String hex = String.format("U+%04X", cp);
        String name = Character.getName(cp);
        return name == null ? hex : hex + " (" + name + ")";
    }

    /** The name in double quotes with refused characters written as escapes, so the message stays one visible line. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '"' || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (isInvisible(cp)) {
                sb.append(cp > 0xFFFF ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.append('"').toString();
    }

    private static String shorten(String s) {
        return s.codePointCount(0, s.length()) <= 40 ? s : s.substring(0, s.offsetByCodePoints(0, 32)) + "…";
    }
}
