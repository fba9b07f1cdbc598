package dev.jnsc.cli;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.ops.KeyArg;
import dev.jnsc.ops.OpsException;
import dev.jnsc.store.OperatorStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The -i questions of revocations add-user | delete-user | add_activation | delete_activation, as
 * the Go nsc asks them (revokeuser.go, revokeclearuser.go, revokeactivation.go,
 * revoke_clearactivation.go). The revocations live in the account JWT: the operator signs it.
 */
final class RevocationPrompts {
    private static final String AT = "revoke all credentials created before (0 is now, formats are RFC3339 or #seconds"
            + " since epoch)";

    private RevocationPrompts() {
    }

    /** Go's add-user -i: account, a user by name (or a key typed), the time, the signer. */
    static void addUser(Prompter p, Args a, Cli cli) {
        String account = PromptPicks.account(p, a, cli, "--account");
        List<String> users = cli.workspace().operator(null).userNames(account);
        if (!users.isEmpty() && p.confirm("revoke a user by name", a.str("--user-public-key") == null)) {
            a.set("--name", users.get(p.select("select the user to revoke", users,
                    Math.max(0, users.indexOf(a.str("--name"))))));
            a.set("--user-public-key", (String) null);
        } else {
            a.set("--user-public-key", p.prompt("user public key or '*' to match any user", a.str("--user-public-key"),
                    v -> userKey(cli, v)));
            a.set("--name", (String) null);
        }
        at(p, a);
        PromptPicks.operatorSigner(p, cli);
    }

    /** Go's delete-user -i: account, which revoked key ("key: name"), the signer. */
    static void deleteUser(Prompter p, Args a, Cli cli) {
        String account = PromptPicks.account(p, a, cli, "--account");
        OperatorStore op = cli.workspace().operator(null);
        Map<String, String> names = new HashMap<>();
        names.put("*", "All Users");
        for (String u : op.userNames(account)) {
            names.put(op.user(account, u).subject(), u);
        }
        List<String> keys = new ArrayList<>(op.account(account).revocations().keySet());
        if (keys.isEmpty()) {
            throw new OpsException("account \"" + account + "\" has no revoked users");
        }
        a.set("--user-public-key", keys.get(p.select("select revoked user to clear", labels(keys, names, "[Unknown User]"),
                0)));
        a.set("--name", (String) null);
        PromptPicks.operatorSigner(p, cli);
    }

    /** Go's add_activation -i: account, service or stream, the export, the importing account, the time, the signer. */
    static void addActivation(Prompter p, Args a, Cli cli) {
        Export e = export(p, a, cli);
        a.set("--subject", e.subject());
        a.set("--target-account", p.prompt("target-account public key or '*' to match any target-account",
                a.str("--target-account"), v -> GeneratePrompts.accountKey(cli, v, true)));
        at(p, a);
        PromptPicks.operatorSigner(p, cli);
    }

    /** Go's delete_activation -i: account, service or stream, the export, which revocation, the signer. */
    static void deleteActivation(Prompter p, Args a, Cli cli) {
        Export e = export(p, a, cli);
        a.set("--subject", e.subject());
        String kind = e.isService() ? "service" : "stream";
        if (e.revocations().isEmpty()) {
            throw new OpsException(kind + " export " + e.subject() + " doesn't have revocations");
        }
        OperatorStore op = cli.workspace().operator(null);
        Map<String, String> names = new HashMap<>();
        names.put("*", "* [All Accounts]");
        for (String name : op.accountNames()) {
            names.put(op.account(name).subject(), name);
        }
        List<String> keys = new ArrayList<>(e.revocations().keySet());
        a.set("--target-account", keys.get(p.select("select account revocation to delete",
                labels(keys, names, "[Unknown Account]"), 0)));
        PromptPicks.operatorSigner(p, cli);
    }

    /** Account, "is service", then "select <kind> export" among the account's exports of that kind. */
    private static Export export(Prompter p, Args a, Cli cli) {
        String account = PromptPicks.account(p, a, cli, "--account");
        boolean service = p.confirm("is service", a.flag("--service"));
        a.set("--service", service);
        String kind = service ? "service" : "stream";
        AccountClaims ac = cli.workspace().operator(null).account(account);
        List<Export> exports = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (Export e : ac.exports()) {
            if (e.isService() == service) {
                exports.add(e);
                subjects.add(e.subject());
            }
        }
        if (exports.isEmpty()) {
            throw new OpsException("account \"" + account + "\" doesn't have " + kind + " exports");
        }
        return exports.get(p.select("select " + kind + " export", subjects, Math.max(0, subjects.indexOf(a.str("--subject")))));
    }

    private static List<String> labels(List<String> keys, Map<String, String> names, String unknown) {
        List<String> labels = new ArrayList<>();
        for (String k : keys) {
            labels.add(k + ": " + names.getOrDefault(k, unknown));
        }
        return labels;
    }

    /** Go asks the time only when --at was not given (or is 0). */
    private static void at(Prompter p, Args a) {
        String given = a.str("--at");
        if (given != null && !given.trim().equals("0")) {
            return;
        }
        a.set("--at", p.prompt(AT, "0", RevocationPrompts::checkAt));
    }

    /** 0, unix seconds or RFC 3339, as --at takes it. */
    static void checkAt(String value) {
        String v = value.trim();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            return;
        }
        try {
            Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                OffsetDateTime.parse(v);
            } catch (DateTimeParseException e2) {
                throw new OpsException("\"" + value + "\" is invalid: expected 0 (now), unix seconds or an RFC 3339 time"
                        + " such as 2026-01-02T15:04:05Z");
            }
        }
    }

    private static void userKey(Cli cli, String v) {
        if (v.equals("*")) {
            return;
        }
        KeyArg.resolve(cli.workspace(), v, KeyKind.USER).clear();
    }
}
