package dev.jnsc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at test time for TLS tests: a CA, server certificates for 127.0.0.1 and
 * localhost, and client certificates, all EC P-256 and valid for two days. The JDK has no public
 * API to build certificates, so this runs the JDK's own {@code keytool} (always there with a JDK,
 * unlike openssl on a fresh Debian): {@code -genkeypair} for the keys, {@code -certreq} and
 * {@code -gencert} to sign with the CA. Keys are then read from the PKCS#12 files with the
 * KeyStore API and written as PKCS#8 PEM, which nats-server and the Go nsc read.
 */
public final class TestCerts {
    private static final String PASSWORD = "changeit";

    private final Path dir;

    /** A CA (its certificate in {@code <dir>/<name>-ca.pem}). */
    public static final class Ca {
        final Path store;
        public final Path pem;

        Ca(Path store, Path pem) {
            this.store = store;
            this.pem = pem;
        }
    }

    /** A certificate and its key as PEM files. */
    public record Pair(Path cert, Path key) {
    }

    public TestCerts(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keytool of the JDK running the tests. */
    public static Path keytool() {
        Path p = Path.of(System.getProperty("java.home"), "bin", "keytool");
        return Files.isExecutable(p) ? p : Path.of("keytool");
    }

    /** A new self-signed CA named {@code name}. */
    public Ca ca(String name) {
        Path store = dir.resolve(name + "-ca.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "bc:c", "-validity", "2", "-keystore", store.toString());
        Path pem = dir.resolve(name + "-ca.pem");
        write(pem, keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString()));
        return new Ca(store, pem);
    }

    /** A server certificate for 127.0.0.1 and localhost (or the given SAN list), signed by {@code ca}. */
    public Pair server(Ca ca, String name) {
        return signed(ca, name, "san=ip:127.0.0.1,dns:localhost", "serverAuth");
    }

    /** A server certificate with the given subject alternative names (keytool's san= syntax). */
    public Pair server(Ca ca, String name, String san) {
        return signed(ca, name, "san=" + san, "serverAuth");
    }

    /** A client certificate signed by {@code ca}. */
    public Pair client(Ca ca, String name) {
        return signed(ca, name, null, "clientAuth");
    }

    private Pair signed(Ca ca, String name, String san, String usage) {
        Path store = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-validity", "2", "-keystore", store.toString());
        Path csr = dir.resolve(name + ".csr");
        write(csr, keytool("-certreq", "-alias", name, "-keystore", store.toString()));
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.store.toString(),
                "-infile", csr.toString(), "-validity", "2", "-ext", "eku=" + usage));
        if (san != null) {
            gencert.add("-ext");
            gencert.add(san);
        }
        Path cert = dir.resolve(name + ".pem");
        write(cert, keytool(gencert.toArray(new String[0])));
        Path key = dir.resolve(name + "-key.pem");
        write(key, privateKeyPem(store, name));
        return new Pair(cert, key);
    }

    private static String privateKeyPem(Path store, String alias) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            Key k = ks.getKey(alias, PASSWORD.toCharArray());
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(k.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs keytool with the store password and PKCS#12; its standard output. */
    private static String keytool(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(keytool().toString());
        cmd.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC")); // short runs start faster
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12", "-noprompt"));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + String.join(" ", args) + "\n"
                        + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The tls block of a nats-server configuration: this certificate, and client certificates of {@code clientCa} verified. */
    public static String serverTls(Pair server, Ca clientCa) {
        return "tls {\n  cert_file: \"" + server.cert() + "\"\n  key_file: \"" + server.key() + "\"\n  ca_file: \""
                + clientCa.pem + "\"\n  verify: true\n  timeout: 10\n}\n"; // generous: test machines are busy
    }
}
