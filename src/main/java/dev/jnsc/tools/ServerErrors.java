package dev.jnsc.tools;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the server's -ERR texts into one-line messages that name the user and the subject. */
final class ServerErrors {
    /** e.g. {@code Permissions Violation for Subscription to "q" using queue "g"}. */
    private static final Pattern PERMISSION = Pattern.compile(
            "Permissions Violation for (Publish|Subscription) to \"(.*?)\"(?: using queue \"(.*?)\")?",
            Pattern.CASE_INSENSITIVE);

    private ServerErrors() {
    }

    static ToolException toException(String serverText, Target target) {
        String text = serverText == null ? "" : serverText.trim();
        if (text.startsWith("'") && text.endsWith("'") && text.length() > 1) {
            text = text.substring(1, text.length() - 1);
        }
        Matcher m = PERMISSION.matcher(text);
        if (m.find()) {
            boolean publish = m.group(1).equalsIgnoreCase("Publish");
            String what = (publish ? "publish to \"" : "subscribe to \"") + m.group(2) + "\""
                    + (m.group(3) != null ? " with queue \"" + m.group(3) + "\"" : "");
            return new ToolException("permissions violation: " + what + " is not allowed for user \"" + target.user()
                    + "\"");
        }
        return refused(text, target);
    }

    /** The server would not let the user in (or threw it out). */
    static ToolException refused(String serverText, Target target) {
        String text = serverText == null ? "" : serverText;
        String lower = text.toLowerCase(Locale.ROOT);
        String who = "user \"" + target.user() + "\" of account \"" + target.account() + "\"";
        if (lower.contains("authorization violation")) {
            return new ToolException("authorization violation: the server refused " + who);
        }
        if (lower.contains("authentication expired")) {
            return new ToolException("the server refused " + who + ": " + strip(text));
        }
        return new ToolException("the server reported an error: " + strip(text));
    }

    private static String strip(String s) {
        String t = s.replace("'", "").trim();
        int colon = t.indexOf("error connecting to NATS server:");
        return colon >= 0 ? t.substring(colon + "error connecting to NATS server:".length()).trim() : t;
    }
}
