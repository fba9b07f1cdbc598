package dev.jnsc.resolver;

import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Json;
import dev.jnsc.jwt.JsonWriter;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.jwt.Utf8Order;
import dev.jnsc.nkeys.NKeyException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text nats-account-server answers for {@code ?decode=true}: the header as JSON, CRLF, the
 * claims as JSON with keys sorted, CRLF, the signature. JSON is indented by four spaces, each
 * block ends with a newline, and nothing is HTML-escaped. In the claims, a field on one line
 * such as {@code "iat": 1700000000,} gets the date after it ({@code "iat": 1700000000 (2023-11-14),})
 * and an import's activation {@code "token": "eyJ...",} is replaced by its decoded claims: both
 * only where a comma follows on the same line, as nats-account-server's patterns match.
 */
final class DecodedJwt {
    private static final Pattern TOKEN = Pattern.compile("\"token\":.*?\"(.*?)\",");
    private static final Pattern IAT = Pattern.compile("\"iat\":.*?(\\d?),");
    private static final Pattern EXP = Pattern.compile("\"exp\":.*?(\\d?),");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final String INDENT = "    ";
    /** What an activation token's lines are indented by inside the claims. */
    private static final String TOKEN_PREFIX = " ".repeat(16);

    private DecodedJwt() {
    }

    /** The decoded form; a token that is not three base64url JSON parts is refused with the reason. */
    static String of(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("the JWT does not have three parts");
        }
        Map<String, Object> header = object(parts[0], "header");
        // the header as the JWT library's struct has it: typ, then alg
        JsonWriter h = JsonWriter.indented(INDENT).beginObject();
        h.name("typ").value(stringOr(header.get("typ")));
        h.name("alg").value(stringOr(header.get("alg")));
        String headerJson = h.endObject() + "\n";
        String claims = JsonWriter.indented(INDENT).value(sorted(object(parts[1], "claims"))).toString() + "\n";
        claims = replace(TOKEN, claims, DecodedJwt::activation);
        claims = dates(IAT, "iat", claims);
        claims = dates(EXP, "exp", claims);
        return headerJson + "\r\n" + claims + "\r\n" + parts[2];
    }

    private static String stringOr(Object v) {
        return v instanceof String ? (String) v : "";
    }

    private static Map<String, Object> object(String part, String what) {
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not base64url: " + e.getMessage());
        }
        try {
            return Json.parseObject(json);
        } catch (JwtException e) {
            throw new IllegalArgumentException("the " + what + " is not a JSON object: " + e.getMessage());
        }
    }

    /** Objects with their keys in Go's map order (UTF-8 byte order), at every depth. */
    private static Object sorted(Object v) {
        if (v instanceof Map) {
            Map<String, Object> out = new TreeMap<>(Utf8Order.INSTANCE);
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                out.put(String.valueOf(e.getKey()), sorted(e.getValue()));
            }
            return out;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) v) {
                out.add(sorted(o));
            }
            return out;
        }
        return v;
    }

    private interface Rewrite {
        String apply(String match);
    }

    private static String replace(Pattern p, String text, Rewrite rewrite) {
        Matcher m = p.matcher(text);
        StringBuilder b = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(rewrite.apply(m.group())));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** {@code "token": "<jwt>",} becomes the activation's claims, or the reason they cannot be read. */
    private static String activation(String match) {
        String s = match.substring(0, match.length() - 2);
        String token = s.substring(s.lastIndexOf('"') + 1);
        try {
            ActivationClaims ac = Jwt.decode(token).as(ActivationClaims.class, "an activation");
            String json = JsonWriter.indented(INDENT).value(Json.parse(ac.toJson())).toString()
                    .replace("\n", "\n" + TOKEN_PREFIX);
            return "\"token\": " + json + ",";
        } catch (JwtException | NKeyException | IllegalArgumentException e) {
            return "\"token\": <bad token - " + e.getMessage() + ">,";
        }
    }

    private static String dates(Pattern p, String field, String text) {
        boolean[] failed = {false};
        String out = replace(p, text, match -> {
            String s = match.substring(0, match.length() - 1);
            String number = s.substring(s.lastIndexOf(' ') + 1);
            long when;
            try {
                when = Long.parseLong(number);
            } catch (NumberFormatException e) {
                failed[0] = true;
                return match;
            }
            return "\"" + field + "\": " + number + " (" + (when == 0 ? "" : DAY.format(Instant.ofEpochSecond(when))) + "),";
        });
        if (failed[0]) {
            throw new IllegalArgumentException("the claims' \"" + field + "\" is not a whole number of seconds");
        }
        return out;
    }

    static byte[] bytes(String token) {
        return of(token).getBytes(StandardCharsets.UTF_8);
    }
}
