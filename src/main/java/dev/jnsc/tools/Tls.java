package dev.jnsc.tools;

import dev.jnsc.env.Environment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS of the NATS connections jnsc makes, configured as the Go nsc 2.11.1 configures its own: by
 * the environment only (it has no TLS flags). {@code $NATS_CA} names a PEM file of the CAs to
 * trust instead of the system's (its value trimmed of spaces); {@code $NATS_CERT} and
 * {@code $NATS_KEY} name the client certificate and its key, and setting either one asks for both.
 * A variable that is set counts even when empty (the empty file name then fails to read), as Go's
 * {@code os.LookupEnv}. Any of them makes the connection require TLS, as a {@code tls://} URL
 * does; without them TLS is still used when the server requires it, trusting the system's CAs.
 * The server's certificate must name the host of the URL (Go checks it; jnats alone would not).
 */
public final class Tls {
    public static final String CA = "NATS_CA";
    public static final String CERT = "NATS_CERT";
    public static final String KEY = "NATS_KEY";

    /** jnsc's TLS flags (natscli's names; the Go nsc has none), each overriding its variable. */
    public static final String CA_FLAG = "--tlsca";
    public static final String CERT_FLAG = "--tlscert";
    public static final String KEY_FLAG = "--tlskey";

    private final Path cwd;
    private final String caFile;
    private final String certFile;
    private final String keyFile;
    private final Set<String> unset;
    /** Whether a TLS flag gave a value (then messages name the flags). */
    private final Set<String> flagged;
    private SSLContext context;

    private Tls(Path cwd, String caFile, String certFile, String keyFile, Set<String> unset, Set<String> flagged) {
        this.cwd = cwd;
        this.unset = unset;
        this.flagged = flagged;
        this.caFile = caFile;
        this.certFile = certFile;
        this.keyFile = keyFile;
    }

    /** The TLS settings of the environment. */
    public static Tls fromEnv(Environment env) {
        return of(env, null, null, null);
    }

    /**
     * The TLS settings of the flags {@code --tlsca}, {@code --tlscert} and {@code --tlskey} (null:
     * not given), each overriding its variable, and of the environment for the others.
     */
    public static Tls of(Environment env, String caFlag, String certFlag, String keyFlag) {
        String envCa = env.vars().get(CA);
        String ca = caFlag != null ? caFlag : envCa == null ? null : envCa.strip();
        String cert = certFlag != null ? certFlag : env.vars().get(CERT);
        String key = keyFlag != null ? keyFlag : env.vars().get(KEY);
        boolean client = cert != null || key != null;
        Set<String> unset = new HashSet<>();
        Set<String> flagged = new HashSet<>();
        String[] flags = {caFlag, certFlag, keyFlag};
        String[] vars = {CA, CERT, KEY};
        for (int i = 0; i < vars.length; i++) {
            if (flags[i] != null) {
                flagged.add(vars[i]);
            } else if (env.vars().get(vars[i]) == null) {
                unset.add(vars[i]);
            }
        }
        return new Tls(env.cwd(), ca, client ? nullToEmpty(cert) : null, client ? nullToEmpty(key) : null, unset, flagged);
    }

    /** No TLS settings: TLS only for tls:// URLs and servers that require it, trusting the system's CAs. */
    public static Tls none() {
        return new Tls(Path.of(""), null, null, null, Set.of(CA, CERT, KEY), Set.of());
    }

    /** Whether a TLS flag gave any of the settings. */
    public boolean fromFlags() {
        return !flagged.isEmpty();
    }

    /** Where a setting came from, for messages: "--tlscert" when its flag gave it, else "$NATS_CERT". */
    String source(String variable) {
        return flagged.contains(variable) ? flagFor(variable) : "$" + variable;
    }

    private static String flagFor(String variable) {
        return variable.equals(CA) ? CA_FLAG : variable.equals(CERT) ? CERT_FLAG : KEY_FLAG;
    }

    /** How to give a client certificate, for messages. */
    static String clientCertificateHint() {
        return "set $" + CERT + " and $" + KEY + " (or " + CERT_FLAG + " and " + KEY_FLAG + ")";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Whether the environment asks for TLS (a CA file or a client certificate). */
    public boolean required() {
        return caFile != null || certFile != null;
    }

    /** Whether a client certificate is configured. */
    boolean hasClientCertificate() {
        return certFile != null;
    }

    /** Where the trusted CAs come from, for messages. */
    String trustSource() {
        return caFile == null ? "the system's trusted CAs" : "the CAs of " + source(CA) + " (" + caFile + ")";
    }

    /**
     * The context for TLS connections: the CAs to trust, the client certificate if any, host names
     * checked. Built once; a file that cannot be read or used fails with one line naming the
     * variable, the file and the reason.
     */
    public synchronized SSLContext context() throws TlsException {
        if (context == null) {
            context = build();
        }
        return context;
    }

    private SSLContext build() throws TlsException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(caFile == null ? null : trustStore());
            KeyManager[] keyManagers = null;
            if (certFile != null) {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                char[] none = new char[0];
                kmf.init(clientKeyStore(none), none);
                keyManagers = kmf.getKeyManagers();
            }
            SSLContext real = SSLContext.getInstance("TLS");
            real.init(keyManagers, tmf.getTrustManagers(), new SecureRandom());
            return new HostChecking(real);
        } catch (TlsException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new TlsException("cannot set up TLS: " + e.getMessage());
        }
    }

    private KeyStore trustStore() throws TlsException, GeneralSecurityException {
        byte[] pem = read(caFile, CA, "root CA");
        List<X509Certificate> cas;
        try {
            cas = Pem.certificates(pem);
        } catch (GeneralSecurityException e) {
            throw new TlsException("the root CA file " + quote(caFile) + " (" + source(CA) + ") holds a certificate that cannot be read: "
                    + e.getMessage());
        }
        if (cas.isEmpty()) {
            throw new TlsException("the root CA file " + quote(caFile) + " (" + source(CA) + ") holds no PEM certificate");
        }
        KeyStore ks = emptyKeyStore();
        for (int i = 0; i < cas.size(); i++) {
            ks.setCertificateEntry("ca" + i, cas.get(i));
        }
        return ks;
    }

    private KeyStore clientKeyStore(char[] password) throws TlsException, GeneralSecurityException {
        byte[] certPem = read(certFile, CERT, "client certificate");
        byte[] keyPem = read(keyFile, KEY, "client key");
        List<X509Certificate> chain;
        try {
            chain = Pem.certificates(certPem);
        } catch (GeneralSecurityException e) {
            throw new TlsException("the client certificate file " + quote(certFile) + " (" + source(CERT)
                    + ") holds a certificate that cannot be read: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw new TlsException("the client certificate file " + quote(certFile) + " (" + source(CERT) + ") holds no PEM certificate");
        }
        PrivateKey key;
        try {
            key = Pem.privateKey(keyPem);
        } catch (GeneralSecurityException e) {
            throw new TlsException("the client key file " + quote(keyFile) + " (" + source(KEY) + ") cannot be used: " + e.getMessage());
        }
        if (!matches(key, chain.get(0))) {
            throw new TlsException("the client key " + quote(keyFile) + " (" + source(KEY) + ") is not the key of the certificate "
                    + quote(certFile) + " (" + source(CERT) + ")");
        }
        KeyStore ks = emptyKeyStore();
        ks.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
        return ks;
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
        return ks;
    }

    /** Whether the key signs what the certificate's public key verifies (Go: "private key does not match public key"). */
    private static boolean matches(PrivateKey key, X509Certificate cert) {
        String algorithm;
        switch (key.getAlgorithm()) {
            case "RSA":
                algorithm = "SHA256withRSA";
                break;
            case "EC":
                algorithm = "SHA256withECDSA";
                break;
            default:
                algorithm = key.getAlgorithm();
        }
        try {
            byte[] probe = "jnsc client key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private byte[] read(String file, String variable, String what) throws TlsException {
        if (file.isEmpty()) {
            boolean flags = flagged.contains(CERT) || flagged.contains(KEY);
            String absent = !unset.contains(variable) ? source(variable) + " is empty"
                    : flags ? flagFor(variable) + " is not given and $" + variable + " is not set" : "$" + variable + " is not set";
            throw new TlsException("no " + what + " file: " + absent + (variable.equals(CA) ? ""
                    : flags ? " (" + CERT_FLAG + " and " + KEY_FLAG + " go together)" : " ($" + CERT + " and $" + KEY + " go together)"));
        }
        Path p = cwd.resolve(file);
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new TlsException("the " + what + " file " + quote(file) + " (" + source(variable) + ") does not exist");
        } catch (AccessDeniedException e) {
            throw new TlsException("the " + what + " file " + quote(file) + " (" + source(variable) + ") cannot be read: permission denied");
        } catch (IOException e) {
            throw new TlsException("the " + what + " file " + quote(file) + " (" + source(variable) + ") cannot be read: "
                    + (Files.isDirectory(p) ? "it is a folder" : e.getMessage()));
        }
    }

    private static String quote(String file) {
        return "\"" + file + "\"";
    }

    /** A problem with TLS: its message is one line, fit to print after "Error: ". */
    public static final class TlsException extends IOException {
        private static final long serialVersionUID = 1L;

        public TlsException(String message) {
            super(message);
        }
    }

    /**
     * A context whose client sockets check that the server's certificate names the host they
     * connect to ("HTTPS" endpoint identification: DNS names and IP addresses of the certificate),
     * as Go's crypto/tls does for the URL's host.
     */
    private static final class HostChecking extends SSLContext {
        HostChecking(SSLContext real) {
            super(new Spi(real), real.getProvider(), real.getProtocol());
        }
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext real;

        Spi(SSLContext real) {
            this.real = real;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            real.init(km, tm, sr);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new CheckingFactory(real.getSocketFactory());
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return checking(real.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return checking(real.createSSLEngine(host, port));
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real.getClientSessionContext();
        }

        private static SSLEngine checking(SSLEngine e) {
            SSLParameters p = e.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            e.setSSLParameters(p);
            return e;
        }
    }

    private static final class CheckingFactory extends SSLSocketFactory {
        private final SSLSocketFactory real;

        CheckingFactory(SSLSocketFactory real) {
            this.real = real;
        }

        private static Socket checking(Socket s) {
            if (s instanceof SSLSocket) {
                SSLSocket ssl = (SSLSocket) s;
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(p);
            }
            return s;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return real.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return real.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return checking(real.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket() throws IOException {
            return checking(real.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return checking(real.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return checking(real.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return checking(real.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return checking(real.createSocket(address, port, localAddress, localPort));
        }
    }
}
