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
        if (args.length > 0 && "map".equals(args[0])) {
            org.ceusperfusion.maps.MapPrelude.warmUpOutputs();   // on the second core while picocli starts
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line without exiting (for tests and embedding).
     *
     * @return the exit code
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new CeusCli());
        addSubcommands(cl, args.length == 0 ? null : args[0]);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::usageError);
        return cl.execute(args);
    }

    /** The commands, by name, in the order {@code --help} lists them. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> commands() {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("info", InfoCommand::new);
        m.put("analyze", AnalyzeCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("map", MapCommand::new);
        m.put("batch", BatchCommand::new);
        m.put("merge", MergeCommand::new);
        m.put("demo", DemoCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    /**
     * Adds only the command named by the first argument, or every command for help, options or an unknown
     * word: building picocli's model of all commands costs about 0.3 s of start-up, which a batch of
     * thousands of short runs and {@code ceus map} pay on every call.
     */
    private static void addSubcommands(CommandLine cl, String first) {
        if (first != null && !"help".equals(first) && COMMANDS.containsKey(first)) {
            cl.addSubcommand(first, COMMANDS.get(first).get());
            return;
        }
        COMMANDS.forEach((name, make) -> cl.addSubcommand(name, make.get()));
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
