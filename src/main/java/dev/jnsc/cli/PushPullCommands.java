package dev.jnsc.cli;

import dev.jnsc.ops.Durations;
import dev.jnsc.ops.PushOps;
import java.time.Duration;

/** push and pull account JWTs to and from the operator's account JWT server. */
final class PushPullCommands {
    private PushPullCommands() {
    }

    static void common(Spec s) {
        s.value("name", "the account (default: the current one)", "-a", "--account");
        s.flag("every account", "-A", "--all");
        s.value("url", "use this server instead of the operator's account JWT server url", "-u",
                "--account-jwt-server-url");
        s.value("name|key", "system account (default: the operator's)", "--system-account");
        s.value("name", "connect as this stored user of the system account", "--system-user");
        s.value("seconds", "how long to wait for the servers' replies (default 1; also durations like 500ms)",
                "--timeout");
        TlsFlags.define(s);
    }

    /** Seconds as the Go nsc takes them (1-60), or a duration such as "500ms". */
    static Duration timeout(Args a) {
        String v = a.str("--timeout");
        if (v == null) {
            return Duration.ofSeconds(1);
        }
        long nanos;
        if (v.trim().chars().allMatch(Character::isDigit) && !v.isBlank()) {
            nanos = Long.parseLong(v.trim()) * 1_000_000_000L;
        } else {
            nanos = Durations.parseNanos("--timeout", v);
        }
        if (nanos <= 0 || nanos > 60_000_000_000L) {
            throw new UsageException("--timeout \"" + v + "\" is out of range: expected 1 to 60 seconds");
        }
        return Duration.ofNanos(nanos);
    }

    static final class Push extends Leaf {
        Push(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("push", "Push account JWTs to the account server or the nats-servers' resolver");
            common(s);
            s.flag("push accounts not signed by the operator too", "-F", "--force");
            s.flag("delete accounts the nats-servers hold but the store does not (nats resolver)", "-P", "--prune");
            s.flag("list the accounts the nats-servers and the store do not share (nats resolver)", "-D", "--diff");
            s.value("key", "delete this account from the nats-servers (nats resolver)", "-R", "--account-removal");
        }

        @Override
        void prompt(Prompter p, Args a) {
            PushPullPrompts.push(p, a, cli);
        }

        @Override
        int run(Args a) {
            if (a.has("--account") && a.flag("--all")) {
                throw new UsageException("use either -a <account> or -A, not both");
            }
            PushOps.Push req = new PushOps.Push(a.str("--account"), a.flag("--all"), a.str("--account-jwt-server-url"),
                    a.flag("--force"), a.flag("--prune"), a.flag("--diff"), a.str("--account-removal"),
                    a.str("--system-account"), a.str("--system-user"), timeout(a), TlsFlags.read(a, cli));
            dev.jnsc.ops.Report r;
            try (Progress p = Progress.of(cli)) {
                r = PushOps.push(cli.workspace(), req, p);
            }
            return cli.report(r);
        }
    }

    static final class Pull extends Leaf {
        Pull(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("pull", "Pull account JWTs from the account server or the nats-servers' resolver");
            common(s);
            s.flag("replace local JWTs even when they are newer than the server's", "-F", "--overwrite-newer");
        }

        @Override
        void prompt(Prompter p, Args a) {
            PushPullPrompts.pull(p, a, cli);
        }

        @Override
        int run(Args a) {
            if (a.has("--account") && a.flag("--all")) {
                throw new UsageException("use either -a <account> or -A, not both");
            }
            PushOps.Pull req = new PushOps.Pull(a.str("--account"), a.flag("--all"), a.str("--account-jwt-server-url"),
                    a.flag("--overwrite-newer"), a.str("--system-account"), a.str("--system-user"), timeout(a), TlsFlags.read(a, cli));
            dev.jnsc.ops.Report r;
            try (Progress p = Progress.of(cli)) {
                r = PushOps.pull(cli.writer(), req, p);
            }
            return cli.report(r);
        }
    }
}
