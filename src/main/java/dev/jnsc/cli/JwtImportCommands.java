package dev.jnsc.cli;

import dev.jnsc.ops.JwtImportOps;

/** import account and import user: JWTs (and a creds file's seed) made elsewhere. */
final class JwtImportCommands {
    private JwtImportCommands() {
    }

    static final class Account extends Leaf {
        Account(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("account", "Imports an account from a jwt file and resign with operator if self signed");
            s.flag("skip validation issues, they can be edited out prior to push", "--skip");
            s.flag("overwrite existing account", "--overwrite");
            s.value("account-jwt", "account jwt to import", "-j", "--file");
            s.flag("import account signed by different operator", "--force");
        }

        @Override
        int run(Args a) {
            if (a.str("--file") == null) {
                throw new UsageException("--file is required: the account JWT to import (see 'nsc import account --help')");
            }
            return cli.report(JwtImportOps.importAccount(cli.writer(), new JwtImportOps.ImportAccount(a.str("--file"),
                    a.flag("--overwrite"), a.flag("--force"), a.flag("--skip"), cli.signer())));
        }
    }

    static final class User extends Leaf {
        User(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("user", "Imports an user from a jwt or user and nkey from a creds file");
            s.flag("skip validation issues", "--skip");
            s.flag("overwrite existing user", "--overwrite");
            s.value("user-jwt/user-creds", "user jwt or creds to import", "-f", "--file");
        }

        @Override
        int run(Args a) {
            if (a.str("--file") == null) {
                throw new UsageException("--file is required: the user JWT or creds file to import (see 'nsc import user"
                        + " --help')");
            }
            return cli.report(JwtImportOps.importUser(cli.writer(), new JwtImportOps.ImportUser(a.str("--file"),
                    a.flag("--overwrite"), a.flag("--skip"))));
        }
    }
}
