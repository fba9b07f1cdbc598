package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.resolver.ServerConfigs;
import dev.jnsc.store.OperatorStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** generate config: nats-server configuration for the current operator. */
public final class ConfigOps {
    private ConfigOps() {
    }

    public enum Resolver { MEMORY, NATS_FULL, NATS_CACHE }

    /** @param systemAccount a name or key overriding the operator's system account, or null */
    public record GenerateConfig(Resolver resolver, String systemAccount) {
    }

    public static String generate(Workspace ws, GenerateConfig req) {
        OperatorStore op = ws.operator(null);
        Jwt.Decoded decoded = op.decodeOperator();
        OperatorClaims oc = decoded.as(OperatorClaims.class, "an operator");
        String sysKey = req.systemAccount() != null ? OperatorOps.systemAccountKey(op, req.systemAccount())
                : oc.systemAccount();
        if (req.resolver() == Resolver.MEMORY) {
            Map<String, ServerConfigs.Account> accounts = new HashMap<>();
            String sysName = null;
            for (String name : op.accountNames()) {
                Jwt.Decoded a = load(op, oc, name);
                accounts.put(a.claims().subject(), new ServerConfigs.Account(name, a.token()));
                if (a.claims().subject().equals(sysKey)) {
                    sysName = name;
                }
            }
            return ServerConfigs.memoryResolver(op.name(), decoded.token(), sysKey, sysName, accounts);
        }
        if (sysKey == null || sysKey.isEmpty()) {
            throw new OpsException("the nats resolver needs a system account: set one with \"nsc edit operator "
                    + "--system-account <name>\" (or create one with \"nsc add operator --sys\"), or pass --sys-account");
        }
        String sysName = SystemUser.accountName(op, req.systemAccount(), sysKey);
        Jwt.Decoded sys = load(op, oc, sysName);
        return ServerConfigs.natsResolver(op.name(), decoded.token(), sysKey, sysName, sys.token(),
                req.resolver() == Resolver.NATS_CACHE);
    }

    private static Jwt.Decoded load(OperatorStore op, OperatorClaims oc, String name) {
        Jwt.Decoded a = op.decodeAccount(name);
        AccountClaims ac = a.as(AccountClaims.class, "an account");
        if (!oc.didSign(ac.issuer())) {
            throw new OpsException("account \"" + name + "\" is not signed by operator \"" + op.name()
                    + "\" or one of its signing keys");
        }
        return a;
    }

    /** Writes the configuration; an existing file is replaced only with {@code force}. */
    public static Report write(Workspace ws, String config, String file, boolean force) {
        java.nio.file.Path p = ws.env().path(file);
        if (Files.exists(p) && !force) {
            throw new OpsException("config file " + p + " already exists - use --force to replace it");
        }
        if (p.getParent() != null && !Files.isDirectory(p.getParent())) {
            throw new OpsException("cannot write " + p + ": folder " + p.getParent() + " does not exist");
        }
        ws.commitOutside(new dev.jnsc.fs.FileChanges().write(p, config.getBytes(StandardCharsets.UTF_8)));
        return new Report().ok("wrote server configuration to " + ws.env().quotedAsGiven(file));
    }
}
