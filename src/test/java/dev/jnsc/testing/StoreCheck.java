package dev.jnsc.testing;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What must hold for a store and keystore after any command, finished or killed and recovered:
 * every user JWT has its seed and a creds file holding that very JWT, every seed belongs to an
 * entity of the store, every creds file to a user, and no temp or journal file is left (the empty lock files stay).
 */
public final class StoreCheck {
    private StoreCheck() {
    }

    /** Everything wrong with the store of operator {@code op} in {@code nsc}'s home, one line each. */
    public static List<String> problems(Nsc nsc, String op) {
        List<String> out = new ArrayList<>();
        Set<String> referenced = new HashSet<>();
        Set<Path> expectedCreds = new HashSet<>();
        Path opDir = nsc.stores().resolve(op);
        OperatorClaims oc = Jwt.decode(Nsc.read(nsc.operatorJwt(op)).trim()).as(OperatorClaims.class, "an operator");
        referenced.add(oc.subject());
        referenced.addAll(oc.signingKeys());
        for (Path accDir : list(opDir.resolve("accounts"))) {
            String acc = accDir.getFileName().toString();
            Path accJwt = accDir.resolve(acc + ".jwt");
            if (!Files.isRegularFile(accJwt)) {
                out.add("account folder without its JWT: " + accDir);
                continue;
            }
            AccountClaims ac = Jwt.decode(Nsc.read(accJwt).trim()).as(AccountClaims.class, "an account");
            referenced.add(ac.subject());
            for (SigningKey k : ac.signingKeys()) {
                referenced.add(k.key());
            }
            for (Path userJwt : list(accDir.resolve("users"))) {
                String file = userJwt.getFileName().toString();
                if (!file.endsWith(".jwt")) {
                    out.add("not a user JWT: " + userJwt);
                    continue;
                }
                String user = file.substring(0, file.length() - 4);
                String token = Nsc.read(userJwt).trim();
                String sub = Jwt.decode(token).claims().subject();
                referenced.add(sub);
                if (!Files.isRegularFile(nsc.keyFile(sub))) {
                    out.add("user " + acc + "/" + user + " has no seed " + nsc.keyFile(sub));
                }
                Path creds = nsc.creds(op, acc, user);
                expectedCreds.add(creds);
                if (!Files.isRegularFile(creds)) {
                    out.add("user " + acc + "/" + user + " has no creds file");
                } else if (!credsJwt(Nsc.read(creds)).equals(token)) {
                    out.add("the creds file of " + acc + "/" + user + " holds another JWT than the store");
                }
            }
        }
        for (Path f : files(nsc.keystore().resolve("keys"))) {
            String name = f.getFileName().toString();
            if (name.endsWith(".nk") && !referenced.contains(name.substring(0, name.length() - 3))) {
                out.add("orphan seed " + name);
            }
        }
        for (Path f : files(nsc.keystore().resolve("creds").resolve(op))) {
            if (!expectedCreds.contains(f)) {
                out.add("creds file of no user: " + f);
            }
        }
        for (Path f : files(nsc.home())) {
            String name = f.getFileName().toString();
            if (!f.startsWith(nsc.home().resolve(".cache")) && (name.endsWith(".tmp") || name.startsWith(".jnsc") && !name.equals(dev.jnsc.fs.StoreLock.FILE))) {
                out.add("left behind: " + f);
            }
        }
        return out;
    }

    private static String credsJwt(String creds) {
        int b = creds.indexOf("-----BEGIN NATS USER JWT-----");
        int e = creds.indexOf("------END NATS USER JWT------");
        return b < 0 || e < b ? "" : creds.substring(b + "-----BEGIN NATS USER JWT-----".length(), e).trim();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
