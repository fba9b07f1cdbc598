package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * validate -f: the JWTs of a file, one a line (also "key|jwt" lines, as the account server's
 * pack writes them), each checked on its own and against the operator and accounts the file
 * holds. The store is not read.
 */
final class ValidateFile {
    private ValidateFile() {
    }

    private record Entry(int line, Jwt.Decoded decoded, String error) {
    }

    static ValidateOps.Result validate(Workspace ws, Path file) {
        List<Entry> entries = read(file);
        Map<String, OperatorClaims> operators = new LinkedHashMap<>();
        Map<String, AccountClaims> accounts = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.decoded() != null && e.decoded().claims() instanceof OperatorClaims o) {
                operators.putIfAbsent(o.subject(), o);
            } else if (e.decoded() != null && e.decoded().claims() instanceof AccountClaims a) {
                accounts.putIfAbsent(a.subject(), a);
            }
        }
        long now = ws.now();
        List<ValidateOps.Section> sections = new ArrayList<>();
        Map<String, Integer> summary = new LinkedHashMap<>();
        Map<String, Findings.Severity> severities = new LinkedHashMap<>();
        for (Entry e : entries) {
            Findings f = new Findings();
            String title;
            if (e.decoded() == null) {
                title = "Line " + e.line();
                f.error(e.error());
            } else {
                Claims c = e.decoded().claims();
                title = title(c);
                check(e.decoded(), operators, accounts, now, f);
            }
            sections.add(new ValidateOps.Section(title, f.list()));
            for (Findings.Finding x : f.list()) {
                summary.merge(x.message(), 1, Integer::sum);
                severities.putIfAbsent(x.message(), x.severity());
            }
        }
        if (entries.size() > 1) {
            Findings all = new Findings();
            for (Map.Entry<String, Integer> s : summary.entrySet()) {
                String m = s.getKey() + " (" + s.getValue() + (s.getValue() == 1 ? " occurrence)" : " occurrences)");
                if (severities.get(s.getKey()) == Findings.Severity.ERROR) {
                    all.error(m);
                } else {
                    all.warn(m);
                }
            }
            sections.add(new ValidateOps.Section("Summary of all " + entries.size() + " JWTs", all.list()));
        }
        return new ValidateOps.Result(sections);
    }

    private static List<Entry> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new OpsException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new OpsException("cannot read " + file + ": " + e.getMessage());
        }
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].trim();
            if (l.isEmpty()) {
                continue;
            }
            int bar = l.indexOf('|');
            if (bar >= 0) {
                l = l.substring(bar + 1).trim();
            }
            try {
                out.add(new Entry(i + 1, Jwt.decode(l), null));
            } catch (JwtException e) {
                out.add(new Entry(i + 1, null, "not a valid JWT: " + e.getMessage()));
            }
        }
        if (out.isEmpty()) {
            throw new OpsException(file + " holds no JWT: expected one JWT a line");
        }
        return out;
    }

    private static String title(Claims c) {
        String kind = switch (c.type()) {
            case "operator" -> "Operator";
            case "account" -> "Account";
            case "user" -> "User";
            case "activation" -> "Activation";
            default -> "JWT";
        };
        return kind + " \"" + (c.name().isEmpty() ? c.subject() : c.name()) + "\""
                + (c.name().isEmpty() ? "" : " (" + c.subject() + ")");
    }

    private static void check(Jwt.Decoded d, Map<String, OperatorClaims> operators, Map<String, AccountClaims> accounts,
            long now, Findings f) {
        Claims c = d.claims();
        if (c instanceof OperatorClaims o) {
            ClaimChecks.operator(o, now, f);
        } else if (c instanceof AccountClaims a) {
            AccountChecks.account(a, ValidateOps.nats(d), now, k -> label(k, accounts), f);
            OperatorClaims signer = signer(a.issuer(), operators);
            if (signer != null) {
                ValidateOps.accountSigner(a, signer, "operator \"" + signer.name() + "\"", f);
            } else if (!operators.isEmpty()) {
                f.error("the account JWT is signed by " + a.issuer() + ", which is neither the identity key nor a signing"
                        + " key of the operator in the file");
            }
            for (Import i : a.imports()) {
                ValidateOps.importAgainstExport(i, a, accounts.get(i.account()), label(i.account(), accounts), "the file",
                        now, f);
            }
        } else if (c instanceof UserClaims u) {
            ClaimChecks.user(u, now, f);
            AccountClaims a = accounts.get(u.issuerAccount().isEmpty() ? u.issuer() : u.issuerAccount());
            if (a != null) {
                OperatorClaims o = signer(a.issuer(), operators);
                ValidateOps.userSigner(u, a, o != null && o.strictSigningKeyUsage(), label(a.subject(), accounts), f);
            }
        } else if (c instanceof ActivationClaims act) {
            ClaimChecks.activation(act, now, true, f);
        } else {
            ClaimChecks.times(c, now, f);
        }
    }

    /** The operator of the file that may have signed a JWT issued by {@code issuer}, or null. */
    private static OperatorClaims signer(String issuer, Map<String, OperatorClaims> operators) {
        for (OperatorClaims o : operators.values()) {
            if (o.subject().equals(issuer) || o.signingKeys().contains(issuer)) {
                return o;
            }
        }
        return null;
    }

    private static String label(String key, Map<String, AccountClaims> accounts) {
        AccountClaims a = accounts.get(key);
        return a == null || a.name().isEmpty() ? "account " + key : "account \"" + a.name() + "\"";
    }
}
