package dev.jnsc.cli;

import dev.jnsc.fs.FileChanges;
import dev.jnsc.jwt.JsonWriter;
import dev.jnsc.ops.CommittedEntities;
import dev.jnsc.ops.Report;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --json} of the commands that change something: the run's reports, the entities behind the
 * files the workspace committed, and what the command printed on stdout, as one JSON object on
 * stdout; the "[ OK ]" lines go to stderr. When the command fails with an error (exit 1 or 2 and
 * an "Error: …" line) stdout stays empty. Field names and order are documented in the README.
 */
final class JsonResult {
    private static final String KEY = "jnsc.json-result";

    private final Cli cli;
    private final String command;
    private final Report report = new Report();

    private JsonResult(Cli cli, String command) {
        this.cli = cli;
        this.command = command;
    }

    /** Adds --json to a command that changes something, unless it has its own (describe's -J/--json). */
    static CommandSpec addFlag(CommandSpec spec) {
        if (spec.findOption("--json") == null) {
            spec.addOption(OptionSpec.builder("--json").type(boolean.class).arity("0").descriptionKey(KEY)
                    .description("print the result as one JSON object on stdout (names, keys, files, JWTs); "
                            + "the [ OK ] lines go to stderr (jnsc only)").build());
        }
        return spec;
    }

    /** The result collector when this run of {@code spec} asked for --json, else null. */
    static JsonResult requested(CommandSpec spec, Cli cli) {
        OptionSpec o = spec.findOption("--json");
        if (o == null || !KEY.equals(o.descriptionKey()) || !spec.commandLine().getParseResult().hasMatchedOption(o)) {
            return null;
        }
        String name = spec.qualifiedName(" ");
        return new JsonResult(cli, name.startsWith("nsc ") ? name.substring(4) : name);
    }

    /**
     * Runs the command with its stdout captured, then prints the object. An exception passes
     * through with nothing printed on stdout.
     */
    int run(Callable<Integer> command) throws Exception {
        PrintWriter out = cli.out;
        StringWriter data = new StringWriter();
        cli.out = new PrintWriter(data);
        cli.json = this;
        int code;
        try {
            code = command.call();
        } finally {
            cli.out = out;
            cli.json = null;
        }
        out.println(render(code, data.toString()));
        out.flush();
        return code;
    }

    /** Keeps a report the command printed (on stderr, with --json). */
    void add(Report r) {
        report.addAll(r);
    }

    private String render(int code, String output) {
        JsonWriter w = JsonWriter.compact().beginObject();
        w.name("ok").value(code == 0).name("command").value(command).name("exit_code").value(code);
        w.name("messages").beginArray();
        for (Report.Line l : report.lines()) {
            w.beginObject().name("status").value(l.status().name().toLowerCase(java.util.Locale.ROOT))
                    .name("text").value(l.message()).endObject();
        }
        dev.jnsc.ops.Workspace ws = cli.workspaceIfUsed();
        List<FileChanges.Change> files = ws == null ? List.of() : ws.committed();
        if (ws != null) {
            for (String note : ws.signerNotes()) {
                w.beginObject().name("status").value("ok").name("text").value(note).endObject();
            }
        }
        w.endArray().name("changes").beginArray();
        List<Report.Change> changes = new ArrayList<>(report.changes());
        changes.addAll(CommittedEntities.of(files));
        for (Report.Change c : changes) {
            w.beginObject().name("action").value(c.action()).name("kind").value(c.kind()).field("name", c.name())
                    .field("subject", c.subject()).field("public_key", c.publicKey()).field("account", c.account())
                    .field("operator", c.operator()).field("path", c.path()).field("jwt", c.jwt()).endObject();
        }
        w.endArray().name("replies").beginArray();
        for (Report.Reply r : report.replies()) {
            w.beginObject().field("account", r.account()).name("server").value(r.server()).name("ok").value(r.ok())
                    .name("message").value(r.message() == null ? "" : r.message()).endObject();
        }
        Set<String> written = new LinkedHashSet<>();
        Set<String> deleted = new LinkedHashSet<>();
        for (FileChanges.Change f : files) {
            String p = f.path().toString();
            (f.deleted() ? written : deleted).remove(p);
            (f.deleted() ? deleted : written).add(p);
        }
        w.endArray().name("files").beginObject();
        array(w.name("written"), written);
        array(w.name("deleted"), deleted);
        w.endObject();
        if (!output.isEmpty()) {
            w.name("output").value(output);
        }
        return w.endObject().toString();
    }

    private static void array(JsonWriter w, Set<String> values) {
        w.beginArray();
        for (String v : values) {
            w.value(v);
        }
        w.endArray();
    }
}
