package dev.jnsc.jwt;

/**
 * Go's {@code %q} for a string (strconv.Quote): double quotes, backslash escapes for quotes,
 * backslashes and control characters, printable Unicode kept as is. nsc prints pub's payload so.
 */
public final class GoQuote {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case 7:
                    b.append("\\a");
                    break;
                case '\b':
                    b.append("\\b");
                    break;
                case '\f':
                    b.append("\\f");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                case 11:
                    b.append("\\v");
                    break;
                default:
                    escape(b, cp);
            }
        }
        return b.append('"').toString();
    }

    private static void escape(StringBuilder b, int cp) {
        if (printable(cp)) {
            b.appendCodePoint(cp);
        } else if (cp < 0x80) {
            hex(b.append("\\x"), cp, 2);
        } else if (cp <= 0xFFFF) {
            hex(b.append("\\u"), cp, 4);
        } else {
            hex(b.append("\\U"), cp, 8);
        }
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.PRIVATE_USE:
            case Character.SURROGATE:
            case Character.UNASSIGNED:
            case Character.SPACE_SEPARATOR:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    private static void hex(StringBuilder b, int v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            b.append(HEX[(v >> shift) & 0xF]);
        }
    }
}
