package dev.jnsc.resolver;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.OperatorClaims;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The account server's own copy of account JWTs: {@code <dir>/<ACCOUNT_PUBKEY>.jwt} (folder
 * 0700, files 0600, each written atomically), for one operator given by its JWT file. File names
 * are built only from keys that decode as account public keys, so no request reaches outside
 * the folder.
 */
public final class DirJwts implements AccountJwts {
    private final Path dir;
    private final Path operatorFile;
    private final Tokens.Operator operator;

    private DirJwts(Path dir, Path operatorFile, Tokens.Operator operator) {
        this.dir = dir;
        this.operatorFile = operatorFile;
        this.operator = operator;
    }

    /** Opens (creating it, 0700, when missing) {@code dir} for the operator in {@code operatorJwtFile}. */
    public static DirJwts open(Path dir, Path operatorJwtFile) {
        Tokens.Operator op = Tokens.readOperator(operatorJwtFile);
        Path d = dir.toAbsolutePath().normalize();
        try {
            FileChanges.makeDirs(d, new ArrayList<>());
        } catch (IOException e) {
            throw new ResolverException("cannot create the folder " + d + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(d)) {
            throw new ResolverException("the folder " + d + " is not writable");
        }
        return new DirJwts(d, operatorJwtFile.toAbsolutePath().normalize(), op);
    }

    /** The operator whose identity and signing keys may sign the accounts stored here. */
    public OperatorClaims operatorClaims() {
        return operator.claims();
    }

    @Override
    public Stored operator() {
        return operator.stored();
    }

    @Override
    public String describe() {
        return "storing account JWTs of operator \"" + operator.claims().name() + "\" (" + operatorFile + ") in " + dir;
    }

    @Override
    public Stored account(String accountKey) {
        Path file = fileOf(accountKey);
        byte[] data = FileChanges.readIfExists(file);
        if (data == null) {
            return null;
        }
        return Tokens.verifiedAccount(Tokens.utf8(data).trim(), accountKey, file);
    }

    /**
     * Stores a verified account token, replacing the account's previous one atomically; I/O
     * failures surface as {@link java.io.UncheckedIOException}.
     */
    public synchronized void save(String accountKey, String token) {
        new FileChanges().write(fileOf(accountKey), token.getBytes(StandardCharsets.US_ASCII)).commit();
    }

    private Path fileOf(String accountKey) {
        if (!AccountHandler.isAccountKey(accountKey)) {
            throw new IllegalArgumentException("not an account public key");
        }
        return dir.resolve(accountKey + ".jwt");
    }

    Path dir() {
        return dir;
    }
}
