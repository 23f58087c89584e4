package org.ceusperfusion.cli;

import java.io.PrintWriter;
import org.ceusperfusion.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code ceus} command: headless CEUS perfusion analysis.
 *
 * <p>Exit codes (interfaces.md §2): 0 done, 1 batch finished with failed items, 2 bad usage or bad input
 * (one {@code error:} line, nothing written), 3 internal error (message and stack trace).
 */
@Command(name = "ceus", mixinStandardHelpOptions = true, versionProvider = CeusCli.VersionProvider.class,
        description = "CEUS Perfusion: perfusion parameters with 95 %% confidence intervals from contrast-enhanced"
                + " ultrasound cine loops.",
        subcommands = {InfoCommand.class, AnalyzeCommand.class, CompareCommand.class, MapCommand.class,
                BatchCommand.class, MergeCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 some batch items failed, 2 bad usage or input, 3 internal error."})
public final class CeusCli implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is needed: info, analyze, compare, map, batch, merge or demo");
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line without exiting (for tests and embedding).
     *
     * @return the exit code
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new CeusCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::usageError);
        return cl.execute(args);
    }

    /** {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"CEUS Perfusion " + Version.get(),
                    "Java " + System.getProperty("java.version") + ", ImageJ " + ij.ImageJ.VERSION};
        }
    }
}
