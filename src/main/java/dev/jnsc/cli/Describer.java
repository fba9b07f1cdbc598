package dev.jnsc.cli;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.AccountLimits;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.ExportType;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.JetStreamLimits;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.Permissions;
import dev.jnsc.jwt.ServiceLatency;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.TimeRange;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.jwt.UserPermissionLimits;
import dev.jnsc.ops.Durations;
import dev.jnsc.ops.TimeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The describe tables, row for row as nsc prints them. */
final class Describer {
    private Describer() {
    }

    static String describe(Claims c, Map<String, String> accountNames) {
        if (c instanceof OperatorClaims) {
            return operator((OperatorClaims) c, accountNames);
        }
        if (c instanceof AccountClaims) {
            return account((AccountClaims) c, accountNames);
        }
        if (c instanceof UserClaims) {
            return user((UserClaims) c);
        }
        if (c instanceof ActivationClaims) {
            return activation((ActivationClaims) c);
        }
        Table t = new Table("JWT");
        standard(t, c, "Subject", "");
        t.separator().row("Type", c.type().isEmpty() ? "(none)" : c.type());
        return t.render();
    }

    private static void standard(Table t, Claims c, String idLabel, String issuerAccount) {
        if (!c.name().isEmpty()) {
            t.row("Name", c.name());
        }
        t.row(idLabel, c.subject());
        t.row("Issuer ID", c.issuer());
        if (!issuerAccount.isEmpty()) {
            t.row("Issuer Account", issuerAccount);
        }
        t.row("Issued", TimeSpec.render(c.issuedAt()));
        t.row("Expires", TimeSpec.render(c.expires()));
        if (c.notBefore() != 0) {
            t.row("Valid From", TimeSpec.render(c.notBefore()));
        }
    }

    static String operator(OperatorClaims o, Map<String, String> accountNames) {
        Table t = new Table("Operator Details");
        standard(t, o, "Operator ID", "");
        t.list("Tags", o.tags());
        if (!o.accountServerUrl().isEmpty()) {
            t.row("Account JWT Server", o.accountServerUrl());
        }
        t.list("Operator Service URLs", o.serviceUrls());
        if (!o.systemAccount().isEmpty()) {
            String name = accountNames.get(o.systemAccount());
            t.row("System Account", o.systemAccount() + (name == null ? "" : " / " + name));
        }
        t.row("Require Signing Keys", Boolean.toString(o.strictSigningKeyUsage()));
        if (!o.assertServerVersion().isEmpty()) {
            t.row("Assert Server Version", o.assertServerVersion());
        }
        if (!o.signingKeys().isEmpty()) {
            t.separator().list("Signing Keys", o.signingKeys());
        }
        return t.render();
    }

    static String account(AccountClaims a) {
        return account(a, Map.of());
    }

    /** @param accountNames friendly names of account keys (the From Account of imports); empty with -W */
    static String account(AccountClaims a, Map<String, String> accountNames) {
        Table t = new Table("Account Details");
        standard(t, a, "Account ID", "");
        t.list("Tags", a.tags());
        t.separator();
        boolean info = false;
        if (!a.description().isEmpty()) {
            t.row("Description", a.description().replace('\n', ' '));
            info = true;
        }
        if (!a.infoUrl().isEmpty()) {
            t.row("Info Url", a.infoUrl());
            info = true;
        }
        if (info) {
            t.separator();
        }
        if (!a.signingKeys().isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (SigningKey k : a.signingKeys()) {
                keys.add(k.isScoped() ? k.key() + " (role \"" + k.role() + "\")" : k.key());
            }
            t.list("Signing Keys", keys).separator();
        }
        if (!a.authUsers().isEmpty()) {
            t.list("Auth Callout Users", a.authUsers());
            if (!a.allowedAccounts().isEmpty()) {
                t.list("Allowed Accounts", a.allowedAccounts());
            }
            if (!a.authXKey().isEmpty()) {
                t.row("Encrypt For", a.authXKey());
            }
            t.separator();
        }
        AccountLimits l = a.limits();
        t.row("Max Connections", limit(l.conn()));
        t.row("Max Leaf Node Connections", l.leaf() == 0 ? "Not Allowed" : limit(l.leaf()));
        t.row("Max Data", bytesLimit(l.data()));
        t.row("Max Exports", limit(l.exports()));
        t.row("Max Imports", limit(l.imports()));
        t.row("Max Msg Payload", bytesLimit(l.payload()));
        t.row("Max Subscriptions", limit(l.subs()));
        t.row("Exports Allows Wildcards", l.wildcards() ? "True" : "False");
        t.row("Disallow Bearer Token", l.disallowBearer() ? "True" : "False");
        permissions(t, a.defaultPermissions());
        t.separator();
        if (!l.tiered().isEmpty()) {
            boolean first = true;
            for (Map.Entry<String, JetStreamLimits> e : l.tiered().entrySet()) {
                if (!first) {
                    t.separator();
                }
                first = false;
                t.row("Jetstream Tier", e.getKey());
                jetStream(t, e.getValue());
            }
        } else if (l.jetStream().isEnabled()) {
            t.row("Jetstream", "Enabled");
            jetStream(t, l.jetStream());
        } else {
            t.row("Jetstream", "Disabled");
        }
        t.separator();
        if (a.imports().isEmpty()) {
            t.row("Imports", "None");
        }
        if (a.exports().isEmpty()) {
            t.row("Exports", "None");
        }
        if (!a.revocations().isEmpty()) {
            t.separator().row("Revocations", Integer.toString(a.revocations().size()));
        }
        t.separator();
        if (a.trace() == null) {
            t.row("Tracing Context", "Disabled");
        } else {
            t.row("Tracing Context", "Enabled").row("Subject", a.traceDestination())
                    .row("Sampling", (a.traceSampling() == 0 ? 100 : a.traceSampling()) + "%");
        }
        StringBuilder sb = new StringBuilder(t.render());
        if (!a.exports().isEmpty()) {
            sb.append('\n').append(exports(a.exports()));
        }
        if (!a.imports().isEmpty()) {
            sb.append('\n').append(imports(a.imports(), accountNames));
        }
        if (!a.mappings().isEmpty()) {
            sb.append('\n').append(MappingCommands.table(a.mappings()));
        }
        for (SigningKey k : a.signingKeys()) {
            if (k.isScoped()) {
                sb.append('\n').append(scope(k));
            }
        }
        return sb.toString();
    }

