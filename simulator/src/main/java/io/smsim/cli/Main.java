package io.smsim.cli;

import io.smsim.output.OutputException;
import io.smsim.scenario.Problem;
import io.smsim.scenario.ScenarioException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code smsim} command line. Exit status: 0 ok, 1 an expectation or SLO failed, 2 bad input
 * (one line per problem, no stack trace unless {@code --debug}; an unusable output directory too, found before
 * any work), 70 an internal error, 74 an output file could not be written (nothing half-written is left).
 * Every error line starts with {@code smsim: }; a scenario problem then names its place,
 * {@code smsim: file:line:column: field.path: rule: value}.
 */
@Command(name = "smsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Smart-meter communications simulator: replay outages in virtual time, ask what-if, serve them "
        + "live, load-test and benchmark failover.",
    subcommands = {ReplayCommand.class, ValidateCommand.class, CompareCommand.class, SweepCommand.class,
        CheckCommand.class, ServeCommand.class, LoadCommand.class, FailoverBenchCommand.class, InitCommand.class,
        SchemaCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  public static final int EXIT_OK = 0;
  public static final int EXIT_CHECK_FAILED = 1;
  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_INTERNAL = 70;
  /** An output file could not be written (a full disk): sysexits' EX_IOERR. Nothing half-written is left. */
  public static final int EXIT_IO = 74;

  /** The start of every error line. */
  static final String PREFIX = "smsim: ";

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams; returns the exit status (tests call this). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println(PREFIX + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try 'smsim " + subcommandName(ex.getCommandLine()) + "--help'.");
      return EXIT_BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((ex, c, parseResult) -> handle(ex, err, parseResult.hasMatchedOption("--debug")
        || hasDebug(parseResult)));
    return cli.execute(args);
  }

  /** The command tree with its converters (completion scripts are generated from it too). */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    Converters.register(cli);
    return cli;
  }

  private static boolean hasDebug(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult p = parseResult;
    while (p != null) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
      p = p.subcommand();
    }
    return false;
  }

  private static String subcommandName(CommandLine c) {
    return c.getParent() == null ? "" : c.getCommandName() + " ";
  }

  static int handle(Exception ex, PrintWriter err, boolean debug) {
    if (ex instanceof ScenarioException se) {
      for (Problem p : se.problems()) {
        err.println(PREFIX + p);
      }
      if (debug) {
        ex.printStackTrace(err);
      }
      return EXIT_BAD_INPUT;
    }
    if (ex instanceof OutputException oe) {
      err.println("smsim: " + oe.getMessage());
      if (debug) {
        ex.printStackTrace(err);
      }
      return oe.stage() == OutputException.Stage.CHECK ? EXIT_BAD_INPUT : EXIT_IO;
    }
    if (ex instanceof io.smsim.workload.TraceException te) {
      err.println(PREFIX + te.getMessage()); // a trace that changed after it was checked: file:line:column: reason
      if (debug) {
        ex.printStackTrace(err);
      }
      return EXIT_BAD_INPUT;
    }
    if (ex instanceof BadInputException) {
      err.println(PREFIX + ex.getMessage());
      if (debug) {
        ex.printStackTrace(err);
      }
      return EXIT_BAD_INPUT;
    }
    err.println(PREFIX + "internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)"));
    if (debug) {
      ex.printStackTrace(err);
    }
    return EXIT_INTERNAL;
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"smsim " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
    }
  }
}
