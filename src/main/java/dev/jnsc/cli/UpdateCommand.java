package dev.jnsc.cli;

import dev.jnsc.ops.OpsException;
import dev.jnsc.ops.Releases;
import dev.jnsc.ops.SelfUpdate;
import java.nio.file.Path;
import java.util.Locale;

/**
 * update: replaces the jnsc executable this runs from (the launcher file, named by the
 * JNSC_LAUNCHER variable the launcher sets) with the release's from the feed at JNSC_UPDATE_URL
 * (the GitHub releases API format). The Go nsc updates itself from its GitHub repository; jnsc has
 * no home repository, so the feed must be named. Messages as the Go nsc's cmd/update.go.
 */
final class UpdateCommand extends Leaf {
    static final String FEED = "JNSC_UPDATE_URL";
    static final String LAUNCHER = "JNSC_LAUNCHER";

    UpdateCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("update", "Update this tool to latest version (from the release feed at $" + FEED + ")");
        s.value("version", "version to updated the nsc binary to: latest (the default) or x.y.z", "--version");
    }

    @Override
    int run(Args a) {
        String want = wanted(a.str("--version"));
        String feed = cli.env.get(FEED);
        if (feed == null || feed.isBlank()) {
            throw new OpsException("unable to check for updates - no release feed: set " + FEED + " to the base URL of a"
                    + " release feed in the GitHub releases API format (e.g. https://api.github.com/repos/<owner>/<repo>)");
        }
        String launcher = cli.env.get(LAUNCHER);
        if (launcher == null || launcher.isBlank()) {
            throw new OpsException("cannot update: the jnsc launcher file is not known - run update through the jnsc"
                    + " executable (target/nsc), whose launcher names itself in " + LAUNCHER);
        }
        String current = VersionProvider.version();
        SelfUpdate.Result r = SelfUpdate.run(new SelfUpdate.Request(feed, want, current,
                cli.env.cwd().resolve(Path.of(launcher))));
        if (!r.updated()) {
            cli.err.println("Current version " + current + " is requested version");
            cli.err.flush();
            return 0;
        }
        cli.record(new dev.jnsc.ops.Report().change(dev.jnsc.ops.Report.Change.of("updated", "launcher")
                .withName(r.version()).withPath(cli.env.cwd().resolve(Path.of(launcher)).toString())));
        cli.out.println("Updating to version " + r.version());
        cli.out.println();
        cli.out.println("Release Notes:");
        cli.out.println();
        cli.out.println(wrap(r.notes(), 80));
        cli.out.flush();
        return 0;
    }

    /** --version: null for latest, else the version as x.y.z. */
    private static String wanted(String v) {
        if (v == null || v.trim().toLowerCase(Locale.ROOT).equals("latest")) {
            return null;
        }
        String version = Releases.version(v);
        if (version == null) {
            throw new UsageException("--version \"" + v + "\": expected latest or a version such as 1.2.3");
        }
        return version;
    }

    /** The notes with every line wrapped at {@code width} columns between words. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            int col = 0;
            for (String word : line.split(" ")) {
                if (col > 0 && col + 1 + word.length() > width) {
                    out.append('\n');
                    col = 0;
                } else if (col > 0) {
                    out.append(' ');
                    col++;
                }
                out.append(word);
                col += word.length();
            }
        }
        return out.toString();
    }
}
