package dev.jnsc.cli;

import dev.jnsc.jwt.JwtException;
import dev.jnsc.nkeys.NKeyException;
import dev.jnsc.ops.OpsException;
import dev.jnsc.resolver.ResolverException;
import dev.jnsc.store.StoreException;
import dev.jnsc.tools.ToolException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place exceptions become a message and an exit code: usage errors exit 2, failures 1,
 * each as a single "Error: …" line on stderr; stack traces only with --verbose.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private final Cli cli;
    private final boolean verboseArg;

    ErrorHandler(Cli cli, boolean verboseArg) {
        this.cli = cli;
        this.verboseArg = verboseArg;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = cli.err;
        String hint = ex.getCommandLine().getCommandSpec().qualifiedName(" ");
        err.println("Error: " + oneLine(ex.getMessage()) + " (see '" + hint + " --help')");
        trace(ex);
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof UnknownCommandException) {
            // as cobra: the message with its suggestions, then where the usage is; exit 1
            cli.err.println("Error: " + ex.getMessage());
            cli.err.println("Run '" + ((UnknownCommandException) ex).group() + " --help' for usage.");
            trace(ex);
            cli.err.flush();
            return FAILURE;
        }
        int code = FAILURE;
        String message;
        if (ex instanceof ParameterException || ex instanceof UsageException) {
            message = ex.getMessage();
            code = USAGE;
        } else if (ex instanceof OpsException || ex instanceof StoreException || ex instanceof JwtException
                || ex instanceof NKeyException || ex instanceof ToolException || ex instanceof ResolverException
                || ex instanceof Prompter.Interrupted) {
            message = ex.getMessage();
        } else if (ex instanceof UncheckedIOException) {
            message = ex.getMessage();
        } else if (ex instanceof java.io.IOException) {
            message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
        } else {
            message = "internal error: " + ex;
        }
        cli.err.println("Error: " + oneLine(message));
        trace(ex);
        cli.err.flush();
        return code;
    }

    private void trace(Exception ex) {
        if (verboseArg || cli.globals.verbose) {
            ex.printStackTrace(cli.err);
        }
    }

    static String oneLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        return s.replace("\r", "").replace('\n', ' ').trim();
    }
}
