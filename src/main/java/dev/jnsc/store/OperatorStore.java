package dev.jnsc.store;

import dev.jnsc.fs.Disk;
import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One operator's folder: {@code .nsc}, {@code <Op>.jwt}, {@code accounts/<A>/<A>.jwt},
 * {@code accounts/<A>/users/<U>.jwt}. Reads decode and verify; writes are staged into a
 * {@link FileChanges} and happen when the command commits.
 */
public final class OperatorStore {
    private final Path dir;
    private final String name;

    OperatorStore(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return name;
    }

    public Path operatorJwtPath() {
        return dir.resolve(name + ".jwt");
    }

    public Path accountDir(String account) {
        return dir.resolve("accounts").resolve(account);
    }

    public Path accountJwtPath(String account) {
        return accountDir(account).resolve(account + ".jwt");
    }

    public Path userJwtPath(String account, String user) {
        return accountDir(account).resolve("users").resolve(user + ".jwt");
    }

    public Jwt.Decoded decodeOperator() {
        return read(operatorJwtPath(), "operator \"" + name + "\"");
    }

    public OperatorClaims operator() {
        return decodeOperator().as(OperatorClaims.class, "an operator");
    }

    public List<String> accountNames() {
        return Stores.subfolders(dir.resolve("accounts"), false);
    }

    public boolean hasAccount(String account) {
        return Names.isPathElement(account) && Files.isRegularFile(accountJwtPath(account));
    }

    public Jwt.Decoded decodeAccount(String account) {
        requireAccount(account);
        return read(accountJwtPath(account), "account \"" + account + "\"");
    }

    public AccountClaims account(String account) {
        return decodeAccount(account).as(AccountClaims.class, "an account");
    }

    public void requireAccount(String account) {
        if (!hasAccount(account)) {
            throw new StoreException("account \"" + account + "\" does not exist in operator \"" + name + "\"");
        }
    }

    public List<String> userNames(String account) {
        Path users = accountDir(account).resolve("users");
        if (!Names.isPathElement(account) || !Files.isDirectory(users)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(users, "*.jwt")) {
            for (Path p : ds) {
                String f = p.getFileName().toString();
                if (!f.startsWith(".")) {
                    out.add(f.substring(0, f.length() - 4));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + users + ": " + e.getMessage(), e);
        }
        Collections.sort(out);
        return out;
    }

    public boolean hasUser(String account, String user) {
        return Names.isPathElement(account) && Names.isPathElement(user) && Files.isRegularFile(userJwtPath(account, user));
    }

    public Jwt.Decoded decodeUser(String account, String user) {
        if (!hasUser(account, user)) {
            throw new StoreException("user \"" + user + "\" does not exist in account \"" + account + "\"");
        }
        return read(userJwtPath(account, user), "user \"" + user + "\"");
    }

    /**
     * A user {@link #userNames} just listed, decoded without checking again that its file exists
     * (lists read thousands): one removed since fails as a missing JWT.
     */
    public Jwt.Decoded decodeListedUser(String account, String user) {
        return read(userJwtPath(account, user), "user \"" + user + "\"");
    }

    /**
     * The folders of accounts/ by name, sorted, without looking inside them: with
     * {@link #readListedAccount} a list reads each account's JWT once instead of checking that it
     * exists first (a folder without one is no account).
     */
    public List<String> accountFolderNames() {
        return Stores.entries(dir.resolve("accounts"));
    }

    /** The JWT file of a name {@link #accountFolderNames} gave, or null when that is no account folder. */
    public byte[] readListedAccount(String account) {
        Path p = accountJwtPath(account);
        try {
            return Files.readAllBytes(p);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (!Files.isRegularFile(p)) {
                return null; // accounts/<name> is a file, or <name>.jwt a folder: not an account
            }
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** An account's JWT that {@link #readListedAccount} read, decoded as {@link #decodeAccount} decodes it. */
    public Jwt.Decoded decodeListedAccount(String account, byte[] jwt) {
        return decode(jwt, accountJwtPath(account), "account \"" + account + "\"");
    }

    public UserClaims user(String account, String user) {
        return decodeUser(account, user).as(UserClaims.class, "a user");
    }

    private static Jwt.Decoded read(Path p, String what) {
        byte[] data = Disk.readIfExists(p);
        if (data == null) {
            throw new StoreException(what + " has no JWT at " + p);
        }
        return decode(data, p, what);
    }

    private static Jwt.Decoded decode(byte[] data, Path p, String what) {
        try {
            return Jwt.decode(new String(data, StandardCharsets.UTF_8).trim());
        } catch (JwtException e) {
            throw new StoreException("cannot load " + what + " from " + p + ": " + e.getMessage());
        }
    }

    /**
     * True when the {@code .nsc} marker says {@code "managed": true}: the Go nsc made this folder
     * from an operator JWT without its seed (an operator run by someone else, whose account server
     * signs the accounts). An unreadable marker counts as not managed.
     */
    public boolean isManaged() {
        byte[] data = Disk.readIfExists(dir.resolve(".nsc"));
        if (data == null) {
            return false;
        }
        try {
            Object managed = dev.jnsc.jwt.Json.parseObject(data).get("managed");
            return Boolean.TRUE.equals(managed);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The {@code .nsc} marker that makes this folder an operator folder for nsc. */
    public void stageMarker(FileChanges c, boolean managed) {
        String json = "{\"managed\":" + managed + ",\"name\":" + quote(name) + ",\"kind\":\"operator\",\"version\":\"1\"}";
        c.write(dir.resolve(".nsc"), json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return dev.jnsc.jwt.JsonWriter.compact().value(s).toString();
    }

    public void stageOperator(FileChanges c, String token) {
        c.write(operatorJwtPath(), token.getBytes(StandardCharsets.US_ASCII));
    }

    public void stageAccount(FileChanges c, String account, String token) {
        c.write(accountJwtPath(account), token.getBytes(StandardCharsets.US_ASCII));
    }

    public void stageUser(FileChanges c, String account, String user, String token) {
        c.write(userJwtPath(account, user), token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Name of the account with this public key, or null. */
    public String accountNameByKey(String publicKey) {
        for (String a : accountNames()) {
            Claims c = decodeAccount(a).claims();
            if (c.subject().equals(publicKey)) {
                return a;
            }
        }
        return null;
    }
}
