package dev.jnsc.cli;

import dev.jnsc.ops.ReissueOps;

/** reissue operator: a new operator identity key; the accounts it signed are re-signed. */
final class ReissueOperatorCommand extends Leaf {
    ReissueOperatorCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("operator", "Re-issues the operator with a new identity and re-signs affected accounts. When"
                + " `--private-key` flag is provided with an operator seed, the identity specified will be used for the"
                + " operator and as the issuer for the accounts. Note use of this command could create a disruption."
                + " Please backup your server and nsc environment prior to use.");
        s.flag("turn operator identity key into signing key (avoids account re-signing)", "--convert-to-signing-key");
        s.value("name", "operator name", "-n", "--name");
    }

    @Override
    int run(Args a) {
        return cli.report(ReissueOps.operator(cli.writer(), new ReissueOps.Reissue(a.str("--name"),
                a.flag("--convert-to-signing-key"), cli.signer())));
    }
}
