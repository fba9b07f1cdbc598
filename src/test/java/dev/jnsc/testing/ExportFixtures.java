package dev.jnsc.testing;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.NKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exports in account JWTs for the import and activation tests, written through the claim API and
 * re-signed with the operator's identity key from the keystore (the tests do not depend on
 * {@code add export}); and activations made by hand, for tokens nsc would never issue.
 */
public final class ExportFixtures {
    private ExportFixtures() {
    }

    /** A public stream export named after its subject, as {@code add export -s <subject>} writes it. */
    public static Export stream(String subject) {
        return Export.stream(subject).name(subject);
    }

    /** A public service export, as {@code add export --service -s <subject>} writes it (response type Singleton). */
    public static Export service(String subject) {
        return Export.service(subject).name(subject).responseType(Export.SINGLETON);
    }

    /** Adds exports to account {@code account} of operator O of {@code nsc}'s store. */
    public static void add(Nsc nsc, String account, Export... exports) {
        add(nsc.stores(), nsc.keystore(), "O", account, nsc.nowSeconds(), exports);
    }

    /**
     * Adds exports to an account of a store: {@code stores} holds the operator folders,
     * {@code keystore} the keys folder (the one nsc's --keystore-dir names).
     */
    public static void add(Path stores, Path keystore, String operator, String account, long iat, Export... exports) {
        edit(stores, keystore, operator, account, iat, ac -> ac.exports().addAll(java.util.List.of(exports)));
    }

    /** Edits an account's claims and re-signs them with the operator's identity key. */
    public static void edit(Path stores, Path keystore, String operator, String account, long iat,
            java.util.function.Consumer<AccountClaims> edit) {
        Path accountJwt = stores.resolve(operator).resolve("accounts").resolve(account).resolve(account + ".jwt");
        Path operatorJwt = stores.resolve(operator).resolve(operator + ".jwt");
        AccountClaims ac = Jwt.decode(read(accountJwt)).as(AccountClaims.class, "an account");
        edit.accept(ac);
        NKey signer = seed(keystore, Jwt.decode(read(operatorJwt)).claims().subject());
        write(accountJwt, Jwt.encode(ac, signer, iat));
    }

    /** An activation signed by {@code signer}, for tests of tokens nsc would refuse to make. */
    public static String activation(NKey signer, String issuerAccount, String target, ExportType kind, String subject,
            long iat, long expires) {
        ActivationClaims a = new ActivationClaims();
        a.subject(target);
        a.name(subject);
        a.expires(expires);
        a.importSubject(subject).importType(kind).issuerAccount(issuerAccount);
        return Jwt.encode(a, signer, iat);
    }

    /** The key with its seed from a keystore folder (the one holding keys/). */
    public static NKey seed(Path keystore, String publicKey) {
        Path f = keystore.resolve("keys").resolve(publicKey.substring(0, 1)).resolve(publicKey.substring(1, 3))
                .resolve(publicKey + ".nk");
        return NKey.fromSeed(read(f).trim());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String token) {
        try {
            Files.writeString(p, token, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
