package dev.jnsc.cli;

import dev.jnsc.ops.Urls;
import dev.jnsc.store.OperatorStore;
import java.util.List;
import java.util.Locale;

/** The -i questions of push and pull, as the Go nsc asks them (push.go, pull.go). */
final class PushPullPrompts {
    private PushPullPrompts() {
    }

    /**
     * Go's push -i: the account (unless -A or --prune), the server's URL (the operator's by
     * default); for a nats resolver, the system account and its user when not given.
     */
    static void push(Prompter p, Args a, Cli cli) {
        if (!a.flag("--all") && !a.flag("--prune")) {
            PromptPicks.account(p, a, cli, "--account");
        }
        OperatorStore op = cli.workspace().operator(null);
        String operatorUrl = op.operator().accountServerUrl();
        String given = a.str("--account-jwt-server-url");
        String url = p.prompt("Account Server URL or nats-resolver enabled nats-server URL",
                given != null ? given : operatorUrl, Urls::accountServerUrl);
        a.set("--account-jwt-server-url", url.equals(operatorUrl) && given == null ? null : url);
        String scheme = url.toLowerCase(Locale.ROOT);
        if (scheme.startsWith("http://") || scheme.startsWith("https://")) {
            return;
        }
        String sys = a.str("--system-account");
        if (sys == null) {
            List<String> all = op.accountNames();
            String operatorSys = op.operator().systemAccount();
            String sysName = operatorSys == null ? null : op.accountNameByKey(operatorSys);
            sys = all.size() == 1 ? all.get(0)
                    : all.get(p.select("select system account", all, Math.max(0, all.indexOf(sysName))));
            a.set("--system-account", sys);
        } else if (!op.hasAccount(sys)) {
            String byKey = op.accountNameByKey(sys);
            sys = byKey != null ? byKey : sys;
        }
        if (a.str("--system-user") == null && op.hasAccount(sys)) {
            PromptPicks.user(p, a, cli, sys, "--system-user");
        }
    }

    /** Go's pull -i: the operator and every account, or else one account. */
    static void pull(Prompter p, Args a, Cli cli) {
        String operator = cli.workspace().operator(null).name();
        boolean all = p.confirm("pull operator \"" + operator + "\" and all accounts", !a.has("--account"));
        a.set("--all", all);
        if (all) {
            a.set("--account", (String) null);
        } else {
            PromptPicks.account(p, a, cli, "--account");
        }
    }
}
