package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entities behind the files a command committed, read from the store's and keystore's layout:
 * {@code <Op>/<Op>.jwt}, {@code <Op>/accounts/<Acc>/<Acc>.jwt}, {@code .../<Acc>/users/<U>.jwt},
 * {@code keys/<K>/<XX>/<pub>.nk} and {@code creds/<Op>/<Acc>/<U>.creds}. So every op that writes
 * one of these reports it in --json without saying so itself. Key files give their public key
 * only, never their content.
 */
public final class CommittedEntities {
    private CommittedEntities() {
    }

    /** A change per entity file in {@code committed}, in order; other files are left out. */
    public static List<Report.Change> of(List<FileChanges.Change> committed) {
        List<Report.Change> out = new ArrayList<>();
        for (FileChanges.Change c : committed) {
            Report.Change e = entity(c);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private static Report.Change entity(FileChanges.Change c) {
        Path p = c.path();
        String file = p.getFileName() == null ? "" : p.getFileName().toString();
        String action = c.deleted() ? "deleted" : c.existed() ? "updated" : "created";
        if (file.endsWith(".nk")) {
            return Report.Change.of(action, "key").withPublicKey(stem(file, ".nk")).withPath(p.toString());
        }
        if (file.endsWith(".creds") && up(p, 3).equals("creds")) {
            return Report.Change.of(action, "creds").withName(stem(file, ".creds")).withAccount(up(p, 1))
                    .withOperator(up(p, 2)).withPath(p.toString());
        }
        if (!file.endsWith(".jwt")) {
            return null;
        }
        String name = stem(file, ".jwt");
        Report.Change e;
        if (up(p, 1).equals("users") && up(p, 3).equals("accounts")) {
            e = Report.Change.of(action, "user").withName(name).withAccount(up(p, 2)).withOperator(up(p, 4));
        } else if (up(p, 1).equals(name) && up(p, 2).equals("accounts")) {
            e = Report.Change.of(action, "account").withName(name).withOperator(up(p, 3));
        } else if (up(p, 1).equals(name)) {
            e = Report.Change.of(action, "operator").withName(name);
        } else {
            return null;
        }
        e = e.withPath(p.toString());
        if (!c.deleted()) {
            String token = new String(c.content(), StandardCharsets.US_ASCII).trim();
            try {
                e = e.withPublicKey(Jwt.decode(token).claims().subject()).withJwt(token);
            } catch (JwtException ex) {
                return e; // not a JWT after all: the path says enough
            }
        }
        return e;
    }

    private static String stem(String file, String ext) {
        return file.substring(0, file.length() - ext.length());
    }

    /** The name of the folder {@code n} levels above the file ("" past the root). */
    private static String up(Path p, int n) {
        Path d = p;
        for (int i = 0; i < n && d != null; i++) {
            d = d.getParent();
        }
        return d == null || d.getFileName() == null ? "" : d.getFileName().toString();
    }
}
