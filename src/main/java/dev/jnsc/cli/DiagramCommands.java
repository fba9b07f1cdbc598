package dev.jnsc.cli;

import dev.jnsc.ops.Workspace;
import dev.jnsc.store.OperatorStore;
import java.nio.charset.StandardCharsets;

/** generate diagram component | object: PlantUML diagrams of the current operator's store. */
final class DiagramCommands {
    private DiagramCommands() {
    }

    private static int emit(Cli cli, String out, String text) {
        if (OutputFile.isStdout(out)) {
            cli.out.println(text);
            cli.out.flush();
            return 0;
        }
        // the Go nsc prints nothing when it writes the file
        OutputFile.write(cli, out, text.getBytes(StandardCharsets.UTF_8));
        return 0;
    }

    static final class Component extends Leaf {
        Component(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("component", "Generate a plantuml component diagram for this store");
            s.flag("Include account descriptions", "--detail");
            s.value("file", "output file, '--' is stdout (default \"--\"; an existing file is never overwritten)",
                    "-o", "--output-file");
        }

        @Override
        int run(Args a) {
            Workspace ws = cli.workspace();
            OperatorStore op = ws.operator(null);
            return emit(cli, a.str("--output-file"), new ComponentDiagram(ws, op, a.flag("--detail")).component());
        }
    }

    static final class Object extends Leaf {
        Object(Cli cli) {
            super(cli);
        }

        @Override
        void define(Spec s) {
            s.name("object", "Generate a plantuml object diagram for this store");
            s.flag("Include keys in diagram", "--show-keys");
            s.flag("Include User", "--users");
            s.flag("Include empty/unlimited values", "--detail");
            s.value("file", "output file, '--' is stdout (default \"--\"; an existing file is never overwritten)",
                    "-o", "--output-file");
        }

        @Override
        int run(Args a) {
            Workspace ws = cli.workspace();
            OperatorStore op = ws.operator(null);
            return emit(cli, a.str("--output-file"), new ObjectDiagram(ws, op, a.flag("--detail"))
                    .object(a.flag("--users"), a.flag("--show-keys")));
        }
    }
}
