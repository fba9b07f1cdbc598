package dev.jnsc.resolver;

import dev.jnsc.jwt.GoQuote;
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
     * The Go nsc's memory resolver configuration, byte for byte.
     *
     * @param accounts by public key; written sorted by key
     * @param systemAccount the system account's public key, or null
     */
    public static String memoryResolver(String operatorName, String operatorJwt, String systemAccount,
            String systemAccountName, Map<String, Account> accounts) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("// Operator ").append(GoQuote.quote(operatorName)).append('\n');
        sb.append("operator: ").append(operatorJwt).append("\n\n");
        if (systemAccount != null && !systemAccount.isEmpty()) {
            sb.append("system_account: ").append(systemAccount).append("\n\n");
        }
        sb.append("resolver: MEMORY\n\nresolver_preload: {\n");
        for (Map.Entry<String, Account> e : new TreeMap<>(accounts).entrySet()) {
            sb.append("  // Account ").append(GoQuote.quote(e.getValue().name())).append('\n');
            sb.append("  ").append(e.getKey()).append(": ").append(e.getValue().jwt()).append("\n\n");
        }
        return sb.append("}\n").toString();
    }

    /**
     * The full resolver ({@code cache == false}) or the cache resolver, preloaded with the system
     * account: the Go nsc's text, byte for byte, so that configurations made by either compare equal.
     */
    public static String natsResolver(String operatorName, String operatorJwt, String systemAccount,
            String systemAccountName, String systemAccountJwt, boolean cache) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# Operator named ").append(operatorName).append('\n');
        sb.append("operator: ").append(operatorJwt).append('\n');
        sb.append("# System Account named ").append(systemAccountName == null ? "" : systemAccountName).append('\n');
        sb.append("system_account: ").append(systemAccount).append("\n\n");
        if (cache) {
            sb.append("# configuration of the nats based cache resolver\n");
            sb.append("resolver {\n");
            sb.append("    type: cache\n");
            sb.append("    # Directory in which the account jwt will be stored\n");
            sb.append("    dir: './jwt'\n");
            sb.append("    # ttl after which the file will be removed from the cache. Set to a large value in order to disable.\n");
            sb.append("    ttl: \"1h\"\n");
        } else {
            sb.append("# configuration of the nats based resolver\n");
            sb.append("resolver {\n");
            sb.append("    type: full\n");
            sb.append("    # Directory in which the account jwt will be stored\n");
            sb.append("    dir: './jwt'\n");
            sb.append("    # In order to support jwt deletion, set to true\n");
            sb.append("    # If the resolver type is full delete will rename the jwt.\n");
            sb.append("    # This is to allow manual restoration in case of inadvertent deletion.\n");
            sb.append("    # To restore a jwt, remove the added suffix .delete and restart or send a reload signal.\n");
            sb.append("    # To free up storage you must manually delete files with the suffix .delete.\n");
            sb.append("    allow_delete: false\n");
            sb.append("    # Interval at which a nats-server with a nats based account resolver will compare\n");
            sb.append("    # it's state with one random nats based account resolver in the cluster and if needed, \n");
            sb.append("    # exchange jwt and converge on the same set of jwt.\n");
            sb.append("    interval: \"2m\"\n");
        }
        sb.append("    # Timeout for lookup requests in case an account does not exist locally.\n");
        sb.append("    timeout: \"1.9s\"\n");
        sb.append("}\n\n\n");
        sb.append("# Preload the nats based resolver with the system account jwt.\n");
        sb.append("# This is not necessary but avoids a bootstrapping system account. \n");
        sb.append("# This only applies to the system account. Therefore other account jwt are not included here.\n");
        sb.append("# To populate the resolver:\n");
        sb.append("# 1) make sure that your operator has the account server URL pointing at your nats servers.\n");
        sb.append("#    The url must start with: \"nats://\" \n");
        sb.append("#    nsc edit operator --account-jwt-server-url nats://localhost:4222\n");
        sb.append("# 2) push your accounts using: nsc push --all\n");
        sb.append("#    The argument to push -u is optional if your account server url is set as described.\n");
        sb.append("# 3) to prune accounts use: nsc push --prune \n");
        sb.append("#    In order to enable prune you must set above allow_delete to true\n");
        sb.append("# Later changes to the system account take precedence over the system account jwt listed here.\n");
        sb.append("resolver_preload: {\n");
        sb.append('\t').append(systemAccount).append(": ").append(systemAccountJwt).append(",\n");
        return sb.append("}\n\n").toString();
    }
}
