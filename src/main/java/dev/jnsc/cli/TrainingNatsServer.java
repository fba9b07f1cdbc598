package dev.jnsc.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough of a nats-server on 127.0.0.1 for {@link Training} to run {@code push -A} through
 * jnats (INFO; PING/PONG; SUB; PUB answered for a server ping and for claims updates), so that the
 * push path's classes, jnats' among them (about 400 that were loaded from the jar on every push),
 * are in the class-data sharing archive. It checks nothing and serves one connection at a time.
 */
final class TrainingNatsServer implements AutoCloseable {
    private static final String SERVER = "\"server\":{\"name\":\"training\",\"id\":\"NTRAINING\"}";
    private static final String INFO = "INFO {\"server_id\":\"NTRAINING\",\"server_name\":\"training\",\"version\":\"2.9.10\","
            + "\"proto\":1,\"host\":\"127.0.0.1\",\"headers\":true,\"max_payload\":1048576,\"nonce\":\"dHJhaW5pbmdub25jZQ\"}\r\n";

    private final ServerSocket socket;

    TrainingNatsServer() throws IOException {
        socket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "training-nats-server");
        t.setDaemon(true);
        t.start();
    }

    String url() {
        return "nats://127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                talk(s.getInputStream(), s.getOutputStream());
            } catch (IOException e) {
                // closed, or the client went away: take the next one
            }
        }
    }

    private static void talk(InputStream raw, OutputStream rawOut) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        OutputStream out = new BufferedOutputStream(rawOut);
        out.write(INFO.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Map<String, String> subs = new HashMap<>();
        for (String line = readLine(in); line != null; line = readLine(in)) {
            String[] p = line.split(" ");
            if (p[0].equalsIgnoreCase("PING")) {
                out.write("PONG\r\n".getBytes(StandardCharsets.US_ASCII));
            } else if (p[0].equalsIgnoreCase("SUB") && p.length >= 3) {
                subs.put(p[1], p[p.length - 1]);
            } else if (p[0].equalsIgnoreCase("PUB") && p.length >= 3) {
                in.readNBytes(Integer.parseInt(p[p.length - 1]) + 2);
                String sid = p.length == 4 ? sidFor(subs, p[2]) : null;
                if (sid != null) {
                    String body = p[1].equals("$SYS.REQ.SERVER.PING")
                            ? "{" + SERVER + ",\"statsz\":{\"active_servers\":1,\"routes\":[]}}"
                            : "{" + SERVER + ",\"data\":{\"code\":200,\"message\":\"jwt updated\"}}";
                    out.write(("MSG " + p[2] + " " + sid + " " + body.length() + "\r\n" + body + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
            }
            out.flush();
        }
    }

    /** The subscription a reply subject goes to: by name, or by a trailing {@code *} wildcard. */
    private static String sidFor(Map<String, String> subs, String subject) {
        String sid = subs.get(subject);
        int dot = subject.lastIndexOf('.');
        return sid != null || dot < 0 ? sid : subs.get(subject.substring(0, dot) + ".*");
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                return b.toString(StandardCharsets.US_ASCII).trim();
            }
            b.write(c);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
