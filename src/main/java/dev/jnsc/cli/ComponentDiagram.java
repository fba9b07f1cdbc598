package dev.jnsc.cli;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.Import;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.ops.Workspace;
import dev.jnsc.store.OperatorStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code generate diagram component}: accounts, their exports and imports, line for line as the Go nsc 2.11.1 writes them. */
final class ComponentDiagram extends Diagrams {
    private static final String RENAME = "<&resize-width>";

    ComponentDiagram(Workspace ws, OperatorStore op, boolean detail) {
        super(ws, op, detail);
    }

    String component() {
        OperatorClaims oc = op.operator();
        line("@startuml\nskinparam component {\n\tArrowFontName Arial\n\tArrowFontColor #636363\n    ArrowSize 10pt\n}\n"
                + "skinparam interface {\n    backgroundColor<<not-found public service>> Red\n"
                + "    backgroundColor<<not-found private service>> Red\n"
                + "    backgroundColor<<not-found public stream>> Red\n"
                + "    backgroundColor<<not-found private stream>> Red\n}\n");
        line("title Component Diagram of Accounts - Operator " + oc.name());
        List<AccountClaims> accounts = new ArrayList<>();
        Map<String, AccountClaims> bySubject = new HashMap<>();
        for (String name : op.accountNames()) {
            AccountClaims ac = op.account(name);
            accounts.add(ac);
            bySubject.put(ac.subject(), ac);
            if (ac.imports().isEmpty() && ac.exports().isEmpty()) {
                continue;
            }
            line("component [" + ac.name() + "] as " + ac.subject() + " <<account>>");
            if (detail) {
                note(ac.subject(), ac.description(), ac.infoUrl());
            }
            for (Export e : ac.exports()) {
                String id = exportId(ac.subject(), e.name(), e.subject());
                line("interface \"" + exportName(e.name(), e.subject()) + "\" << " + access(e.tokenRequired()) + " "
                        + kind(e.isService()) + " >> as " + id);
                line(id + " -- " + ac.subject() + " : \"\"" + label(e.subject()) + "\"\"\"");
                if (detail) {
                    note(id, e.description(), e.infoUrl());
                }
            }
            line("");
        }
        for (AccountClaims ac : accounts) {
            for (Import i : ac.imports()) {
                importLines(ac, i, bySubject);
            }
        }
        line("legend\n\"" + RENAME + "X\", the imported subject is rewritten to X\nend legend");
        return finish();
    }

    private void importLines(AccountClaims ac, Import i, Map<String, AccountClaims> bySubject) {
        String local;
        String remote = i.subject();
        if (!i.localSubject().isEmpty()) {
            local = i.localSubject();
        } else {
            local = i.to().isEmpty() ? i.subject() : i.to();
            if (i.isService()) {
                String t = local;
                local = remote;
                remote = t;
            }
        }
        boolean tokenRequired = !i.token().isEmpty();
        String name = "";
        String subject = remote;
        boolean found = false;
        AccountClaims exporter = bySubject.get(i.account());
        if (exporter != null) {
            for (Export e : exporter.exports()) {
                if (e.isService() == i.isService() && isContainedIn(remote, e.subject())) {
                    name = e.name();
                    subject = e.subject();
                    tokenRequired = e.tokenRequired();
                    found = true;
                    break;
                }
            }
        }
        String id = exportId(i.account(), name, subject);
        if (!found) {
            line("interface \" \" << not-found " + access(tokenRequired) + " " + kind(i.isService()) + " >> as " + id);
        }
        if (!local.equals(remote)) {
            line(ac.subject() + " \"" + RENAME + local + "\" ..> " + id + " : \"" + label(remote) + "\"");
        } else {
            line(ac.subject() + " ..> " + id + " : \"" + label(remote) + "\"");
        }
        List<String> issues = new ArrayList<>();
        if (tokenRequired && i.token().isEmpty()) {
            issues.add("Export is private but no activation token");
        } else if (!tokenRequired && !i.token().isEmpty()) {
            issues.add("Export is public but import has activation token");
        }
        if (exporter == null) {
            issues.add("Exporting account not present: " + i.account());
        }
        if (!issues.isEmpty()) {
            line("note left of " + id + "\n");
            line("** Validation Issues by " + ac.name() + "**\n");
            for (String s : issues) {
                line("* " + s + "\n");
            }
            line("end note");
        }
    }

    private static String access(boolean tokenRequired) {
        return tokenRequired ? "private" : "public";
    }

    private static String kind(boolean service) {
        return service ? "service" : "stream";
    }

    private static String exportName(String name, String subject) {
        return name.isEmpty() ? subject : name;
    }

    private static String exportId(String account, String name, String subject) {
        String s = exportName(name, subject).replace(" ", "_").replace("*", "_A_").replace(">", "_G_")
                .replace("$", "_D_").replace("-", "_M_");
        return account + "_" + s;
    }

    /** A leading '*' means a bullet to PlantUML: a space before it keeps it literal. */
    private static String label(String subject) {
        return subject.startsWith("*") ? " " + subject : subject;
    }

    /** The jwt library's Subject.IsContainedIn: every subject {@code s} matches is matched by {@code other}. */
    static boolean isContainedIn(String s, String other) {
        String[] mine = s.split("\\.", -1);
        String[] theirs = other.split("\\.", -1);
        boolean tail = theirs[theirs.length - 1].equals(">");
        if (mine.length > theirs.length && !tail) {
            return false;
        }
        if (mine.length < theirs.length) {
            return false;
        }
        for (int i = 0; i < theirs.length; i++) {
            if (i == theirs.length - 1 && theirs[i].equals(">")) {
                return true;
            }
            if (!theirs[i].equals(mine[i]) && !theirs[i].equals("*")) {
                return false;
            }
        }
        return true;
    }

}
