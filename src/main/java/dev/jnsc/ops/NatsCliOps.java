package dev.jnsc.ops;

import dev.jnsc.jwt.JsonWriter;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.store.OperatorStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code generate context}: a natscli context file for a stored user, in the folder where natscli
 * keeps them ({@code $XDG_CONFIG_HOME/nats/context}, else {@code ~/.config/nats/context}), with the
 * fields the Go nsc writes: {@code nsc} (the user's nsc URL), {@code url} (the operator's first
 * service URL) and {@code creds} (the user's creds file in the keystore).
 */
public final class NatsCliOps {
    private NatsCliOps() {
    }

    public record ContextRequest(String account, String user, String context) {
    }

    /** The file to write and what goes in it. */
    public record ContextFile(Path path, byte[] content) {
    }

    /** The folder natscli reads its contexts from, as the Go nsc computes it. */
    public static Path contextDir(Workspace ws) {
        String xdg = ws.env().get("XDG_CONFIG_HOME");
        Path config = xdg != null ? Path.of(xdg) : ws.env().home().resolve(".config");
        return config.resolve("nats").resolve("context");
    }

    public static ContextFile context(Workspace ws, ContextRequest req) {
        OperatorStore op = ws.operator(null);
        String account = ws.accountName(op, req.account());
        String user = req.user();
        if (user == null || user.isEmpty()) {
            List<String> users = op.userNames(account);
            if (users.isEmpty()) {
                throw new OpsException("account \"" + account + "\" has no users");
            }
            if (users.size() == 1) {
                user = users.get(0);
            }
        }
        String name = req.context();
        if (name == null || name.isEmpty()) {
            throw new OpsException("context name is required (--context)");
        }
        if (name.contains("/") || name.contains("\\")) {
            throw new OpsException("context name cannot contain filepath separators: \"" + name + "\"");
        }
        if (name.equals(".") || name.equals("..") || name.equals(".json")) {
            throw new OpsException("context name \"" + name + "\" is not a file name");
        }
        if (user == null) {
            throw new OpsException("user is required (-u/--user): account \"" + account + "\" has several users");
        }
        if (!op.hasUser(account, user)) {
            throw new OpsException("user \"" + user + "\" not found in \"" + account + "\"");
        }
        Path creds = ws.keystore().credsPath(op.name(), account, user);
        if (!Files.isRegularFile(creds)) {
            throw new OpsException("creds file \"" + creds + "\" - doesn't exist - nsc generate creds first");
        }
        OperatorClaims oc = op.operator();
        String url = oc.serviceUrls().isEmpty() ? "" : oc.serviceUrls().get(0);
        Path file = contextDir(ws).resolve(name.endsWith(".json") ? name : name + ".json");
        if (Files.exists(file)) {
            throw new OpsException("nats cli context file \"" + file + "\" already exists - remove it or choose another "
                    + "--context");
        }
        String json = JsonWriter.compact().beginObject()
                .field("nsc", "nsc://" + op.name() + "/" + account + "/" + user)
                .field("url", url)
                .field("creds", creds.toString())
                .endObject().toString();
        return new ContextFile(file, json.getBytes(StandardCharsets.UTF_8));
    }
}
