package dev.jnsc.ops;

import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.store.OperatorStore;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Finds the JWT that describe shows, by name or public key, and extracts --field values. */
public final class DescribeOps {
    private DescribeOps() {
    }

    /** The named operator (or the one with that public key), else the current one. */
    public static Jwt.Decoded operator(Workspace ws, String nameOrKey) {
        if (nameOrKey != null && NKey.isValidPublicKey(nameOrKey, KeyKind.OPERATOR)) {
            for (String n : ws.stores().operatorNames()) {
                Jwt.Decoded d = ws.stores().operator(n).decodeOperator();
                if (d.claims().subject().equals(nameOrKey)) {
                    return d;
                }
            }
            throw new OpsException("no operator with public key " + nameOrKey + " in " + ws.stores().dir());
        }
        return ws.operator(nameOrKey).decodeOperator();
    }

    public static Jwt.Decoded account(Workspace ws, String nameOrKey) {
        OperatorStore op = ws.operator(null);
        if (nameOrKey != null && NKey.isValidPublicKey(nameOrKey, KeyKind.ACCOUNT)) {
            String name = op.accountNameByKey(nameOrKey);
            if (name == null) {
                throw new OpsException("no account with public key " + nameOrKey + " in operator \"" + op.name() + "\"");
            }
            return op.decodeAccount(name);
        }
        return op.decodeAccount(ws.accountName(op, nameOrKey));
    }

    public static Jwt.Decoded user(Workspace ws, String account, String nameOrKey) {
        OperatorStore op = ws.operator(null);
        String acc = ws.accountName(op, account);
        if (nameOrKey == null || nameOrKey.isBlank()) {
            List<String> users = op.userNames(acc);
            if (users.size() != 1) {
                throw new OpsException(users.isEmpty() ? "account \"" + acc + "\" has no users"
                        : "user is required: account \"" + acc + "\" has several users (" + String.join(", ", users) + ")");
            }
            return op.decodeUser(acc, users.get(0));
        }
        if (NKey.isValidPublicKey(nameOrKey, KeyKind.USER)) {
            for (String u : op.userNames(acc)) {
                Jwt.Decoded d = op.decodeUser(acc, u);
                if (d.claims().subject().equals(nameOrKey)) {
                    return d;
                }
            }
            throw new OpsException("no user with public key " + nameOrKey + " in account \"" + acc + "\"");
        }
        return op.decodeUser(acc, nameOrKey);
    }

    /** A JWT from a file holding a bare JWT, a decorated JWT or a creds file. */
    public static Jwt.Decoded file(Workspace ws, String file) {
        if (file == null || file.isBlank()) {
            throw new OpsException("file is required (-f <file>)");
        }
        Path p = ws.env().path(file);
        byte[] data = readJwtFile(p);
        Decorated.Parts parts = Decorated.parse(data);
        parts.clear();
        java.util.Arrays.fill(data, (byte) 0);
        if (parts.jwt().isEmpty()) {
            throw new OpsException("file " + p + " does not contain a JWT");
        }
        try {
            return Jwt.decode(parts.jwt());
        } catch (JwtException e) {
            throw new OpsException("file " + p + ": " + e.getMessage());
        }
    }

    /**
     * The bytes of a file to describe, or a message saying what it is instead. Only regular files
     * are opened: a fifo would block the read until something writes to it.
     */
    private static byte[] readJwtFile(Path p) {
        if (!Files.exists(p)) {
            throw new OpsException("file " + p + " does not exist" + (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                    ? " (it is a link to a missing file)" : ""));
        }
        if (Files.isDirectory(p)) {
            throw new OpsException("file " + p + " is a folder: expected a file holding a JWT, decorated JWT or creds");
        }
        if (!Files.isRegularFile(p)) {
            throw new OpsException("file " + p + " is not a regular file (a device, fifo or socket): expected a file"
                    + " holding a JWT, decorated JWT or creds");
        }
        byte[] data;
        try {
            data = Files.readAllBytes(p);
        } catch (AccessDeniedException e) {
            throw new OpsException("file " + p + " cannot be read: permission denied");
        } catch (NoSuchFileException e) {
            throw new OpsException("file " + p + " does not exist");
        } catch (IOException e) {
            throw new OpsException("file " + p + " cannot be read: " + e.getMessage());
        }
        if (data.length == 0) {
            throw new OpsException("file " + p + " is empty: expected a JWT, decorated JWT or creds");
        }
        return data;
    }

    /**
     * The value at a dotted path ("nats.limits.conn", "nats.signing_keys[0]") of the payload.
     */
    public static Object field(Map<String, Object> payload, String path) {
        Object cur = payload;
        for (String part : path.split("\\.")) {
            String key = part;
            int bracket = part.indexOf('[');
            String indexes = "";
            if (bracket >= 0) {
                key = part.substring(0, bracket);
                indexes = part.substring(bracket);
            }
            if (!key.isEmpty()) {
                if (!(cur instanceof Map) || !((Map<?, ?>) cur).containsKey(key)) {
                    throw new OpsException("field \"" + path + "\" not found: no \"" + key + "\"");
                }
                cur = ((Map<?, ?>) cur).get(key);
            }
            while (!indexes.isEmpty()) {
                int close = indexes.indexOf(']');
                if (!indexes.startsWith("[") || close < 0) {
                    throw new OpsException("field \"" + path + "\" is not a valid path (expected name[index].name)");
                }
                int idx;
                try {
                    idx = Integer.parseInt(indexes.substring(1, close));
                } catch (NumberFormatException e) {
                    throw new OpsException("field \"" + path + "\" has a non-numeric index");
                }
                if (!(cur instanceof List) || idx < 0 || idx >= ((List<?>) cur).size()) {
                    throw new OpsException("field \"" + path + "\" not found: index " + idx + " is out of range");
                }
                cur = ((List<?>) cur).get(idx);
                indexes = indexes.substring(close + 1);
            }
        }
        return cur;
    }

    /** The payload with object keys sorted at every level, as nsc prints --json. */
    public static Object sorted(Object v) {
        if (v instanceof Map) {
            Map<String, Object> out = new java.util.TreeMap<>();
            for (Map.Entry<String, Object> e : Json.asMap(v).entrySet()) {
                out.put(e.getKey(), sorted(e.getValue()));
            }
            return out;
        }
        if (v instanceof List) {
            List<Object> out = new java.util.ArrayList<>();
            for (Object o : (List<?>) v) {
                out.add(sorted(o));
            }
            return out;
        }
        return v;
    }
}
