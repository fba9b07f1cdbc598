package dev.jnsc.cli;

import dev.jnsc.tools.Session;
import dev.jnsc.tools.Target;

/**
 * tool rtt (and, hidden from help as in nsc, rtt): connects as a stored user and prints the time
 * of one round trip to the server (a PING answered by a PONG), in nsc's words.
 */
final class RttCommand extends ToolCommands.Base {
    RttCommand(Cli cli, boolean topLevel) {
        super(cli, topLevel);
    }

    @Override
    void define(Spec s) {
        common(s, "rtt", "Calculate the round trip time to the server");
    }

    @Override
    int run(Args a) {
        try (Target t = target(a); Session s = Session.open(t, "nsc_rtt", false)) {
            Session.RoundTrip rt = s.roundTrip();
            line("round trip time to [" + rt.url() + "] = " + rt.text());
        }
        return 0;
    }
}
