package dev.jnsc.cli;

import dev.jnsc.tools.MessageSink;
import dev.jnsc.tools.PayloadCipher;
import dev.jnsc.tools.Session;
import dev.jnsc.tools.Target;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * sub and reply: they run until --max-messages arrived, or until the process is told to stop
 * (SIGINT, SIGTERM), which closes the connection so the server drops the subscription at once.
 */
final class ListenCommands {
    private ListenCommands() {
    }

    static final class Sub extends ToolCommands.Base {
        Sub(Cli cli, boolean topLevel) {
            super(cli, topLevel);
        }

        @Override
        void define(Spec s) {
            common(s, "sub", "Subscribe to a subject on a NATS account");
            s.value("name", "subscription queue name", "-q", "--queue");
            maxMessages(s);
            s.toggle("encrypted payload: decrypt what tool req -E encrypted with the account's seed", "-E", "--encrypt");
            s.positional("subject", "1", "subject to subscribe to (wildcards allowed)");
        }

        @Override
        int run(Args a) {
            String subject = a.positional(0);
            long max = maxMessages(a);
            try (Target t = target(a); PayloadCipher cipher = a.flag("--encrypt") ? cipher(t) : null;
                    Session s = Session.open(t, "nsc_sub", true); StopOnSignal stop = new StopOnSignal(s)) {
                s.subscribe(subject, a.str("--queue"), max, new Lines(this, s, "Listening", cipher));
            }
            return 0;
        }
    }

    static final class Reply extends ToolCommands.Base {
        Reply(Cli cli, boolean topLevel) {
            super(cli, topLevel);
        }

        @Override
        void define(Spec s) {
            common(s, "reply", "Reply to requests on a subject on a NATS account");
            s.value("name", "reply queue name", "-q", "--queue");
            maxMessages(s);
            s.positional("subject", "1", "subject to answer requests on (wildcards allowed)");
            s.positional("payload", "0..1", "the answer to every request (default: the request's payload)");
        }

        @Override
        int run(Args a) {
            String subject = a.positional(0);
            String answer = a.positional(1);
            long max = maxMessages(a);
            try (Target t = target(a); Session s = Session.open(t, "nsc_reply", true); StopOnSignal stop = new StopOnSignal(s)) {
                s.reply(subject, a.str("--queue"), answer == null ? null : bytes(answer), max,
                        new Lines(this, s, "listening", null));
            }
            return 0;
        }
    }

    /**
     * nsc's lines: sub says "Listening on", reply "listening on". When stdout goes away (a reader
     * like "head -1" exited), the session is closed so the command ends instead of running on.
     */
    private static final class Lines implements MessageSink {
        private final ToolCommands.Base command;
        private final Session session;
        private final String listening;
        /** Decrypts what is received (sub -E), or null. */
        private final PayloadCipher cipher;

        Lines(ToolCommands.Base command, Session session, String listening, PayloadCipher cipher) {
            this.command = command;
            this.session = session;
            this.listening = listening;
            this.cipher = cipher;
        }

        private void print(String line) {
            if (!command.line(line)) {
                session.close();
            }
        }

        @Override
        public void listening(String subject, long max) {
            print(listening + " on [" + subject + "]" + (max > 0 ? " for " + max + " messages" : ""));
        }

        @Override
        public void received(long number, String subject, byte[] data) {
            if (cipher != null) {
                subject = cipher.decryptSubject(subject);
                data = cipher.decryptPayload(data);
            }
            print("[#" + number + "] received on [" + subject + "]: '" + ToolCommands.Base.text(data) + "'");
        }

        @Override
        public void unanswerable(long number, String subject) {
            print("[#" + number + "] ignoring request on [" + subject + "]: no reply subject");
        }
    }

    /**
     * While open, a JVM shutdown (SIGINT, SIGTERM) closes the session and waits briefly for the
     * command to finish its last line.
     */
    static final class StopOnSignal extends Thread implements AutoCloseable {
        private final Session session;
        private final CountDownLatch finished = new CountDownLatch(1);

        StopOnSignal(Session session) {
            super("jnsc-stop");
            this.session = session;
            Runtime.getRuntime().addShutdownHook(this);
        }

        @Override
        public void run() {
            session.close();
            try {
                finished.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(this);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: this hook is running or about to
            }
        }
    }
}
