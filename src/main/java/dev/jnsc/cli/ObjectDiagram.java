package dev.jnsc.cli;

import dev.jnsc.jwt.GoQuote;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.AccountLimits;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.JetStreamLimits;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.Permissions;
import dev.jnsc.jwt.SigningKey;
import dev.jnsc.jwt.TimeRange;
import dev.jnsc.jwt.UserClaims;
import dev.jnsc.jwt.UserPermissionLimits;
import dev.jnsc.keystore.Keystore;
import dev.jnsc.ops.DiagramChecks;
import dev.jnsc.ops.Durations;
import dev.jnsc.ops.Findings;
import dev.jnsc.ops.Workspace;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.List;

/** {@code generate diagram object}: the operator, accounts and users with their claims, line for line as the Go nsc 2.11.1 writes them. */
final class ObjectDiagram extends Diagrams {
    ObjectDiagram(Workspace ws, OperatorStore op, boolean detail) {
        super(ws, op, detail);
    }

    String object(boolean users, boolean showKeys) {
        Keystore ks = ws.keystore();
        OperatorClaims oc = op.operator();
        long now = ws.now();
        line("@startuml");
        line("title Object Diagram");
        line("object \"" + oc.name() + "\" as " + oc.subject() + " << operator >> {");
        claims(oc, oc.tags(), showKeys, ks);
        value("JWT Version", String.valueOf(op.decodeOperator().version()));
        value("account server", oc.accountServerUrl());
        value("Strict signing key usage", String.valueOf(oc.strictSigningKeyUsage()));
        validation(DiagramChecks.operator(oc, now));
        line("}");
        signingKeys(showKeys, ks, oc.subject(), oc.name(), "operator", oc.signingKeys());

        for (String accName : op.accountNames()) {
            Jwt.Decoded d = op.decodeAccount(accName);
            AccountClaims ac = d.as(AccountClaims.class, "an account");
            String tp = ac.subject().equals(oc.systemAccount()) ? "system account" : "account";
            line("object \"" + ac.name() + "\" as " + ac.subject() + " << " + tp + " >> {");
            claims(ac, ac.tags(), showKeys, ks);
            AccountLimits l = ac.limits();
            accountLimits(l);
            natsLimits(l.subs(), l.data(), l.payload());
            jetStreamLimits(l.jetStream());
            validation(DiagramChecks.account(d, now));
            line("}");
            String defaults = "";
            if (isSet(ac.defaultPermissions())) {
                defaults = permissions(ac.subject(), ac.name(), "default", ac.defaultPermissions());
                line(ac.subject() + " *-- " + defaults);
            }
            List<String> keys = new ArrayList<>();
            for (SigningKey k : ac.signingKeys()) {
                keys.add(k.key());
            }
            signingKeys(showKeys, ks, ac.subject(), ac.name(), "account", keys);
            signed(oc, ac, showKeys);
            note(ac.subject(), ac.description(), ac.infoUrl());
            if (!users) {
                continue;
            }
            for (String userName : op.userNames(accName)) {
                UserClaims uc = op.user(accName, userName);
                UserPermissionLimits p = uc.permissions();
                line("object \"" + uc.name() + "\" as " + uc.subject() + " << user >> {");
                claims(uc, uc.tags(), showKeys, ks);
                value("Bearer Token", String.valueOf(p.bearerToken()));
                list("Allowed Connection Types", p.allowedConnectionTypes());
                natsLimits(p.subs(), p.data(), p.payload());
                userLimits(p);
                validation(DiagramChecks.user(uc, now));
                line("}");
                if (isSet(p.permissions())) {
                    String id = permissions(uc.subject(), uc.name(), "user", p.permissions());
                    line(uc.subject() + " *-- " + id + " : \"API restricted by >\"");
                } else if (!defaults.isEmpty()) {
                    line(uc.subject() + " -- " + defaults + " : \"API restricted by >\"");
                }
                signed(ac, uc, showKeys);
            }
        }
        return finish();
    }

    private void value(String name, String value) {
        if (!value.isEmpty() || detail) {
            line(name + " = " + value);
        }
    }

    private static String quoted(List<String> list) {
        List<String> q = new ArrayList<>();
        for (String s : list) {
            q.add(GoQuote.quote(s));
        }
        return String.join(" ", q);
    }

    private void list(String name, List<String> list) {
        if (!list.isEmpty() || detail) {
            value(name, quoted(list));
        }
    }

    private void timeValue(String name, long when) {
        if (when != 0) {
            line(name + " = " + time(when));
        } else if (detail) {
            line(name + " = not set");
        }
    }

    private void claims(Claims c, List<String> tags, boolean showKeys, Keystore ks) {
        if (showKeys) {
            value("Identity Key", c.subject());
            value("Identity Key Present", String.valueOf(ks.hasSeed(c.subject())));
        }
        list("Tags", tags);
        timeValue("Issued At", c.issuedAt());
        timeValue("Valid From", c.notBefore());
        timeValue("Expires", c.expires());
    }

