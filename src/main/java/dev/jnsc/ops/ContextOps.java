package dev.jnsc.ops;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;

/** env -s/-o/-a and select operator|account: change the current context in nsc.json. */
public final class ContextOps {
    private ContextOps() {
    }

    public record SetDefaults(String store, String operator, String account) {
        boolean isEmpty() {
            return store == null && operator == null && account == null;
        }
    }

    public static void set(Workspace ws, SetDefaults req) {
        if (req.isEmpty()) {
            return;
        }
        if (ws.env().isSet("NSC_CWD_ONLY")) {
            throw new OpsException("$NSC_CWD_ONLY is set - change your cwd to change context");
        }
        if (req.store() != null) {
            Path dir = ws.env().path(req.store());
            if (!Files.isDirectory(dir)) {
                throw new OpsException("store directory " + dir + " does not exist");
            }
            ws.context().storeRoot(dir.toString());
            Stores s = new Stores(dir);
            java.util.List<String> ops = s.operatorNames();
            String keep = ws.context().operator();
            ws.context().operator(keep != null && s.hasOperator(keep) ? keep : ops.size() == 1 ? ops.get(0) : null);
            ws.context().account(null);
        }
        Stores stores = new Stores(req.store() != null ? ws.env().path(req.store()) : ws.stores().dir());
        String operator = ws.context().operator();
        if (req.operator() != null) {
            if (!stores.hasOperator(req.operator())) {
                throw new OpsException("operator \"" + req.operator() + "\" not in " + stores.dir());
            }
            if (!req.operator().equals(operator)) {
                ws.context().account(null);
            }
            operator = req.operator();
            ws.context().operator(operator);
        }
        if (req.account() != null) {
            if (operator == null || !stores.hasOperator(operator)) {
                throw new OpsException("set an operator first (nsc env -o <name>)");
            }
            if (!stores.operator(operator).hasAccount(req.account())) {
                throw new OpsException("\"" + req.account() + "\" not in accounts for operator \"" + operator + "\" in "
                        + stores.dir());
            }
            ws.context().account(req.account());
        }
        if (req.store() == null) {
            // the Go nsc records the stores folder in use
            ws.context().storeRoot(stores.dir().toString());
        }
        // and, as it does on every save, a current name that is not there gives way to the only one
        String op = saneDefault(ws.context().operator(), stores.operatorNames());
        ws.context().operator(op);
        ws.context().account(op == null ? null
                : saneDefault(ws.context().account(), stores.operator(op).accountNames()));
        FileChanges c = new FileChanges();
        ws.context().updateCheckDefaults(ws.now()).stage(c);
        ws.commit(c);
    }

    /** The Go nsc's choice: the only name, else the current one when it is there, else none. */
    private static String saneDefault(String current, java.util.List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return current != null && names.contains(current) ? current : null;
    }
}
