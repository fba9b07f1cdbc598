package dev.jnsc.resolver;

import java.net.InetSocketAddress;

/**
 * A listen address given as {@code host:port}, as nats-account-server's {@code -hp} flag takes it:
 * {@code localhost:9090}, {@code 127.0.0.1:0} (any free port), {@code [::1]:9090}, or {@code :9090}
 * for every interface.
 */
public record HostPort(String host, int port) {
    public static final String DEFAULT = "localhost:9090";

    public HostPort {
        if (port < 0 || port > 65535) {
            throw new ResolverException("port " + port + " is out of range 0-65535");
        }
    }

    public static HostPort parse(String text) {
        String s = text == null ? "" : text.trim();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            throw new ResolverException("\"" + s + "\" is not host:port (for example localhost:9090)");
        }
        String host = s.substring(0, colon);
        String port = s.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.]+")) {
                throw new ResolverException("\"" + s + "\" has an invalid IPv6 address");
            }
        } else if (host.contains(":") || host.contains("[") || host.contains("]")) {
            throw new ResolverException("\"" + s + "\": write an IPv6 host in brackets, like [::1]:9090");
        } else if (!host.matches("[A-Za-z0-9.\\-_]*")) {
            throw new ResolverException("\"" + s + "\" has an invalid host name");
        }
        if (!port.matches("[0-9]{1,5}")) {
            throw new ResolverException("\"" + s + "\" has no valid port: expected a number from 0 to 65535");
        }
        return new HostPort(host, Integer.parseInt(port));
    }

    /** The address to bind; an empty host means every interface. */
    InetSocketAddress socketAddress() {
        if (host.isEmpty()) {
            return new InetSocketAddress(port);
        }
        InetSocketAddress a = new InetSocketAddress(host, port);
        if (a.isUnresolved()) {
            throw new ResolverException("cannot resolve host \"" + host + "\"");
        }
        return a;
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
