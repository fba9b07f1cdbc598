package dev.jnsc.cli;

import dev.jnsc.jwt.GoQuote;
import dev.jnsc.ops.Durations;
import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.ToolOps;
import dev.jnsc.tools.PayloadCipher;
import dev.jnsc.tools.Session;
import dev.jnsc.tools.Target;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * pub, sub, req, reply: nsc's embedded NATS clients, under "tool" and (hidden from help, as in
 * nsc) at the top level. The lines they print are their data, so they go to stdout, one flush per
 * line so a sub streams. Wording as in nsc's cmd/{pub,sub,req,reply}.go.
 */
final class ToolCommands {
    private ToolCommands() {
    }

    abstract static class Base extends Leaf {
        private final boolean topLevel;

        Base(Cli cli, boolean topLevel) {
            super(cli);
            this.topLevel = topLevel;
        }

        /** Name, help, -a, -u and --nats. */
        void common(Spec s, String name, String description) {
            s.name(name, description);
            if (topLevel) {
                s.hidden();
            }
            Options.account(s);
            s.value("user", "user name (default: the account's only user)", "-u", "--user");
            s.value("url", "nats url, defaults to the operator's service URLs", "--nats");
            TlsFlags.define(s);
        }

        /** The -E/--encrypt cipher of the target's account (its seed must be stored). */
        PayloadCipher cipher(Target t) {
            return ToolOps.cipher(cli.workspace(), t.account());
        }

        Target target(Args a) {
            return ToolOps.target(cli.workspace(), new ToolOps.TargetRequest(a.str("--account"), a.str("--user"),
                    a.str("--nats"), TlsFlags.read(a, cli)));
        }

        /** Prints and flushes one line; false when stdout is gone (e.g. a closed pipe). */
        boolean line(String text) {
            cli.out.println(text);
            cli.out.flush();
            return !cli.out.checkError();
        }

        static String text(byte[] data) {
            return data == null ? "" : new String(data, StandardCharsets.UTF_8);
        }

        static byte[] bytes(String s) {
            return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
        }

        /** --max-messages: 0 is refused, a negative count (nsc's default -1) means no limit. */
        static void maxMessages(Spec s) {
            s.value("n", "exit after this many messages", "--max-messages");
        }

        static long maxMessages(Args a) {
            Long n = a.number("--max-messages");
            if (n != null && n == 0) {
                throw new OpsException("--max-messages must be greater than zero");
            }
            return n == null || n < 0 ? 0 : n;
        }
    }

    static final class Pub extends Base {
        Pub(Cli cli, boolean topLevel) {
            super(cli, topLevel);
        }

        @Override
        void define(Spec s) {
            common(s, "pub", "Publish to a subject from a NATS account");
            s.positional("subject", "1", "subject to publish to");
            s.positional("payload", "0..1", "message payload (default: empty)");
        }

        @Override
        int run(Args a) {
            String subject = a.positional(0);
            String payload = a.positional(1) == null ? "" : a.positional(1);
            try (Target t = target(a); Session s = Session.open(t, "nsc_pub", false)) {
                s.publish(subject, bytes(payload));
            }
            line("Published [" + subject + "] : " + GoQuote.quote(payload));
            return 0;
        }
    }

    static final class Req extends Base {
        Req(Cli cli, boolean topLevel) {
            super(cli, topLevel);
        }

        @Override
        void define(Spec s) {
            common(s, "req", "Send a request to a subject on a NATS account");
            s.value("duration", "how long to wait for the reply, e.g. 500ms, 2s (default 5s)", "--timeout");
            s.hiddenToggle("encrypt the payload with the account's seed (tool sub -E decrypts it)", "-E", "--encrypt");
            s.positional("subject", "1", "subject to send the request to");
            s.positional("payload", "0..1", "request payload (default: empty)");
        }

        @Override
        int run(Args a) {
            String subject = a.positional(0);
            String payload = a.positional(1) == null ? "" : a.positional(1);
            long nanos = a.has("--timeout") ? Durations.parseNanos("--timeout", a.str("--timeout")) : 5_000_000_000L;
            if (nanos <= 0) {
                throw new OpsException("--timeout must be greater than zero");
            }
            try (Target t = target(a); PayloadCipher cipher = a.flag("--encrypt") ? cipher(t) : null;
                    Session s = Session.open(t, "nsc_req", false)) {
                byte[] out = cipher == null ? bytes(payload) : cipher.encryptKeyValue(bytes(payload));
                line("published " + (cipher == null ? "" : "encrypted ") + "request: [" + subject + "] : '" + payload + "'");
                Session.Reply r = s.request(subject, out, Duration.ofNanos(nanos));
                String from = cipher == null ? r.subject() : cipher.decryptSubject(r.subject());
                byte[] data = cipher == null ? r.data() : cipher.decryptPayload(r.data());
                line("received reply: [" + from + "] : '" + text(data) + "'");
            }
            return 0;
        }
    }
}
