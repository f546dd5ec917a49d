package dev.paramcheck.report;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code java -jar paramcheck-report.jar [options] DIR_OR_JAR...}. Exit code 0
 * when all is well, 1 when the check failed, 2 on bad usage or input; every message on stderr.
 */
public final class Main {
  public static final int OK = 0;
  public static final int CHECK_FAILED = 1;
  public static final int BAD_INPUT = 2;

  static final String USAGE = String.join("\n",
      "usage: java -jar paramcheck-report.jar [options] DIR_OR_JAR...",
      "       java -jar paramcheck-report.jar summary DIR_OR_JAR...",
      "",
      "Reads the records paramcheck's processor wrote (META-INF/paramcheck/*.json) from class",
      "output directories and jars, and writes report.json, report.md and index.html.",
      "",
      "options:",
      "  --out DIR          where to write the report (default target/paramcheck)",
      "  --baseline FILE    the baseline to compare with (default paramcheck-baseline.json)",
      "  --check            fail (exit 1) when a model is over a budget, grew past",
      "                     --max-growth, or is new and --fail-on-new is given",
      "  --max-growth P     the growth allowed, in percent of the baseline (default 0)",
      "  --fail-on-new      a model missing from the baseline fails the check",
      "  --no-fail-on-over-budget",
      "                     a model over its budget does not fail the check",
      "  --update-baseline  write the baseline from the records (the check then fails only",
      "                     on budgets)",
      "  -h, --help         this text",
      "",
      "summary prints every model's table (summary --help for more).",
      "",
      "exit codes: 0 ok, 1 check failed, 2 bad usage or input",
      "",
      "Checking model files against their declarations: verify-artifacts --help",
      "Writing a declaration from a model file: import --help");

  private Main() {}

  public static void main(String[] args) {
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("verify-artifacts")) {
      return dev.paramcheck.report.artifact.ArtifactCommands.verifyArtifacts(
          java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && args[0].equals("import")) {
      return dev.paramcheck.report.artifact.ArtifactCommands.importModel(
          java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    try {
      return runOrThrow(args, out, err);
    } catch (ReportException e) {
      for (Problem p : e.problems()) {
        err.println("paramcheck-report: error: " + p);
      }
      return BAD_INPUT;
    } catch (UsageException e) {
      err.println("paramcheck-report: " + e.getMessage());
      err.println("run with --help for the options");
      return BAD_INPUT;
    } catch (RuntimeException e) {
      err.println("paramcheck-report: internal error (" + e
          + "); please report it with the records that caused it");
      return BAD_INPUT;
    }
  }

  private static int runOrThrow(String[] args, PrintStream out, PrintStream err)
      throws ReportException, UsageException {
    if (args.length > 0 && args[0].equals(SummaryCommand.NAME)) {
      return SummaryCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    Path outDir = Path.of("target", "paramcheck");
    Path baseline = Path.of(Baseline.DEFAULT_FILE_NAME);
    BigDecimal maxGrowth = BigDecimal.ZERO;
    boolean failOnNew = false;
    boolean failOnOverBudget = true;
    boolean update = false;
    boolean check = false;
    List<Path> inputs = new ArrayList<>();
    boolean options = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (options && a.equals("--")) {
        options = false;
      } else if (options && (a.equals("-h") || a.equals("--help"))) {
        out.println(USAGE);
        return OK;
      } else if (options && a.equals("--out")) {
        outDir = path(value(args, ++i, a), a);
      } else if (options && a.equals("--baseline")) {
        baseline = path(value(args, ++i, a), a);
      } else if (options && a.equals("--max-growth")) {
        String v = value(args, ++i, a);
        try {
          maxGrowth = new BigDecimal(v.endsWith("%") ? v.substring(0, v.length() - 1) : v);
        } catch (NumberFormatException e) {
          throw new UsageException("--max-growth takes a percentage such as 5 or 2.5, not "
              + StrictJson.shorten(v));
        }
        if (maxGrowth.signum() < 0) {
          throw new UsageException("--max-growth must be 0 or more, not " + StrictJson.shorten(v));
        }
      } else if (options && a.equals("--fail-on-new")) {
        failOnNew = true;
      } else if (options && a.equals("--no-fail-on-over-budget")) {
        failOnOverBudget = false;
      } else if (options && a.equals("--update-baseline")) {
        update = true;
      } else if (options && a.equals("--check")) {
        check = true;
      } else if (options && a.startsWith("-") && a.length() > 1) {
        throw new UsageException("unknown option " + StrictJson.shorten(a));
      } else {
        inputs.add(path(a, "an input"));
      }
    }
    if (inputs.isEmpty()) {
      throw new UsageException("give at least one class output directory or jar");
    }

    ReportRun.Outcome outcome = ReportRun.run(new ReportRun.Request(
        inputs, outDir, baseline, new Check.Rules(maxGrowth, failOnNew, failOnOverBudget), check,
        update, Caller.CLI));
    for (String note : outcome.notes()) {
      err.println("paramcheck-report: " + note);
    }
    err.println("paramcheck-report: " + outcome.records().size()
        + (outcome.records().size() == 1 ? " model" : " models") + "; wrote "
        + outDir.resolve(ReportRun.HTML_FILE) + " (and report.json, report.md)");
    if (outcome.failed()) {
      err.println("paramcheck-report: check failed:");
      for (Check.Violation v : outcome.failures()) {
        err.println("  " + v.message());
      }
      return CHECK_FAILED;
    }
    return OK;
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static Path path(String s, String what) throws UsageException {
    try {
      return Path.of(s);
    } catch (InvalidPathException e) {
      throw new UsageException(what + ": not a path: " + StrictJson.shorten(s));
    }
  }

  /** Bad usage: said in one line, exit code 2. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message, null, false, false);
    }
  }
}
