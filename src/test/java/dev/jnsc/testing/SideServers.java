package dev.jnsc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One nats-server 2.9.10 for each side of a {@link Differential}: operator O with a system account,
 * the full resolver configuration each side generates (plus {@code addedConfig}, e.g. a tls block,
 * when given), and the operator's account server and service URLs pointing at its side's server.
 */
public final class SideServers implements AutoCloseable {
    private final Map<String, NatsServer> servers = new LinkedHashMap<>();

    private SideServers() {
    }

    /**
     * Starts both servers; {@code tlsServiceUrl} gives the operator the tls:// service URL (the
     * account server URL stays nats://: the Go nsc 2.11.1's push refuses tls://).
     */
    public static SideServers start(Differential d, String addedConfig, boolean tlsServiceUrl)
            throws IOException, InterruptedException {
        SideServers s = new SideServers();
        d.run("add", "operator", "O", "--sys");
        d.run("generate", "config", "--nats-resolver", "--config-file", "out/server.conf");
        try {
            for (Differential.Side side : new Differential.Side[] {d.go(), d.java()}) {
                Path conf = side.output().resolve("server.conf");
                if (addedConfig != null) {
                    Path plus = side.home().resolve("server-plus.conf"); // outside out/: not a compared output
                    Files.writeString(plus, Files.readString(conf) + addedConfig);
                    conf = plus;
                }
                s.servers.put(side.home().toString(), NatsServer.startWithConfigFile(conf, side.output()));
            }
            d.runEach(side -> new String[] {"edit", "operator", "--account-jwt-server-url", s.server(side).url(),
                "--service-url", tlsServiceUrl ? s.server(side).tlsUrl() : s.server(side).url()});
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    public NatsServer server(Differential.Side side) {
        return servers.get(side.home().toString());
    }

    public String url(Differential.Side side) {
        return server(side).url();
    }

    @Override
    public void close() {
        servers.values().forEach(NatsServer::close);
    }
}
