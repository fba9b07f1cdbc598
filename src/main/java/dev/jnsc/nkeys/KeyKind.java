package dev.jnsc.nkeys;

/** The kinds of nkey, each with the prefix byte that leads its public key and its seed. */
public enum KeyKind {
    OPERATOR('O', 14 << 3, "operator"),
    ACCOUNT('A', 0, "account"),
    USER('U', 20 << 3, "user"),
    SERVER('N', 13 << 3, "server"),
    CLUSTER('C', 2 << 3, "cluster"),
    /** X25519 keys: an auth callout service encrypts for them (xkey); they never sign. */
    CURVE('X', 23 << 3, "curve");

    private final char letter;
    private final int prefix;
    private final String label;

    KeyKind(char letter, int prefix, String label) {
        this.letter = letter;
        this.prefix = prefix;
        this.label = label;
    }

    /** First character of public keys of this kind (second character of its seeds). */
    public char letter() {
        return letter;
    }

    int prefix() {
        return prefix;
    }

    /** Lower-case name as nsc prints it ("operator", "account", ...). */
    public String label() {
        return label;
    }

    /** The label with its article: "an operator", "a user". */
    public String withArticle() {
        return (label.charAt(0) == 'a' || label.charAt(0) == 'o' ? "an " : "a ") + label;
    }

    static KeyKind fromPrefix(int prefixByte) {
        for (KeyKind k : values()) {
            if (k.prefix == prefixByte) {
                return k;
            }
        }
        return null;
    }

    /** The kind whose public keys start with {@code c}, or null. */
    public static KeyKind fromLetter(char c) {
        for (KeyKind k : values()) {
            if (k.letter == c) {
                return k;
            }
        }
        return null;
    }
}