    private static void jetStream(Table t, JetStreamLimits j) {
        t.row("Max Disk Storage", storage(j.diskStorage()));
        t.row("Max Mem Storage", storage(j.memStorage()));
        t.row("Max Streams", limit(j.streams()));
        t.row("Max Consumer", limit(j.consumer()));
        t.row("Max Ack Pending", j.maxAckPending() > 0 ? Long.toString(j.maxAckPending()) : "Consumer Setting");
        t.row("Max Bytes", j.maxBytesRequired() ? "required (Stream setting)" : "optional (Stream setting)");
        t.row("Max Memory Stream", bytesLimit(j.memMaxStreamBytes()));
        t.row("Max Disk Stream", bytesLimit(j.diskMaxStreamBytes()));
    }

    private static String storage(long v) {
        return v > 0 ? Humanize.bytes(v) : v == 0 ? "Disabled" : "Unlimited";
    }

    /** As nsc: a row per export, then a table of the descriptions and info URLs when any export has one. */
    private static String exports(List<Export> exports) {
        Table t = new Table("Exports").headers("Name", "Type", "Subject", "Account Token Position", "Public",
                "Revocations", "Tracking", "Allow Trace");
        Table info = new Table("Exports - Descriptions").headers("Name", "Description", "Info Url");
        for (Export e : exports) {
            String type = typeName(e.type());
            String tracking = "N/A";
            if (e.isService()) {
                ServiceLatency l = e.latency();
                // nsc prints a headers sampling as "(0%)"; it means the requests' headers decide
                tracking = l == null ? "-" : l.results() + " (" + (l.isHeaders() ? "header" : l.sampling() + "%") + ")";
                type += e.isStreamResponse() ? " [Stream]" : e.isChunkedResponse() ? " [Chunked]" : "";
            }
            t.row(e.name(), type, e.subject(), e.accountTokenPosition() > 0 ? Integer.toString(e.accountTokenPosition())
                    : "-", e.tokenRequired() ? "No" : "Yes", Integer.toString(e.revocations().size()), tracking,
                    e.isStream() ? "N/A" : e.allowTrace() ? "Yes" : "No");
            if (!e.description().isEmpty() || !e.infoUrl().isEmpty()) {
                info.row(e.name(), e.description().replace('\n', ' '), e.infoUrl());
            }
        }
        return info.isEmpty() ? t.render() : t.render() + "\n" + info.render();
    }

    /** As the Go nsc: a service's deprecated "to" is shown as the remote subject; tokens give the expiry. */
    private static String imports(List<Import> imports, Map<String, String> accountNames) {
        Table t = new Table("Imports").headers("Name", "Type", "Remote", "Local", "Expires", "From Account", "Public",
                "Allow Trace");
        for (Import i : imports) {
            String remote = i.subject();
            String local = i.localSubject();
            if (i.isService() && !i.to().isEmpty()) {
                local = remote;
                remote = i.to();
            }
            String from = accountNames.getOrDefault(i.account(), i.account());
            String trace = i.isService() ? "N/A" : i.allowTrace() ? "Yes" : "No";
            boolean pub = i.token().isEmpty();
            t.row(i.name(), typeName(i.type()), remote, local, pub ? "" : tokenExpiry(i.token()), from, pub ? "Yes" : "No",
                    trace);
        }
        return t.render();
    }