    private void validation(List<Findings.Finding> findings) {
        if (findings.isEmpty()) {
            if (!detail) {
                return;
            }
            line("--- Validation (no issues) ---");
        } else {
            line("==**<color:red>Validation</color>**==");
        }
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Findings.Finding f : findings) {
            (f.severity() == Findings.Severity.ERROR ? errors : warnings).add(f.message());
        }
        value("Errors", quoted(errors));
        list("Warnings", warnings);
    }

    private void limit(String name, long limit) {
        value(name, limit == -1 ? "-1 (unlimited)" : limit == 0 ? "0 (disabled)" : String.valueOf(limit));
    }

    private void accountLimits(AccountLimits l) {
        boolean unlimited = l.imports() == -1 && l.exports() == -1 && l.wildcards() && !l.disallowBearer()
                && l.conn() == -1 && l.leaf() == -1;
        if (unlimited) {
            if (!detail) {
                return;
            }
            line("--- Account Limits (unlimited)---");
        } else {
            line("--- Account Limits ---");
        }
        limit("Max Exports", l.exports());
        limit("Max Imports", l.imports());
        limit("Max Client Connections", l.conn());
        limit("Max Leaf Node Connections", l.leaf());
        value("Allow Wildcard Exports", String.valueOf(l.wildcards()));
        value("Disallow bearer token", String.valueOf(l.disallowBearer()));
    }

    private void natsLimits(long subs, long data, long payload) {
        if (subs == -1 && data == -1 && payload == -1) {
            if (!detail) {
                return;
            }
            line("--- Nats Limits (unlimited)---");
        } else {
            line("--- Nats Limits ---");
        }
        limit("Max Payload", payload);
        limit("Max Subscriber", subs);
        limit("Max Number of bytes", data);
    }

    private void jetStreamLimits(JetStreamLimits j) {
        JetStreamLimits l = j == null ? new JetStreamLimits() : j;
        boolean unlimited = l.memStorage() == -1 && l.diskStorage() == -1 && l.streams() == -1 && l.consumer() == -1
                && Math.max(l.maxAckPending(), 0) == 0 && Math.max(l.memMaxStreamBytes(), 0) == 0
                && Math.max(l.diskMaxStreamBytes(), 0) == 0 && !l.maxBytesRequired();
        if (unlimited) {
            line("--- Jetstream Limits (unlimited) ---");
        } else if (l.diskStorage() == 0 && l.memStorage() == 0) {
            if (!detail) {
                return;
            }
            line("--- Jetstream Limits (disabled) ---");
        } else {
            line("--- Jetstream Limits ---");
        }
        limit("Max Memory Storage", l.memStorage());
        limit("Max Disk Storage", l.diskStorage());
        limit("Max Streams", l.streams());
        limit("Max Consumer", l.consumer());
    }

    private void userLimits(UserPermissionLimits p) {
        if (p.src().isEmpty() && p.times().isEmpty()) {
            if (!detail) {
                return;
            }
            line("--- User Limits (unlimited)---");
        } else {
            line("--- User Limits ---");
        }
        list("Permitted CIDR blocks", p.src());
        StringBuilder times = new StringBuilder(p.timesLocation());
        for (TimeRange t : p.times()) {
            times.append(" [").append(t.start()).append('-').append(t.end()).append(']');
        }
        value("Permitted Times to Connect", times.toString());
    }

    private void signingKeys(boolean showKeys, Keystore ks, String subject, String name, String type, List<String> keys) {
        if (!showKeys || keys.isEmpty()) {
            return;
        }
        String id = subject + "_sk";
        line("map \"" + name + "\" as " + id + " << " + type + " signing keys >> {");
        line("key => stored");
        for (String k : keys) {
            line(k + " => " + ks.hasSeed(k));
        }
        line("}");
        line(subject + " *-- " + id + " ");
    }

    private static boolean isSet(Permissions p) {
        return !(p.pub().allow().isEmpty() && p.pub().deny().isEmpty() && p.sub().allow().isEmpty()
                && p.sub().deny().isEmpty() && !p.hasResponsePermission());
    }

    private String permissions(String subject, String name, String type, Permissions p) {
        String id = subject + "_permissions";
        line("object \"" + name + "\" as " + id + " << " + type + " permissions >> {");
        subjects("Publish Deny", p.pub().deny());
        subjects("Publish Allow", p.pub().allow());
        subjects("Subscribe Deny", p.sub().deny());
        subjects("Subscribe Allow", p.sub().allow());
        if (!p.hasResponsePermission()) {
            if (detail) {
                line("--- Response Permissions (server default)---");
            }
        } else {
            line("--- Response Permissions ---");
            value("Expiration", Durations.format(p.responseTtlNanos()));
            limit("Max Messages", p.responseMax());
        }
        line("}");
        return id;
    }

    private void subjects(String name, List<String> list) {
        if (list.isEmpty() && !detail) {
            return;
        }
        line("--- " + name + " ---");
        for (String s : list) {
            line(" \"\"" + s + "\"\"");
        }
    }

    private void signed(Claims signer, Claims signee, boolean showKeys) {
        if (signee.issuer().equals(signee.subject())) {
            line(signee.issuer() + " -- " + signee.subject() + " : \"self signed >\"");
        } else if (!showKeys) {
            line(signer.subject() + " -- " + signee.subject() + " : \"signed >\"");
        } else if (signee.issuer().equals(signer.subject())) {
            line(signee.issuer() + " -- " + signee.subject() + " : \"signed >\"");
        } else {
            line(signer.subject() + "_sk::" + signee.issuer() + " -- " + signee.subject() + " : \"signed >\"");
        }
    }
}
