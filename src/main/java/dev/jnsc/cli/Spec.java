package dev.jnsc.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Declares a command's options: a thin, typed layer over picocli's programmatic model. */
final class Spec {
    private final CommandSpec spec;

    Spec(CommandSpec spec) {
        this.spec = spec;
    }

    Spec name(String name, String description) {
        spec.name(name);
        spec.usageMessage().description(description);
        return this;
    }

    /** Left out of the parent's help listing (nsc's top-level pub/sub/req/reply are). */
    Spec hidden() {
        spec.usageMessage().hidden(true);
        return this;
    }

    /**
     * Longer help under the one-line description, and examples (shown after the options as
     * "Examples:", and as EXAMPLES in the man pages and docs/reference).
     */
    Spec details(String... lines) {
        String[] d = spec.usageMessage().description();
        String[] all = java.util.Arrays.copyOf(d, d.length + 1 + lines.length);
        all[d.length] = "";
        System.arraycopy(lines, 0, all, d.length + 1, lines.length);
        spec.usageMessage().description(all);
        return this;
    }

    /** Example command lines, each a line (see {@link #details}). */
    Spec examples(String... lines) {
        spec.usageMessage().footerHeading("%nExamples:%n").footer(lines);
        return this;
    }

    Spec aliases(String... aliases) {
        spec.aliases(aliases);
        return this;
    }

    /** An option taking one value. */
    Spec value(String label, String help, String... names) {
        spec.addOption(OptionSpec.builder(names).type(String.class).paramLabel("<" + label + ">").description(help)
                .build());
        return this;
    }

    /** An option given as a comma list and/or repeated; read with {@link Args#list}. */
    Spec list(String label, String help, String... names) {
        spec.addOption(OptionSpec.builder(names).type(List.class).auxiliaryTypes(String.class).splitRegex(",")
                .paramLabel("<" + label + ">").description(help).build());
        return this;
    }

    /** A boolean flag. */
    Spec flag(String help, String... names) {
        spec.addOption(OptionSpec.builder(names).type(boolean.class).arity("0").description(help).build());
        return this;
    }

    /** A boolean flag that also takes an explicit value: --flag, --flag=true, --flag=false. */
    Spec toggle(String help, String... names) {
        spec.addOption(OptionSpec.builder(names).type(boolean.class).arity("0..1").fallbackValue("true")
                .description(help).build());
        return this;
    }

    /** An option whose value is optional: "--x" means {@code fallback}, "--x=v" means v. */
    Spec optionalValue(String label, String fallback, String help, String... names) {
        spec.addOption(OptionSpec.builder(names).type(String.class).arity("0..1").fallbackValue(fallback)
                .paramLabel("<" + label + ">").description(help).build());
        return this;
    }

    /** A positional parameter, after those declared before it; arity like "0..1" or "1". */
    Spec positional(String label, String arity, String help) {
        String index = String.valueOf(spec.positionalParameters().size());
        spec.addPositional(PositionalParamSpec.builder().type(String.class).index(index).arity(arity)
                .required(!arity.startsWith("0")).paramLabel("<" + label + ">").description(help).build());
        return this;
    }

    /** A {@link #toggle} left out of the help, as the Go nsc hides some flags (add export --advertise). */
    Spec hiddenToggle(String help, String... names) {
        spec.addOption(OptionSpec.builder(names).type(boolean.class).arity("0..1").fallbackValue("true")
                .description(help).hidden(true).build());
        return this;
    }
}
