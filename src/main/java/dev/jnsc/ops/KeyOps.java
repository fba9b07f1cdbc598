package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import java.util.ArrayList;
import java.util.List;

/** generate nkey. */
public final class KeyOps {
    private KeyOps() {
    }

    /** New keys of the given kinds, in order; stored in the keystore when {@code store}. */
    public static List<NKey> generate(Workspace ws, List<KeyKind> kinds, boolean store) {
        if (kinds.isEmpty()) {
            throw new OpsException("set --operator, --account, --user or --curve");
        }
        List<NKey> keys = new ArrayList<>();
        FileChanges c = new FileChanges();
        for (KeyKind k : kinds) {
            NKey key = ws.newKey(k);
            keys.add(key);
            if (store) {
                ws.keystore().stage(c, key);
            }
        }
        ws.commit(c);
        return keys;
    }
}
