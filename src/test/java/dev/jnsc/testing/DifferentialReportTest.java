package dev.jnsc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The coverage counts of the differential tests come from the log lines and the Go nsc's command tree. */
class DifferentialReportTest {
    private static DifferentialReport.Node tree() {
        DifferentialReport.Node root = new DifferentialReport.Node("");
        DifferentialReport.Node add = new DifferentialReport.Node("add");
        DifferentialReport.Node user = new DifferentialReport.Node("add user");
        user.flags.put("name", true);
        user.flags.put("bearer", false);
        user.flags.put("tag", true);
        user.shorts.put("n", "name");
        DifferentialReport.Node rev = new DifferentialReport.Node("revocations");
        DifferentialReport.Node addAct = new DifferentialReport.Node("revocations add_activation");
        addAct.flags.put("account", true);
        addAct.shorts.put("a", "account");
        root.children.put("add", add);
        root.children.put("revocations", rev);
        add.children.put("user", user);
        rev.children.put("add_activation", addAct);
        rev.aliases.put("add-activation", addAct);
        return root;
    }

    private static String line(String sameness, String... args) {
        return "SomeIT\t" + sameness + "\t" + String.join("\u001f", args) + "\t";
    }

    @Test
    void countsCommandsStepsAndFlagsThroughAliasesAndShortFlags() {
        String report = new DifferentialReport(Path.of("/x/nsc-ref")).report(tree(), List.of(
                line("same", "add", "user", "-n", "U", "--bearer"),
                line("differs", "add", "user", "--tag=x", "V"),
                line("same", "revocations", "add-activation", "-a", "A"),
                line("same", "nosuch", "thing")));
        assertTrue(report.startsWith("Differential coverage (against nsc-ref): 2 of 2 commands compared, 1 of them the same"
                + " in every step; 4 steps, 3 the same; 4 of 4 flags used"), report);
        assertTrue(report.contains("add user                           1 of   2 steps the same,  3 of  3 flags"), report);
        assertTrue(report.contains("1 steps ran a command the Go nsc does not have"), report);
    }

    @Test
    void namesWhatWasNotCompared() {
        String report = new DifferentialReport(Path.of("nsc")).report(tree(), List.of(line("same", "add", "user", "U")));
        assertTrue(report.contains("Commands not compared:\n  revocations add_activation"), report);
        assertTrue(report.contains("add user: --bearer --name --tag"), report);
    }

    @Test
    void flagsByLongOrShortName() {
        DifferentialReport.Node user = tree().children.get("add").children.get("user");
        assertEquals("name", DifferentialReport.flagOf(user, "-n"));
        assertEquals("tag", DifferentialReport.flagOf(user, "--tag=a,b"));
        assertNull(DifferentialReport.flagOf(user, "--nosuch"));
        assertNull(DifferentialReport.flagOf(user, "U"));
    }
}
