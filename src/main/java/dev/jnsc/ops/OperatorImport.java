package dev.jnsc.ops;

import dev.jnsc.fs.Disk;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.resolver.ActivationClient;
import dev.jnsc.resolver.ResolverException;
import dev.jnsc.store.Names;
import dev.jnsc.store.OperatorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code add operator --url <source>}: an operator run by someone else, imported from its JWT. The
 * source is a JWT file (bare or decorated), an http(s) URL serving it, or the name of a well-known
 * operator (synadia, or one named by {@code NSC_<NAME>_OPERATOR=<url>}) when no such file exists, as
 * in the Go nsc. A new operator gets a managed store ({@code .nsc} says {@code "managed": true}):
 * no operator seed, and its accounts are self-signed and exchanged with its account server. An
 * operator of that name already present is replaced only with {@code --force}; its {@code .nsc}
 * and accounts stay.
 */
public final class OperatorImport {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private OperatorImport() {
    }

    /**
     * @param name the operator's name (-n or the argument), or null for the name in the JWT
     * @param source -u/--url: a file, an http(s) URL or a well-known operator name
     * @param force  --force: replace an operator of that name
     */
    public record Request(String name, String source, boolean force) {
    }

    /** A loaded operator JWT: the bare token, its claims, and whether it came over http(s). */
    record Loaded(String token, OperatorClaims claims, boolean fromUrl, String source) {
    }

    public static Report run(Workspace ws, Request req) {
        Loaded l = load(ws, req.source());
        String name = req.name() != null && !req.name().isEmpty() ? req.name()
                : l.fromUrl() ? InitOps.wellKnownName(ws, l.claims().name(), l.source()) : l.claims().name();
        Names.check("operator", name);
        Report r = new Report();
        FileChanges changes = new FileChanges();
        OperatorStore op;
        boolean created = false;
        if (ws.stores().hasOperator(name)) {
            if (!req.force()) {
                throw new OpsException("operator named " + name + " exists already: inspect it, and use --force to"
                        + " overwrite it with the imported JWT");
            }
            op = ws.stores().operator(name);
            if (Files.isRegularFile(op.operatorJwtPath())) {
                String have;
                try {
                    have = op.operator().subject();
                } catch (RuntimeException e) {
                    have = null;
                    r.warn("the operator JWT of \"" + name + "\" cannot be read (" + e.getMessage() + "), forced to"
                            + " replace it");
                }
                if (have != null && !have.equals(l.claims().subject())) {
                    r.warn("existing and new operator represent different entities, forced to continue");
                }
            }
        } else {
            requireEmpty(ws.stores().dir().resolve(name), name, ws.stores().dir());
            op = ws.stores().planned(name);
            op.stageMarker(changes, true);
            created = true;
        }
        op.stageOperator(changes, l.token());
        // as the Go nsc (SetOperator): the current account stays when the operator stays the current one
        String account = name.equals(ws.context().operator()) ? ws.context().account() : null;
        ws.select(name, account == null || account.isEmpty() ? null : account);
        ws.stageContext(changes);
        ws.commit(changes);
        if (created) {
            // the Go nsc creates the accounts folder with the store
            try {
                Disk.makeDirs(op.dir().resolve("accounts"), new java.util.ArrayList<>());
            } catch (IOException | RuntimeException e) {
                r.warn("cannot create the empty folder " + op.dir().resolve("accounts") + " (made when first needed): "
                        + e.getMessage());
            }
        }
        r.ok("imported operator \"" + name + "\"");
        r.ok("When running your own nats-server, make sure they run at least version 2.2.0");
        return r;
    }

    /** A folder that exists must be empty to become a new operator's (nsc's CreateStore). */
    private static void requireEmpty(Path dir, String name, Path stores) {
        if (!Files.exists(dir)) {
            return;
        }
        boolean empty = Files.isDirectory(dir);
        if (empty) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                empty = !ds.iterator().hasNext();
            } catch (IOException e) {
                throw new OpsException("cannot read " + dir + ": " + e.getMessage());
            }
        }
        if (!empty) {
            throw new OpsException("operator \"" + name + "\" already exists in `" + stores + "`: " + dir
                    + " is not empty and holds no operator");
        }
    }

    /** True for what the Go nsc reads as a URL: an http or https scheme. */
    static boolean isUrl(String v) {
        return ActivationTokens.isUrl(v);
    }

    /**
     * Reads and checks the operator JWT of {@code source}: a URL, else a file, else (no such file) a
     * well-known operator's URL.
     */
    static Loaded load(Workspace ws, String source) {
        if (source == null || source.isBlank()) {
            throw new OpsException("--url is empty: expected an operator JWT file, the http(s) URL of one, or a"
                    + " well-known operator name");
        }
        String src = source;
        if (!isUrl(src) && !Files.exists(ws.env().path(src))) {
            String known = InitOps.knownOperatorUrl(ws, src.trim());
            if (known != null) {
                src = known;
            } else if (!src.contains("/") && !src.contains("\\") && !src.contains(".")) {
                throw new OpsException("--url \"" + source + "\" is neither a file, an http(s) URL nor a well-known"
                        + " operator (synadia, or one set with NSC_<NAME>_OPERATOR=<url of its JWT>)");
            }
        }
        byte[] data;
        boolean fromUrl = isUrl(src);
        if (fromUrl) {
            try {
                data = new ActivationClient(TIMEOUT).fetch(src.trim(), "the operator JWT");
            } catch (ResolverException e) {
                throw new OpsException("error reading `" + src + "`" + (src.equals(source) ? "" : " (the well-known"
                        + " operator \"" + source.trim() + "\")") + ": " + e.getMessage());
            }
        } else {
            data = readFile(ws.env().path(src), src);
        }
        if (data.length > Jwt.MAX_TOKEN_BYTES) {
            throw new OpsException("`" + src + "` is larger than 1 MiB, which no operator JWT is");
        }
        Decorated.Parts parts = Decorated.parse(data);
        parts.clear();
        String token = parts.jwt() == null ? "" : parts.jwt().trim();
        if (token.isEmpty()) {
            throw new OpsException("error importing operator jwt: `" + src + "` holds no JWT");
        }
        try {
            Jwt.Decoded d = Jwt.decode(token);
            if (d.version() != 2) {
                throw new OpsException("the operator jwt (v" + d.version() + ") of `" + src + "` is incompatible with"
                        + " this version of nsc: it works with version 2 JWTs only");
            }
            return new Loaded(d.token(), d.as(OperatorClaims.class, "an operator"), fromUrl, src.trim());
        } catch (JwtException e) {
            throw new OpsException("error importing operator jwt from `" + src + "`: " + e.getMessage());
        }
    }

    private static byte[] readFile(Path p, String given) {
        if (Files.isDirectory(p)) {
            throw new OpsException("error reading `" + given + "`: " + p + " is a folder, expected an operator JWT file");
        }
        try {
            byte[] data = Disk.readIfExists(p);
            if (data == null) {
                throw new OpsException("error reading `" + given + "`: " + p + " does not exist (expected an operator"
                        + " JWT file, the http(s) URL of one, or a well-known operator name)");
            }
            return data;
        } catch (UncheckedIOException e) {
            throw new OpsException("error reading `" + given + "`: " + e.getMessage());
        }
    }
}
