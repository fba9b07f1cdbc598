package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Decorated;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import dev.jnsc.store.Names;
import dev.jnsc.store.OperatorStore;
import dev.jnsc.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * import account and import user: an account or user JWT (for a user also a creds file, whose
 * seed goes to the keystore) made elsewhere, stored under the current operator after the Go
 * nsc's checks: the JWT's own validation, the name, and who signed it.
 */
public final class JwtImportOps {
    private JwtImportOps() {
    }

    public record ImportAccount(String file, boolean overwrite, boolean force, boolean skip, String signer) {
    }

    public record ImportUser(String file, boolean overwrite, boolean skip) {
    }

    public static Report importAccount(Workspace ws, ImportAccount req) {
        Path p = file(ws, req.file(), "an account JWT", ".jwt");
        String token = token(p, req.file(), false).jwt;
        Jwt.Decoded d = decode(token, req.file());
        AccountClaims ac = d.as(AccountClaims.class, "--file " + req.file() + " to hold an account");
        Report r = new Report();
        Findings f = new Findings();
        ClaimChecks.times(ac, ws.now(), f);
        AccountChecks.account(ac, ValidateOps.nats(d), ws.now(), k -> k, f);
        validation(f, req.skip(), r);
        String name = name("account", ac.name());
        OperatorStore op = ws.operator(null);
        if (op.hasAccount(name)) {
            if (!req.overwrite()) {
                throw new OpsException("account \"" + name + "\" already exists - overwrite it with --overwrite");
            }
            String old = op.account(name).subject();
            if (!old.equals(ac.subject())) {
                throw new OpsException("existing account \"" + name + "\" has a name collision only and does not reference"
                        + " the same entity (subject is " + old + " and differs from " + ac.subject() + "). This problem"
                        + " needs to be resolved manually.");
            }
        } else {
            String other = op.accountNameByKey(ac.subject());
            if (other != null) {
                throw new OpsException("account " + ac.subject() + " is already in the store as account \"" + other
                        + "\" - import it under that name (the JWT's name is \"" + name + "\")");
            }
        }
        OperatorClaims oc = op.operator();
        List<String> operatorKeys = new ArrayList<>(oc.signingKeys());
        operatorKeys.add(oc.subject());
        boolean sameOperator = operatorKeys.contains(ac.issuer());
        boolean selfSigned = ac.issuer().equals(ac.subject());
        if (selfSigned && op.isManaged()) {
            // as the Go nsc: the operator of a managed store is not ours to sign with
            throw new OpsException("only a non managed store can import a self signed account: operator \""
                    + op.name() + "\" is managed (imported with add operator --url)");
        }
        if (req.signer() != null && !op.isManaged()) {
            Signers.accountSigner(ws, op, oc, req.signer()).clear(); // -K is checked even when not needed
        }
        if (selfSigned || (!sameOperator && req.force())) {
            Signers.resignAccount(ws, op, name, ac, req.signer());
        } else if (!sameOperator) {
            throw new OpsException("can only import account signed by same operator (the JWT is issued by " + ac.issuer()
                    + ", operator \"" + op.name() + "\" is " + oc.subject() + "). Possibly update your operator, or"
                    + " re-sign it with --force");
        } else {
            FileChanges changes = new FileChanges();
            op.stageAccount(changes, name, d.token());
            ws.commit(changes);
        }
        return r.ok("account " + name + " was successfully imported");
    }

    public static Report importUser(Workspace ws, ImportUser req) {
        Path p = file(ws, req.file(), "a user JWT or creds file", ".jwt", ".creds");
        Token t = token(p, req.file(), true);
        Report r = new Report();
        NKey key = null;
        try {
            Jwt.Decoded d = decode(t.jwt, req.file());
            UserClaims uc = d.as(UserClaims.class, "--file " + req.file() + " to hold a user");
            if (t.seed != null) {
                key = seedKey(t.seed, uc.subject(), req.file());
            } else if (t.decorated) {
                r.warn("no seed in `" + req.file() + "`: only the user's JWT is imported");
            }
            Findings f = new Findings();
            ClaimChecks.user(uc, ws.now(), f);
            validation(f, req.skip(), r);
            String name = name("user", uc.name());
            OperatorStore op = ws.operator(null);
            String account = op.accountNameByKey(uc.account());
            if (account == null) {
                throw new OpsException("referenced account " + uc.account() + " not found in operator \"" + op.name()
                        + "\", import it first");
            }
            AccountClaims ac = op.account(account);
            if (op.hasUser(account, name)) {
                if (!req.overwrite()) {
                    throw new OpsException("user \"" + name + "\" already exists in account \"" + account
                            + "\" - overwrite it with --overwrite");
                }
                String old = op.user(account, name).subject();
                if (!old.equals(uc.subject())) {
                    throw new OpsException("existing user \"" + name + "\" has a name collision only and does not reference"
                            + " the same entity (subject is " + old + " and differs from " + uc.subject() + "). This"
                            + " problem needs to be resolved manually.");
                }
            }
            List<String> accountKeys = new ArrayList<>();
            accountKeys.add(ac.subject());
            for (SigningKey sk : ac.signingKeys()) {
                accountKeys.add(sk.key());
            }
            if (!accountKeys.contains(uc.issuer())) {
                throw new OpsException("can only import user signed by existing account: " + uc.issuer() + " is neither"
                        + " account \"" + account + "\" nor one of its signing keys. Possibly update your account");
            }
            FileChanges changes = new FileChanges();
            if (key != null) {
                ws.keystore().stage(changes, key);
                r.ok("key stored " + ws.keystore().keyPath(key.publicKey()));
            }
            op.stageUser(changes, account, name, d.token());
            ws.commit(changes);
            return r.ok("user " + name + " was successfully imported");
        } finally {
            t.clear();
            if (key != null) {
                key.clear();
            }
        }
    }