    /** The expiry of an import's activation token; a token given as a URL is not fetched to describe it. */
    private static String tokenExpiry(String token) {
        String lower = token.trim().toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return "(token at URL)";
        }
        try {
            return TimeSpec.render(dev.jnsc.jwt.Jwt.decode(token).as(ActivationClaims.class, "an activation").expires());
        } catch (RuntimeException e) {
            return "error decoding: " + e.getMessage();
        }
    }

    private static String typeName(ExportType type) {
        return type == null ? "" : title(type.json());
    }

    private static String scope(SigningKey k) {
        Table t = new Table("Scoped Signing Key - Details");
        t.row("Key", k.key()).row("role", k.role());
        if (!k.description().isEmpty()) {
            t.row("Description", k.description());
        }
        UserPermissionLimits p = k.template();
        permissions(t, p.permissions());
        t.separator();
        limits(t, p);
        t.row("Bearer Token", p.bearerToken() ? "Yes" : "No");
        if (!p.allowedConnectionTypes().isEmpty()) {
            t.separator().list("Allowed Connection Types", p.allowedConnectionTypes());
        }
        return t.render();
    }

    static String user(UserClaims u) {
        Table t = new Table("User");
        standard(t, u, "User ID", u.issuerAccount());
        t.list("Tags", u.tags());
        UserPermissionLimits p = u.permissions();
        if (p.isEmpty()) {
            t.row("Issuer Scoped", "Yes");
            return t.render();
        }
        t.row("Bearer Token", p.bearerToken() ? "Yes" : "No");
        permissions(t, p.permissions());
        t.separator();
        limits(t, p);
        if (!p.allowedConnectionTypes().isEmpty()) {
            t.separator().list("Allowed Connection Types", p.allowedConnectionTypes());
        }
        return t.render();
    }

    private static void permissions(Table t, Permissions p) {
        if (!p.pub().isEmpty() || !p.sub().isEmpty()) {
            t.separator();
            t.list("Pub Allow", p.pub().allow());
            t.list("Pub Deny", p.pub().deny());
            t.list("Sub Allow", p.sub().allow());
            t.list("Sub Deny", p.sub().deny());
        }
        if (p.hasResponsePermission()) {
            t.row("Max Responses", Long.toString(p.responseMax()));
            t.row("Response Permission TTL", Durations.format(p.responseTtlNanos()));
        } else {
            t.row("Response Permissions", "Not Set");
        }
    }

    private static void limits(Table t, UserPermissionLimits p) {
        t.row("Max Msg Payload", userBytes(p.payload()));
        t.row("Max Data", userBytes(p.data()));
        t.row("Max Subs", p.subs() > 0 ? Long.toString(p.subs()) : p.subs() == 0 ? "0" : "Unlimited");
        t.row("Network Src", p.src().isEmpty() ? "Any" : String.join(", ", p.src()));
        if (p.times().isEmpty()) {
            t.row("Time", "Any");
        } else {
            List<String> ranges = new ArrayList<>();
            for (TimeRange r : p.times()) {
                ranges.add(r.start() + "-" + r.end());
            }
            t.list("Time", ranges);
        }
        if (!p.timesLocation().isEmpty()) {
            t.row("Locale", p.timesLocation());
        }
    }

    static String activation(ActivationClaims a) {
        Table t = new Table("Activation");
        standard(t, a, "Account ID", a.issuerAccount());
        t.list("Tags", a.tags());
        t.separator();
        String hash;
        try {
            hash = a.hashId();
        } catch (RuntimeException e) {
            hash = ""; // the Go nsc shows an empty hash id for a token without issuer, subject or import subject
        }
        t.row("Hash ID", hash);
        t.separator();
        t.row("Import Type", title(a.kind()));
        t.row("Import Subject", a.importSubject());
        t.separator(); // the Go nsc ends the table with a separator too
        return t.render();
    }

    private static String limit(long v) {
        return v > -1 ? Long.toString(v) : "Unlimited";
    }

    private static String bytesLimit(long v) {
        return v > -1 ? Humanize.bytes(v) + " (" + v + " bytes)" : "Unlimited";
    }

    private static String userBytes(long v) {
        if (v > 0) {
            return v + " bytes (≈" + Humanize.bytes(v) + ")";
        }
        return v == 0 ? "0" : "Unlimited";
    }

    private static String title(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
