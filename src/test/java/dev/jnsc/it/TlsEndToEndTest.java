package dev.jnsc.it;

import static dev.jnsc.testing.Checks.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.env.Environment;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.resolver.NatsNotifier;
import dev.jnsc.testing.Checks;
import dev.jnsc.testing.NatsServer;
import dev.jnsc.testing.Nsc;
import dev.jnsc.testing.TestCerts;
import dev.jnsc.tools.Tls;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every NATS connection jnsc makes (the tools, push and pull over NATS, the account server's
 * notifications), over TLS against a real nats-server 2.9.10 that requires TLS and verifies client
 * certificates ({@code verify: true}). TLS is configured as the Go nsc 2.11.1 configures it, by
 * $NATS_CA, $NATS_CERT and $NATS_KEY (it has no TLS flags). The CA and the server and client
 * certificates are made at test time with the JDK's keytool ({@link TestCerts}).
 */
class TlsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path certDir;
    static TestCerts certs;
    static TestCerts.Ca ca;
    static TestCerts.Ca otherCa;
    static TestCerts.Pair serverCert;
    static TestCerts.Pair client;
    static TestCerts.Pair stranger;

    @TempDir
    Path home;
    NatsServer server;

    @BeforeAll
    static void certificates() {
        certs = new TestCerts(certDir);
        ca = certs.ca("jnsc-test");
        otherCa = certs.ca("other");
        serverCert = certs.server(ca, "server");
        client = certs.client(ca, "client");
        stranger = certs.client(otherCa, "stranger");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Nsc store() {
        Nsc nsc = new Nsc(home);
        nsc.ok("add", "operator", "O");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "user", "U");
        return nsc;
    }

    /** A server trusting the store's operator (generate config), plus a tls block. */
    private void serve(Nsc nsc, String resolverFlag, TestCerts.Pair cert) {
        Path dir = home.resolve("srv");
        Path conf = dir.resolve("server.conf");
        try {
            Files.createDirectories(dir);
            nsc.ok("generate", "config", resolverFlag, "--config-file", conf.toString());
            Files.writeString(conf, TestCerts.serverTls(cert, ca), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = NatsServer.startWithConfigFile(conf, dir);
    }

    private static Nsc withClientCert(Nsc nsc) {
        return nsc.env("NATS_CA", ca.pem.toString()).env("NATS_CERT", client.cert().toString())
                .env("NATS_KEY", client.key().toString());
    }

    private static void noKeyMaterial(Nsc.Result r) throws IOException {
        String key = Files.readString(client.key()).lines().skip(1).findFirst().orElseThrow();
        assertFalse(r.err().contains(key) || r.out().contains(key) || r.err().contains("PRIVATE KEY"), r::toString);
        assertFalse(r.err().contains("SU") && r.err().matches("(?s).*\\bSU[A-Z2-7]{56}\\b.*"), r::toString);
    }

    @Test
    void pubAndSubWithAClientCertificateOverATlsUrl() {
        Nsc nsc = withClientCert(store());
        serve(nsc, "--mem-resolver", serverCert);
        Nsc.Running sub = nsc.start("tool", "sub", "hello", "--max-messages", "1", "--nats", server.tlsUrl())
                .awaitOut("Listening on [hello]", WAIT);
        Nsc.Result pub = nsc.ok("tool", "pub", "hello", "TLS", "--nats", server.tlsUrl());
        assertEquals("Published [hello] : \"TLS\"\n", pub.out());
        assertEquals("", pub.err());
        Nsc.Result r = sub.result(WAIT);
        assertEquals(0, r.code(), r::toString);
        assertEquals("Listening on [hello] for 1 messages\n[#1] received on [hello]: 'TLS'\n", r.out());
    }

    /** The variables alone make a nats:// connection use TLS (Go: RootCAs and ClientCert set Secure); the host may be a name. */
    @Test
    void reqReplyAndRttOverTheOperatorsNatsUrlWithTheVariables() {
        Nsc nsc = withClientCert(store());
        serve(nsc, "--mem-resolver", serverCert);
        nsc.ok("edit", "operator", "--service-url", "nats://localhost:" + server.port());
        Nsc.Running reply = nsc.start("reply", "q", "pong", "--max-messages", "1").awaitOut("listening on [q]", WAIT);
        Nsc.Result req = nsc.ok("req", "q", "ping");
        assertTrue(req.out().endsWith("] : 'pong'\n"), req::toString);
        assertEquals(0, reply.result(WAIT).code());
        Nsc.Result rtt = nsc.ok("tool", "rtt");
        assertTrue(rtt.out().startsWith("round trip time to [nats://localhost:" + server.port() + "] = "), rtt::toString);
    }

    @Test
    void withoutAClientCertificateTheServerRefusesClearly() throws IOException {
        Nsc nsc = store().env("NATS_CA", ca.pem.toString());
        serve(nsc, "--mem-resolver", serverCert);
        Nsc.Result r = fails(nsc, "Error: cannot connect to " + server.tlsUrl()
                + ": the server requires a client certificate: set $NATS_CERT and $NATS_KEY", "pub", "x", "--nats",
                server.tlsUrl());
        noKeyMaterial(r);
    }

    @Test
    void aClientCertificateOfAnotherCaIsRefused() {
        Nsc nsc = store().env("NATS_CA", ca.pem.toString()).env("NATS_CERT", stranger.cert().toString())
                .env("NATS_KEY", stranger.key().toString());
        serve(nsc, "--mem-resolver", serverCert);
        fails(nsc, "Error: cannot connect to " + server.tlsUrl() + ": the server refused the client certificate of $NATS_CERT",
                "sub", "x", "--nats", server.tlsUrl());
    }

    @Test
    void aServerCertificateOfAnUntrustedCaIsRefusedClearly() {
        Nsc nsc = withClientCert(store()).env("NATS_CA", otherCa.pem.toString());
        serve(nsc, "--mem-resolver", serverCert);
        fails(nsc, "Error: cannot connect to " + server.tlsUrl() + ": the server's certificate is not trusted: it is not"
                + " signed by the CAs of $NATS_CA (" + otherCa.pem + ")", "pub", "x", "--nats", server.tlsUrl());
        // without $NATS_CA the system's CAs are trusted, and the TLS server is used over TLS even for a nats:// URL
        nsc.env("NATS_CA", null).env("NATS_CERT", null).env("NATS_KEY", null);
        fails(nsc, "Error: cannot connect to " + server.url() + ": the server's certificate is not trusted: it is not"
                + " signed by the system's trusted CAs (set $NATS_CA or --tlsca to a PEM file of the CA that signed it)",
                "pub", "x", "--nats", server.url());
    }

    @Test
    void aServerCertificateForAnotherHostIsRefused() {
        Nsc nsc = withClientCert(store());
        serve(nsc, "--mem-resolver", certs.server(ca, "elsewhere", "dns:elsewhere.example"));
        fails(nsc, "Error: cannot connect to " + server.tlsUrl() + ": the server's certificate is not for the host of "
                + server.tlsUrl(), "pub", "x", "--nats", server.tlsUrl());
    }

    @Test
    void unusableFilesAreNamedBeforeConnecting() throws IOException {
        Nsc nsc = withClientCert(store());
        serve(nsc, "--mem-resolver", serverCert);
        String url = server.tlsUrl();
        nsc.env("NATS_CERT", home.resolve("missing.pem").toString());
        fails(nsc, "Error: the client certificate file \"" + home.resolve("missing.pem") + "\" ($NATS_CERT) does not exist",
                "pub", "x", "--nats", url);
        nsc.env("NATS_CERT", client.cert().toString()).env("NATS_KEY", null);
        fails(nsc, "Error: no client key file: $NATS_KEY is not set ($NATS_CERT and $NATS_KEY go together)",
                "pub", "x", "--nats", url);
        nsc.env("NATS_KEY", stranger.key().toString());
        noKeyMaterial(fails(nsc, "Error: the client key \"" + stranger.key() + "\" ($NATS_KEY) is not the key of the certificate \""
                + client.cert() + "\" ($NATS_CERT)", "pub", "x", "--nats", url));
        nsc.env("NATS_KEY", client.cert().toString());
        fails(nsc, "($NATS_KEY) cannot be used: no PEM private key found in it", "pub", "x", "--nats", url);
        nsc.env("NATS_KEY", client.key().toString()).env("NATS_CA", client.key().toString());
        noKeyMaterial(fails(nsc, "Error: the root CA file \"" + client.key() + "\" ($NATS_CA) holds no PEM certificate",
                "pub", "x", "--nats", url));
        nsc.env("NATS_CA", "");
        fails(nsc, "Error: no root CA file: $NATS_CA is empty", "pub", "x", "--nats", url);
        // relative names are read from the working folder; NATS_CA is trimmed, as in the Go nsc
        Files.copy(ca.pem, home.resolve("ca.pem"));
        nsc.cwd(home).env("NATS_CA", " ca.pem ");
        nsc.ok("pub", "x", "--nats", url);
    }

    @Test
    void tlsAskedForAndAServerWithoutTls() {
        Nsc nsc = store();
        Path conf = home.resolve("plain.conf");
        nsc.ok("generate", "config", "--mem-resolver", "--config-file", conf.toString());
        server = NatsServer.startWithConfigFile(conf, home);
        nsc.ok("pub", "x", "--nats", server.url());
        withClientCert(nsc);
        fails(nsc, "Error: cannot connect to " + server.url() + ": the server does not offer TLS, which $NATS_CERT asks for",
                "pub", "x", "--nats", server.url());
        nsc.env("NATS_CERT", null).env("NATS_KEY", null);
        fails(nsc, "the server does not offer TLS, which $NATS_CA asks for", "pub", "x", "--nats", server.url());
        nsc.env("NATS_CA", null);
        fails(nsc, "the server does not offer TLS, which the URL asks for", "pub", "x", "--nats", server.tlsUrl());
    }

    /**
     * Without any variable, a server that requires TLS is reached over TLS for a nats:// URL too,
     * trusting the default trust store (the Go client switches by itself, trusting the system's CAs).
     * The JVM's trust store is this test's CA for the while.
     */
    @Test
    void aServerThatRequiresTlsIsReachedOverTlsWithTheDefaultTrustStore() throws Exception {
        Nsc nsc = store();
        Path conf = home.resolve("server.conf");
        nsc.ok("generate", "config", "--mem-resolver", "--config-file", conf.toString());
        Files.writeString(conf, "tls {\n  cert_file: \"" + serverCert.cert() + "\"\n  key_file: \"" + serverCert.key()
                + "\"\n}\n", StandardOpenOption.APPEND);
        server = NatsServer.startWithConfigFile(conf, home);
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (java.io.InputStream in = Files.newInputStream(ca.pem)) {
            trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Path store = home.resolve("trust.p12");
        try (java.io.OutputStream out = Files.newOutputStream(store)) {
            trust.store(out, "changeit".toCharArray());
        }
        Map<String, String> props = Map.of("javax.net.ssl.trustStore", store.toString(), "javax.net.ssl.trustStorePassword",
                "changeit", "javax.net.ssl.trustStoreType", "PKCS12");
        Map<String, String> before = new java.util.HashMap<>();
        props.keySet().forEach(k -> before.put(k, System.getProperty(k)));
        try {
            props.forEach(System::setProperty);
            assertEquals("Published [x] : \"\"\n", nsc.ok("pub", "x", "--nats", server.url()).out());
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    private static String[] flags(TestCerts.Ca trusted, TestCerts.Pair pair, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--tlsca", trusted.pem.toString(), "--tlscert", pair.cert().toString(), "--tlskey",
                pair.key().toString()));
        return all.toArray(new String[0]);
    }

    /** jnsc's --tlsca/--tlscert/--tlskey (natscli's names; the Go nsc has no TLS flags), without any variable. */
    @Test
    void pubSubAndRttWithTheTlsFlags() {
        Nsc nsc = store();
        serve(nsc, "--mem-resolver", serverCert);
        Nsc.Running sub = nsc.start(flags(ca, client, "sub", "hello", "--max-messages", "1", "--nats", server.url()))
                .awaitOut("Listening on [hello]", WAIT);
        Nsc.Result pub = nsc.ok(flags(ca, client, "tool", "pub", "hello", "flags", "--nats", server.url()));
        assertEquals("Published [hello] : \"flags\"\n", pub.out());
        Nsc.Result r = sub.result(WAIT);
        assertEquals("Listening on [hello] for 1 messages\n[#1] received on [hello]: 'flags'\n", r.out(), r::toString);
        assertEquals(0, r.code(), r::toString);
        Nsc.Result rtt = nsc.ok(flags(ca, client, "tool", "rtt", "--nats", server.tlsUrl()));
        assertTrue(rtt.out().startsWith("round trip time to [" + server.tlsUrl() + "] = "), rtt::toString);
        // refusals name the flag that gave the file
        fails(nsc, "Error: cannot connect to " + server.tlsUrl() + ": the server refused the client certificate of --tlscert",
                flags(ca, stranger, "pub", "x", "--nats", server.tlsUrl()));
        fails(nsc, "Error: cannot connect to " + server.tlsUrl() + ": the server's certificate is not trusted: it is not"
                + " signed by the CAs of --tlsca (" + otherCa.pem + ")", flags(otherCa, client, "pub", "x", "--nats",
                server.tlsUrl()));
        fails(nsc, "Error: cannot connect to " + server.tlsUrl() + ": the server requires a client certificate: set $NATS_CERT"
                + " and $NATS_KEY (or --tlscert and --tlskey)", "pub", "x", "--tlsca", ca.pem.toString(), "--nats",
                server.tlsUrl());
    }

    /** A flag wins over its variable; the other settings still come from the environment. */
    @Test
    void aFlagOverridesAWrongVariable() throws IOException {
        Nsc nsc = store().env("NATS_CA", otherCa.pem.toString()).env("NATS_CERT", stranger.cert().toString())
                .env("NATS_KEY", stranger.key().toString());
        serve(nsc, "--mem-resolver", serverCert);
        String url = server.tlsUrl();
        fails(nsc, "the server's certificate is not trusted: it is not signed by the CAs of $NATS_CA", "pub", "x", "--nats", url);
        fails(nsc, "the server refused the client certificate of $NATS_CERT", "pub", "x", "--tlsca", ca.pem.toString(), "--nats",
                url);
        nsc.ok(flags(ca, client, "pub", "x", "--nats", url));
        // mixed: the certificate from its flag, the key still from $NATS_KEY (the stranger's)
        noKeyMaterial(fails(nsc, "Error: the client key \"" + stranger.key() + "\" ($NATS_KEY) is not the key of the certificate \""
                + client.cert() + "\" (--tlscert)", "pub", "x", "--tlsca", ca.pem.toString(), "--tlscert",
                client.cert().toString(), "--nats", url));
        nsc.env("NATS_CA", null).env("NATS_CERT", null).env("NATS_KEY", null);
        fails(nsc, "Error: no client key file: --tlskey is not given and $NATS_KEY is not set (--tlscert and --tlskey go together)",
                "pub", "x", "--tlscert", client.cert().toString(), "--nats", url);
        fails(nsc, "Error: the client certificate file \"" + home.resolve("missing.pem") + "\" (--tlscert) does not exist",
                flags(ca, new TestCerts.Pair(home.resolve("missing.pem"), client.key()), "pub", "x", "--nats", url));
        fails(nsc, "Error: --tlsca \"\" is empty: expected <file>", "pub", "x", "--tlsca", "", "--nats", url);
        // relative names are read from the working folder
        Files.copy(ca.pem, home.resolve("ca.pem"));
        nsc.cwd(home).ok("pub", "x", "--tlsca", "ca.pem", "--tlscert", client.cert().toString(), "--tlskey",
                client.key().toString(), "--nats", url);
    }

    /** push and pull to the servers' own resolver with the TLS flags; refused for an HTTP account server, where they would do nothing. */
    @Test
    void pushAndPullWithTheTlsFlags() {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("add", "operator", "O", "--sys");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "user", "U");
        serve(nsc, "--nats-resolver", serverCert);
        nsc.ok("edit", "operator", "--account-jwt-server-url", server.url());
        nsc.env("NATS_CERT", stranger.cert().toString()).env("NATS_KEY", stranger.key().toString());
        fails(nsc, "the server refused the client certificate of $NATS_CERT", "push", "-A", "--tlsca", ca.pem.toString());
        Nsc.Result push = nsc.ok(flags(ca, client, "push", "-A"));
        assertTrue(push.out().contains("[ OK ] pushed \"A\" to nats-server"), push::toString);
        Nsc.Result pull = nsc.ok(flags(ca, client, "pull", "-A"));
        assertTrue(pull.out().contains("[ OK ] pulled \"A\""), pull::toString);
        fails(nsc, "Error: --tlsca, --tlscert and --tlskey are for NATS connections: http://127.0.0.1:1 is an HTTP(S) account"
                + " server", flags(ca, client, "push", "-A", "-u", "http://127.0.0.1:1"));
        fails(nsc, "Error: --tlsca, --tlscert and --tlskey are for NATS connections: http://127.0.0.1:1 is an HTTP(S) account"
                + " server", flags(ca, client, "pull", "-A", "-u", "http://127.0.0.1:1"));
    }

    /** push and pull to the servers' own resolver over TLS, as the system account. */
    @Test
    void pushAndPullOverTls() {
        Nsc nsc = new Nsc(home).realClock();
        nsc.ok("add", "operator", "O", "--sys");
        nsc.ok("add", "account", "A");
        nsc.ok("add", "user", "U");
        serve(nsc, "--nats-resolver", serverCert);
        nsc.ok("edit", "operator", "--account-jwt-server-url", server.tlsUrl());
        fails(nsc, "Error: cannot connect to " + server.tlsUrl() + ": the server's certificate is not trusted", "push", "-A");
        withClientCert(nsc);
        Nsc.Result push = nsc.ok("push", "-A");
        assertTrue(push.out().contains("[ OK ] pushed \"A\" to nats-server"), push::toString);
        Nsc.Result pull = nsc.ok("pull", "-A");
        assertTrue(pull.out().contains("[ OK ] pulled \"A\""), pull::toString);
        nsc.env("NATS_CERT", null).env("NATS_KEY", null);
        fails(nsc, "Error: cannot connect to " + server.tlsUrl() + ": the server requires a client certificate", "pull", "-A");
        // the pushed account is usable over TLS
        withClientCert(nsc).ok("pub", "x", "--nats", server.tlsUrl());
    }

    /** account-server --nats: its claims updates reach the servers over TLS, and bad TLS files stop it at start. */
    @Test
    void accountServerNotificationsOverTls() throws Exception {
        Nsc nsc = withClientCert(new Nsc(home).realClock());
        nsc.ok("add", "operator", "O", "--sys");
        nsc.ok("add", "account", "A");
        serve(nsc, "--mem-resolver", serverCert);
        Path sysCreds = nsc.creds("O", "SYS", "sys");
        Environment env = new Environment(Map.of("NATS_CA", ca.pem.toString(), "NATS_CERT", client.cert().toString(),
                "NATS_KEY", client.key().toString()), home, home);
        Tls tls = Tls.fromEnv(env);
        String token = Nsc.read(nsc.accountJwt("O", "A"));
        String key = Jwt.decode(token).claims().subject();
        List<String> log = new CopyOnWriteArrayList<>();
        try (Connection watcher = Nats.connect(new Options.Builder().server(server.tlsUrl()).sslContext(tls.context()).connectionTimeout(Duration.ofSeconds(10))
                .authHandler(Nats.credentials(sysCreds.toString())).build());
                NatsNotifier notifier = NatsNotifier.create(server.tlsUrl(), sysCreds, tls, log::add)) {
            Subscription updates = watcher.subscribe("$SYS.ACCOUNT.*.CLAIMS.UPDATE");
            watcher.flush(Duration.ofSeconds(5));
            notifier.accountUpdated(key, token);
            Message m = updates.nextMessage(WAIT);
            assertNotNull(m, "update published over TLS; log: " + log);
            assertEquals(token, new String(m.getData(), StandardCharsets.US_ASCII));
        }
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[INF] connected to " + server.tlsUrl())), log::toString);

        // the flags: a wrong flag is named at start too, and they go with --nats only
        String[] start = {"account-server", "--nsc", nsc.stores().resolve("O").toString(), "--hp", "127.0.0.1:"
            + NatsServer.freePort()};
        String[] withNats = java.util.stream.Stream.concat(java.util.Arrays.stream(start), java.util.stream.Stream.of("--nats",
                server.tlsUrl(), "--creds", sysCreds.toString(), "--tlscert", home.resolve("none.pem").toString()))
                .toArray(String[]::new);
        fails(nsc, "Error: the client certificate file \"" + home.resolve("none.pem") + "\" (--tlscert) does not exist", withNats);
        Checks.usage(nsc, "Error: --tlsca, --tlscert and --tlskey go with --nats", java.util.stream.Stream.concat(
                java.util.Arrays.stream(start), java.util.stream.Stream.of("--tlsca", ca.pem.toString())).toArray(String[]::new));
        nsc.env("NATS_KEY", home.resolve("nope.pem").toString());
        fails(nsc, "Error: the client key file \"" + home.resolve("nope.pem") + "\" ($NATS_KEY) does not exist",
                "account-server", "--nsc", nsc.stores().resolve("O").toString(), "--hp", "127.0.0.1:" + NatsServer.freePort(),
                "--nats", server.tlsUrl(), "--creds", sysCreds.toString());
    }
}
