package dev.jnsc.store;

/** Entity names double as folder and file names, so they must be safe as one path element. */
public final class Names {
    private Names() {
    }

    /** Returns the trimmed name, or fails naming the entity kind, the value and the rule. */
    public static String check(String kind, String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            throw new StoreException(kind + " name is required and cannot be empty");
        }
        if (n.contains("/") || n.contains("\\")) {
            throw new StoreException(kind + " name \"" + n + "\" cannot contain '/' or '\\'");
        }
        if (n.equals(".") || n.contains("..")) {
            throw new StoreException(kind + " name \"" + n + "\" cannot be '.' or contain '..'");
        }
        for (int i = 0; i < n.length(); i++) {
            if (Character.isISOControl(n.charAt(i))) {
                throw new StoreException(kind + " name cannot contain control characters");
            }
        }
        return n;
    }
}
