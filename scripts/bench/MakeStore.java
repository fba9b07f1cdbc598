import dev.jnsc.Main;
import dev.jnsc.env.Environment;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.keystore.Keystore;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Builds a benchmark store in seconds: operator O (through jnsc's own add operator, run
 * in-process), then accounts A0001..A(n-1) and BIG and BIG's users U0001..U(m), written directly
 * as add account / add user write them without flags (default claims, seeds in the keystore; no
 * creds files), signed in parallel.
 * Usage: java -cp target/nsc MakeStore.java <config-dir> <data-dir> <keystore-dir> <accounts> <users>
 */
public class MakeStore {
    public static void main(String[] a) {
        String[] dirs = {"--config-dir", a[0], "--data-dir", a[1], "--keystore-dir", a[2]};
        int accounts = Integer.parseInt(a[3]);
        int users = Integer.parseInt(a[4]);
        Path home = Path.of(a[0]).toAbsolutePath().getParent();
        Environment env = new Environment(Map.of("HOME", home.toString()), home, home);
        run(env, dirs, "add", "operator", "O");
        Path op = Path.of(a[1], "O");
        Keystore ks = new Keystore(Path.of(a[2]), true);
        String opPub = Jwt.decode(read(op.resolve("O.jwt"))).claims().subject();
        NKey opKey = ks.read(opPub);
        long now = System.currentTimeMillis() / 1000;
        SecureRandom random = new SecureRandom();
        IntStream.range(1, accounts).parallel()
                .forEach(i -> account(ks, op, opKey, String.format("A%04d", i), random, now));
        NKey big = account(ks, op, opKey, "BIG", random, now);
        IntStream.rangeClosed(1, users).parallel().forEach(i -> {
            String name = String.format("U%04d", i);
            NKey key = NKey.generate(KeyKind.USER, random);
            UserClaims uc = new UserClaims();
            uc.name(name).subject(key.publicKey());
            write(op.resolve("accounts/BIG/users/" + name + ".jwt"), Jwt.encode(uc, big, now));
            write(ks.keyPath(key.publicKey()), new String(key.seed()));
        });
        run(env, dirs, "env", "--operator", "O", "--account", "BIG");
    }

    private static NKey account(Keystore ks, Path op, NKey opKey, String name, SecureRandom random, long now) {
        NKey key = NKey.generate(KeyKind.ACCOUNT, random);
        AccountClaims ac = new AccountClaims();
        ac.name(name).subject(key.publicKey());
        write(op.resolve("accounts/" + name + "/" + name + ".jwt"), Jwt.encode(ac, opKey, now));
        write(ks.keyPath(key.publicKey()), new String(key.seed()));
        return key;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String content) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Environment env, String[] dirs, String... args) {
        String[] all = new String[dirs.length + args.length];
        System.arraycopy(dirs, 0, all, 0, dirs.length);
        System.arraycopy(args, 0, all, dirs.length, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all, env, Clock.systemUTC(), new PrintWriter(out), new PrintWriter(err));
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed (" + code + "):\n" + out + err);
        }
    }
}
