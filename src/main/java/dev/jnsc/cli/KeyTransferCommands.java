package dev.jnsc.cli;

import dev.jnsc.ops.KeyTransferOps;
import dev.jnsc.ops.KeystoreMigration;
import dev.jnsc.ops.Workspace;

/** export keys, import keys and keys migrate: seeds between the keystore and plain folders. */
final class KeyTransferCommands {
    private KeyTransferCommands() {
    }

    static final class Export extends Leaf {
        Export(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("keys", "Export operator, account and user keys in the current operator and account context");
            s.flag("export operator keys", "-o", "--operator");
            s.flag("export account keys", "-a", "--accounts");
            s.flag("export user keys", "-u", "--users");
            s.flag("export curve keys", "--curves");
            s.value("name", "change account context to the named account", "--account");
            s.value("name", "export specified user key", "--user");
            s.value("key", "export specified curve key", "--curve");
            s.flag("export operator, accounts and users keys", "-A", "--all");
            s.value("string", "export keys containing string", "-f", "--filter");
            s.flag("export keys that are not referenced in the current operator context", "--not-referenced");
            s.value("path", "directory to export keys to", "-d", "--dir");
            s.flag("overwrite existing files", "-F", "--force");
            s.flag("removes the original key file from the keyring after exporting it", "-R", "--remove");
            s.flag("include jwts", "--include-jwts");
        }

        @Override
        int run(Args a) {
            if (a.str("--dir") == null) {
                throw new UsageException("--dir is required: the folder to export the keys to (see 'nsc export keys --help')");
            }
            // the Go nsc applies its defaults unless one of these is given (--curves is not among them)
            boolean kindGiven = a.has("--operator") || a.has("--accounts") || a.has("--users") || a.has("--curve")
                    || a.has("--all");
            Workspace ws = cli.workspace();
            KeyTransferOps.checkKeystore(ws);
            KeyTransferOps.ExportKeys req = new KeyTransferOps.ExportKeys(a.str("--dir"), a.flag("--operator"),
                    a.flag("--accounts"), a.flag("--users"), a.flag("--all"), kindGiven, a.str("--account"),
                    a.str("--user"), a.str("--filter"), a.flag("--not-referenced"), a.flag("--force"),
                    a.flag("--remove"), a.flag("--include-jwts"), a.flag("--curves"), a.str("--curve"));
            dev.jnsc.ops.Report r;
            try (Progress p = Progress.of(cli)) {
                r = KeyTransferOps.exportKeys(cli.writer(), req, p);
            }
            return cli.report(r);
        }
    }

    static final class Import extends Leaf {
        Import(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("keys", "Imports all nkeys found in a directory");
            s.value("path", "directory to import keys from", "-d", "--dir");
            s.flag("recurse directories", "-R", "--recurse");
        }

        @Override
        int run(Args a) {
            if (a.str("--dir") == null) {
                throw new UsageException("--dir is required: the folder holding the .nk files (see 'nsc import keys --help')");
            }
            dev.jnsc.ops.Report r;
            try (Progress p = Progress.of(cli)) {
                r = KeyTransferOps.importKeys(cli.writer(), new KeyTransferOps.ImportKeys(a.str("--dir"),
                        a.flag("--recurse")), p);
            }
            return cli.report(r);
        }
    }

    static final class Migrate extends Leaf {
        Migrate(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("migrate", "migrates keystore to new layout, original keystore is preserved");
        }

        @Override
        int run(Args a) {
            Workspace ws = cli.workspace();
            if (!KeystoreMigration.needed(ws.keystore().root())) {
                cli.err.println("keystore `" + ws.env().display(ws.keystore().root()) + "` does not need migration");
                cli.err.flush();
                return 0;
            }
            KeystoreMigration.Result r = KeystoreMigration.migrate(cli.writer());
            if (r.old() == null) {
                cli.err.println("keystore `" + ws.env().display(r.keystore()) + "` does not need migration");
            } else {
                cli.err.println("keystore `" + ws.env().display(r.keystore()) + "` was migrated - old store was renamed to `"
                        + ws.env().display(r.old()) + "` - remove at your convenience");
            }
            cli.err.flush();
            return 0;
        }
    }
}
