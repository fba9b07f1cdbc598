package dev.jnsc.cli;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.nkeys.NKeyException;
import dev.jnsc.ops.ActivationOps;
import dev.jnsc.ops.ActivationTokens;
import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.Subjects;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The -i questions of add import, as the Go nsc asks them (addimport.go): the importing account;
 * an export of another account of the operator (a private one gets its activation made on the
 * spot, signed by the exporting account), or by hand a public export (account, subject, service)
 * or a token file or URL; then name, local subject, tracing and the signer.
 */
final class ImportPrompts {
    private ImportPrompts() {
    }

    /** Asks; gives the activation token made or read for the import, or null (a public export). */
    static String add(Prompter p, Args a, Cli cli) {
        String account = PromptPicks.account(p, a, cli, "--account");
        OperatorStore op = cli.workspace().operator(null);
        AccountClaims target = op.account(account);
        List<String> owners = new ArrayList<>();
        List<Export> exports = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String other : op.accountNames()) {
            AccountClaims ac = op.account(other);
            if (ac.subject().equals(target.subject())) {
                continue;
            }
            for (Export e : ac.exports()) {
                owners.add(other);
                exports.add(e);
                labels.add(PromptPicks.exportLabel(other, e));
            }
        }
        Picked picked;
        if (!labels.isEmpty() && p.confirm("pick from locally available exports", true)) {
            int i = p.select("select the export", labels, 0);
            picked = local(p, a, cli, owners.get(i), exports.get(i), target);
        } else {
            picked = manual(p, a, cli);
        }
        String remote = picked.remote;
        String name = a.str("--name");
        a.set("--name", p.prompt("name", name != null ? name : picked.name != null ? picked.name : remote,
                ExportPrompts::notEmpty));
        String local = a.str("--local-subject");
        if (local == null && picked.service) {
            local = picked.localDefault != null ? picked.localDefault : remote;
        }
        local = p.prompt("local subject", local, v -> {
            if (!v.isEmpty()) {
                Subjects.check("local subject", v);
            }
        });
        a.set("--local-subject", local.isEmpty() ? null : local);
        if (!picked.service) {
            a.set("--allow-trace", p.confirm("allow tracing", a.flag("--allow-trace")));
        }
        PromptPicks.operatorSigner(p, cli);
        return picked.token;
    }

    /** What the choice of the export decided. */
    private record Picked(String remote, boolean service, String name, String localDefault, String token) {
    }

    private static Picked local(Prompter p, Args a, Cli cli, String owner, Export e, AccountClaims target) {
        String remote = e.subject();
        String localDefault = null;
        int pos = e.accountTokenPosition();
        if (pos > 0) {
            // the importing account's key goes where the export expects it; the local subject goes without it
            List<String> tokens = new ArrayList<>(Arrays.asList(remote.split("\\.", -1)));
            if (pos > tokens.size() || !tokens.get(pos - 1).equals("*")) {
                throw new OpsException("export \"" + e.subject() + "\" of account \"" + owner + "\" has account token"
                        + " position " + pos + ", which is not a '*' of its subject");
            }
            tokens.set(pos - 1, target.subject());
            remote = String.join(".", tokens);
            tokens.remove(pos - 1);
            localDefault = String.join(".", tokens);
        }
        if (e.isService() && Subjects.hasWildcards(remote)) {
            remote = p.prompt("export subject", remote, v -> Subjects.check("export subject", v));
        }
        boolean service = e.isService();
        a.set("--service", service);
        String token = null;
        if (e.tokenRequired()) {
            AccountClaims src = cli.workspace().operator(null).account(owner);
            String signer = PromptPicks.chooseAccountSigner(p, cli, owner, "select the signing key for account \""
                    + owner + "\" [" + src.subject() + "]");
            token = ActivationOps.generate(cli.workspace(), new ActivationOps.Generate(owner, remote, target.subject(),
                    null, null, signer)).token();
            a.set("--src-account", (String) null).set("--remote-subject", (String) null).set("--token", (String) null);
        } else {
            a.set("--src-account", owner).set("--remote-subject", remote).set("--token", (String) null);
        }
        if (service) {
            a.set("--share", p.confirm("share information when tracking latency?", a.flag("--share")));
        }
        String name = e.name() == null || e.name().isEmpty() ? null : e.name();
        return new Picked(remote, service, name, localDefault, token);
    }

    private static Picked manual(Prompter p, Args a, Cli cli) {
        if (p.confirm("is the export public?", a.str("--token") == null)) {
            a.set("--src-account", p.prompt("src-account public key", a.str("--src-account"), v -> GeneratePrompts.accountKey(cli, v, false)));
            String remote = p.prompt("remote subject", a.str("--remote-subject"),
                    v -> Subjects.check("remote subject", v));
            a.set("--remote-subject", remote).set("--token", (String) null);
            boolean service = p.confirm("is import a service", true);
            a.set("--service", service);
            return new Picked(remote, service, null, null, null);
        }
        String[] read = new String[1];
        ActivationClaims[] claims = new ActivationClaims[1];
        String source = p.prompt("token path or url", a.str("--token"), v -> {
            read[0] = ActivationTokens.read(cli.workspace(), v, ActivationTokens.URL_TIMEOUT);
            try {
                claims[0] = Jwt.decode(read[0]).as(ActivationClaims.class, "an activation");
            } catch (JwtException | NKeyException e) {
                throw new OpsException("\"" + v + "\" is not a valid activation token: " + e.getMessage());
            }
        });
        a.set("--token", source).set("--src-account", (String) null).set("--remote-subject", (String) null);
        boolean service = claims[0].importType() == ExportType.SERVICE;
        a.set("--service", service);
        String name = claims[0].name() == null || claims[0].name().isEmpty() ? null : claims[0].name();
        return new Picked(claims[0].importSubject(), service, name, null, read[0]);
    }
}
