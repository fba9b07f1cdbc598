package dev.jnsc.cli;

import dev.jnsc.tools.Tls;

/**
 * --tlsca, --tlscert and --tlskey of the commands that connect to NATS servers: natscli's names, a
 * jnsc extension (the Go nsc 2.11.1 reads only $NATS_CA, $NATS_CERT and $NATS_KEY). A flag wins
 * over its variable; the others still come from the environment.
 */
final class TlsFlags {
    private TlsFlags() {
    }

    static void define(Spec s) {
        s.value("file", "PEM file of the CAs to trust for NATS connections (overrides $NATS_CA)", Tls.CA_FLAG);
        s.value("file", "PEM client certificate for NATS connections, with --tlskey (overrides $NATS_CERT)", Tls.CERT_FLAG);
        s.value("file", "PEM private key of the client certificate (overrides $NATS_KEY)", Tls.KEY_FLAG);
    }

    static Tls read(Args a, Cli cli) {
        return Tls.of(cli.env, a.str(Tls.CA_FLAG), a.str(Tls.CERT_FLAG), a.str(Tls.KEY_FLAG));
    }
}
