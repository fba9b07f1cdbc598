package dev.jnsc.resolver;

import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.JwtException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One nats-server's answer to a $SYS.REQ.CLAIMS request:
 * {@code {"server":{"name":…,"id":…},"data":{…}}} or {@code {"server":{…},"error":{…}}}.
 */
public record ServerReply(String serverName, String serverId, boolean ok, String message, Object data) {

    public static ServerReply parse(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        Map<String, Object> m;
        try {
            m = Json.parseObject(payload);
        } catch (JwtException e) {
            return new ServerReply("", "", false, "unreadable reply: " + abbreviate(text), null);
        }
        Map<String, Object> server = Json.map(m, "server");
        String name = server == null ? "" : Json.str(server, "name");
        String id = server == null ? "" : Json.str(server, "id");
        Map<String, Object> error = Json.map(m, "error");
        if (error != null) {
            String d = Json.str(error, "description");
            return new ServerReply(name, id, false, d.isEmpty() ? abbreviate(text) : d, error);
        }
        Object data = m.get("data");
        String message = "";
        if (data instanceof Map) {
            message = Json.str(Json.asMap(data), "message");
        }
        return new ServerReply(name, id, true, message, data);
    }

    /** The server's name, or its id when it has none. */
    public String server() {
        return serverName.isEmpty() ? serverId : serverName;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
