package dev.jnsc.store;

import dev.jnsc.fs.Disk;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.JsonWriter;
import dev.jnsc.jwt.JwtException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * nsc.json: the current store root, operator and account, and the Go nsc's update-check settings
 * (written on the first write as the Go nsc does; other fields are kept when it is rewritten).
 */
public final class Context {
    private final Path file;
    private String storeRoot;
    private String operator;
    private String account;
    private final Map<String, Object> others = new LinkedHashMap<>();
    /** No nsc.json yet (or one with nothing set): the Go nsc's first run. */
    private boolean fresh = true;

    private Context(Path file) {
        this.file = file;
    }

    public static Context load(Path file) {
        Context c = new Context(file);
        byte[] data = Disk.readIfExists(file);
        if (data == null || data.length == 0) {
            return c;
        }
        Map<String, Object> m;
        try {
            m = Json.parseObject(data);
            c.storeRoot = emptyToNull(Json.str(m, "store_root"));
            c.operator = emptyToNull(Json.str(m, "operator"));
            c.account = emptyToNull(Json.str(m, "account"));
        } catch (JwtException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage());
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!e.getKey().equals("store_root") && !e.getKey().equals("operator") && !e.getKey().equals("account")) {
                c.others.put(e.getKey(), e.getValue());
            }
        }
        Object updates = m.get("github_updates");
        Object last = m.get("last_update");
        c.fresh = c.storeRoot == null && c.operator == null && c.account == null
                && (updates == null || "".equals(updates)) && (last == null || (last instanceof Number n && n.longValue() == 0));
        return c;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public Path file() {
        return file;
    }

    public String storeRoot() {
        return storeRoot;
    }

    public String operator() {
        return operator;
    }

    public String account() {
        return account;
    }

    public Context storeRoot(String v) {
        storeRoot = emptyToNull(v);
        return this;
    }

    public Context operator(String v) {
        operator = emptyToNull(v);
        return this;
    }

    public Context account(String v) {
        account = emptyToNull(v);
        return this;
    }

    /**
     * On the first write (no nsc.json yet), the Go nsc's update-check settings: its repository
     * and the time of this run as the last check, which the Go nsc writes to skip a check at once.
     */
    public Context updateCheckDefaults(long nowSeconds) {
        if (fresh && !others.containsKey("github_updates")) {
            others.put("github_updates", "nats-io/nsc");
            others.put("last_update", nowSeconds);
        }
        return this;
    }

    public byte[] toBytes() {
        JsonWriter w = JsonWriter.compact().beginObject();
        w.name("store_root").value(storeRoot == null ? "" : storeRoot);
        w.name("operator").value(operator == null ? "" : operator);
        w.name("account").value(account == null ? "" : account);
        for (Map.Entry<String, Object> e : others.entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        return w.endObject().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Plans writing this context back to nsc.json. */
    public void stage(FileChanges changes) {
        changes.write(file, toBytes());
    }
}
