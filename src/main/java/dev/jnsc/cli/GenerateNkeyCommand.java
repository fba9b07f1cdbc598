package dev.jnsc.cli;

import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.ops.KeyOps;
import dev.jnsc.ops.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

final class GenerateNkeyCommand extends Leaf {
    GenerateNkeyCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("nkey", "Generate nkeys: prints each seed and public key, or stores them");
        s.flag("generate an operator key", "-o", "--operator");
        s.flag("generate an account key", "-a", "--account");
        s.flag("generate a user key", "-u", "--user");
        s.flag("generate a curve (X25519) key, such as an auth callout encryption target", "-x", "--curve");
        s.flag("store the seed in the keystore instead of printing it", "-S", "--store");
    }

    @Override
    int run(Args a) {
        boolean store = a.flag("--store");
        List<KeyKind> kinds = new ArrayList<>();
        if (a.flag("--operator")) {
            kinds.add(KeyKind.OPERATOR);
        }
        if (a.flag("--account")) {
            kinds.add(KeyKind.ACCOUNT);
        }
        if (a.flag("--user")) {
            kinds.add(KeyKind.USER);
        }
        if (a.flag("--curve")) {
            kinds.add(KeyKind.CURVE);
        }
        Workspace ws = store ? cli.writer() : cli.workspace();
        for (NKey k : KeyOps.generate(ws, kinds, store)) {
            if (store) {
                cli.out.println(k.publicKey());
                cli.out.println(k.kind().label() + " key stored " + ws.keystore().keyPath(k.publicKey()));
            } else {
                char[] seed = k.seed();
                cli.out.write(seed);
                cli.out.println();
                Arrays.fill(seed, '\0');
                cli.out.println(k.publicKey());
            }
            cli.out.println();
            k.clear();
        }
        cli.out.flush();
        return 0;
    }
}