    private static Path file(Workspace ws, String file, String what, String... endings) {
        if (file == null || file.isBlank()) {
            throw new OpsException("--file is required: " + what);
        }
        Path p = ws.env().path(file);
        if (!Files.exists(p)) {
            throw new OpsException("--file " + file + " does not exist");
        }
        if (Files.isDirectory(p)) {
            throw new OpsException("`" + file + "` is a directory");
        }
        for (String e : endings) {
            if (file.endsWith(e)) {
                return p;
            }
        }
        throw new OpsException("--file " + file + " must be " + what + ": expected these file endings: "
                + Arrays.toString(endings).replace(",", ""));
    }

    /** The JWT of a file, and the seed of a creds file (when {@code withSeed}); {@code decorated} when it had blocks. */
    private static final class Token {
        final String jwt;
        final char[] seed;
        final boolean decorated;

        Token(String jwt, char[] seed, boolean decorated) {
            this.jwt = jwt;
            this.seed = seed;
            this.decorated = decorated;
        }

        void clear() {
            if (seed != null) {
                Arrays.fill(seed, '\0');
            }
        }
    }

    private static Token token(Path p, String file, boolean withSeed) {
        byte[] data;
        try {
            data = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new OpsException("cannot read --file " + file + ": " + e.getMessage());
        }
        try {
            int start = 0;
            while (start < data.length && Character.isWhitespace(data[start])) {
                start++;
            }
            if (start + 1 < data.length && data[start] == 'e' && data[start + 1] == 'y') {
                // a bare JWT (no seed in it)
                return new Token(new String(data, java.nio.charset.StandardCharsets.UTF_8).strip(), null, false);
            }
            Decorated.Parts parts = Decorated.parse(data);
            if (parts.jwt().isEmpty()) {
                parts.clear();
                throw new OpsException("failed to parse decorated JWT in \"" + file + "\": no JWT found");
            }
            if (!withSeed) {
                parts.clear();
                return new Token(parts.jwt(), null, true);
            }
            return new Token(parts.jwt(), parts.seed(), true);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    private static Jwt.Decoded decode(String token, String file) {
        try {
            return Jwt.decode(token);
        } catch (JwtException e) {
            throw new OpsException("failed to decode `" + file + "`: " + e.getMessage());
        }
    }

    private static NKey seedKey(char[] seed, String subject, String file) {
        NKey key;
        try {
            key = NKey.fromSeed(seed);
        } catch (NKeyException e) {
            throw new OpsException("failed to parse decorated key in `" + file + "`: " + e.getMessage());
        }
        if (key.kind() != KeyKind.USER || !key.publicKey().equals(subject)) {
            String pub = key.publicKey();
            key.clear();
            throw new OpsException("the seed in `" + file + "` is the seed of " + pub + ", not of the user " + subject);
        }
        return key;
    }

    /** The JWT's name, which becomes a file name: refused unless usable as it is. */
    private static String name(String kind, String name) {
        String checked;
        try {
            checked = Names.check(kind, name);
        } catch (StoreException e) {
            throw new OpsException("the JWT's " + e.getMessage());
        }
        if (!checked.equals(name)) {
            throw new OpsException("the JWT's " + kind + " name \"" + name + "\" has leading or trailing spaces");
        }
        return name;
    }

    /** The Go nsc's validateAndReport: errors block unless {@code skip}; warnings (and skipped errors) are reported. */
    private static void validation(Findings f, boolean skip, Report r) {
        List<String> errors = new ArrayList<>();
        for (Findings.Finding x : f.list()) {
            if (x.severity() == Findings.Severity.ERROR && !skip) {
                errors.add(x.message());
            } else {
                r.warn("validation resulted in: " + x.message());
            }
        }
        if (!errors.isEmpty()) {
            throw new OpsException("validation resulted in: " + String.join("; ", errors) + " - validation is blocking,"
                    + " skip with --skip");
        }
    }
}
