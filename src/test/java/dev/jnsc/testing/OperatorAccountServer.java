package dev.jnsc.testing;

import com.sun.net.httpserver.HttpServer;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.nkeys.NKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * An account server as a remote (managed) operator's works, Synadia's for one: it serves the
 * operator JWT at {@code /jwt/v1/operator}, takes a self-signed account JWT by POST and, when it
 * answers the POST below 300, serves it back signed by the operator's key at
 * {@code /jwt/v1/accounts/<key>}.
 */
public final class OperatorAccountServer implements AutoCloseable {
    private final HttpServer server;
    /** The accounts it serves, signed by the operator, by public key. */
    public final Map<String, String> accounts = new ConcurrentHashMap<>();

    /**
     * @param operatorJwt what {@code /jwt/v1/operator} answers (read on every request)
     * @param signer      the operator key that signs the posted accounts
     * @param postStatus  the status a POST gets
     */
    public OperatorAccountServer(Supplier<byte[]> operatorJwt, Supplier<NKey> signer, IntSupplier postStatus)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwt/v1/operator", ex -> {
            byte[] b = operatorJwt.get();
            ex.getResponseHeaders().add("Content-Type", "application/jwt");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.createContext("/jwt/v1/accounts/", ex -> {
            String key = ex.getRequestURI().getPath().substring("/jwt/v1/accounts/".length());
            if (ex.getRequestMethod().equals("POST")) {
                AccountClaims posted = Jwt.decode(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII))
                        .as(AccountClaims.class, "an account");
                int status = postStatus.getAsInt();
                if (status < 300) {
                    accounts.put(key, Jwt.encode(posted, signer.get(), posted.issuedAt()));
                }
                ex.sendResponseHeaders(status, -1);
            } else if (accounts.containsKey(key)) {
                byte[] b = accounts.get(key).getBytes(StandardCharsets.US_ASCII);
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            } else {
                ex.sendResponseHeaders(404, -1);
            }
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/jwt/v1}, the operator's account server URL. */
    public String base() {
        return root() + "/jwt/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
