package dev.jnsc.resolver;

import java.util.Map;
import java.util.TreeMap;

/**
 * nats-server configuration text for an operator: a memory resolver preloaded with every account,
 * or the server's own full or cache "nats" resolver preloaded with the system account.
 */
public final class ServerConfigs {
    /** An account to preload: its name (for the comment) and its JWT. */
    public record Account(String name, String jwt) {
    }

    private ServerConfigs() {
    }

    /**
     * @param accounts by public key; written sorted by key
     * @param systemAccount the system account's public key, or null
     */
    public static String memoryResolver(String operatorName, String operatorJwt, String systemAccount,
            String systemAccountName, Map<String, Account> accounts) {
        StringBuilder sb = header(operatorName, operatorJwt, systemAccount, systemAccountName);
        sb.append("\nresolver: MEMORY\n\nresolver_preload: {\n");
        boolean first = true;
        for (Map.Entry<String, Account> e : new TreeMap<>(accounts).entrySet()) {
            if (!first) {
                sb.append('\n');
            }
            first = false;
            sb.append("  // Account \"").append(e.getValue().name()).append("\"\n");
            sb.append("  ").append(e.getKey()).append(": ").append(e.getValue().jwt()).append('\n');
        }
        return sb.append("}\n").toString();
    }

    /** The full resolver ({@code cache == false}) or the cache resolver, preloaded with the system account. */
    public static String natsResolver(String operatorName, String operatorJwt, String systemAccount,
            String systemAccountName, String systemAccountJwt, boolean cache) {
        StringBuilder sb = header(operatorName, operatorJwt, systemAccount, systemAccountName);
        sb.append("\n// the nats-server's own account resolver: account JWTs are kept in 'dir' and\n");
        sb.append("// updated with \"nsc push\" through the system account\n");
        sb.append("resolver {\n");
        if (cache) {
            sb.append("    type: cache\n");
            sb.append("    // folder holding the account JWTs looked up so far\n");
            sb.append("    dir: './jwt'\n");
            sb.append("    // how long a looked-up JWT is kept before it is looked up again\n");
            sb.append("    ttl: \"1h\"\n");
        } else {
            sb.append("    type: full\n");
            sb.append("    // folder holding every account JWT\n");
            sb.append("    dir: './jwt'\n");
            sb.append("    // true lets \"nsc push --prune\" and \"nsc push -R\" delete accounts; a deleted\n");
            sb.append("    // JWT is renamed with the suffix .deleted and can be restored by hand\n");
            sb.append("    allow_delete: false\n");
            sb.append("    // how often a server compares its JWTs with another server of the cluster\n");
            sb.append("    interval: \"2m\"\n");
        }
        sb.append("    // how long a lookup of an account missing here waits for other servers\n");
        sb.append("    timeout: \"1.9s\"\n");
        sb.append("}\n\n");
        sb.append("// the system account is preloaded so that the servers can be reached before any push;\n");
        sb.append("// other accounts are pushed with \"nsc push -A\" (the operator's account JWT server URL\n");
        sb.append("// must point at these servers: nsc edit operator --account-jwt-server-url nats://...)\n");
        sb.append("resolver_preload: {\n");
        sb.append("    ").append(systemAccount).append(": ").append(systemAccountJwt).append(",\n");
        return sb.append("}\n").toString();
    }

    private static StringBuilder header(String operatorName, String operatorJwt, String systemAccount,
            String systemAccountName) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("// Operator \"").append(operatorName).append("\"\n");
        sb.append("operator: ").append(operatorJwt).append('\n');
        if (systemAccount != null && !systemAccount.isEmpty()) {
            sb.append("// System Account \"").append(systemAccountName == null ? "" : systemAccountName).append("\"\n");
            sb.append("system_account: ").append(systemAccount).append('\n');
        }
        return sb;
    }
}
