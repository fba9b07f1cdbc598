package dev.jnsc.cli;

import dev.jnsc.ops.OperatorOps;

final class AddOperatorCommand extends Leaf {
    AddOperatorCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("operator", "Add an operator");
        Options.name(s, "operator");
        Options.times(s);
        s.flag("generate a signing key with the operator", "--generate-signing-key");
        s.flag("create the system account SYS and its user sys (signed with the signing key when one is made)",
                "-s", "--sys");
    }

    @Override
    int run(Args a) {
        return cli.report(OperatorOps.add(cli.writer(), new OperatorOps.AddOperator(Options.requiredName(a, "operator"),
                a.flag("--generate-signing-key"), a.flag("--sys"), a.str("--start"), a.str("--expiry"))));
    }
}
