package dev.paramcheck.report;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary DIR_OR_JAR...}: prints every model's table, as its generated {@code table()}
 * returns it (Keras's {@code model.summary()}, or torchinfo's for a PyTorch model), from the
 * records alone: a person sees the summaries without writing code. The Maven goal
 * {@code paramcheck:summary} prints the same text.
 */
public final class SummaryCommand {
  /** The command's name, the first argument. */
  public static final String NAME = "summary";

  static final String USAGE = String.join("\n",
      "usage: java -jar paramcheck-report.jar summary DIR_OR_JAR...",
      "",
      "Prints every model's summary table (Keras's model.summary(), or torchinfo's for a",
      "PyTorch model) from the records paramcheck's processor wrote (META-INF/paramcheck/*.json)",
      "in class output directories and jars, sorted by model name.",
      "",
      "exit codes: 0 ok, 2 bad usage or input (no records, a corrupt record)");

  private SummaryCommand() {}

  /** The tables of {@code records}, in their order, a blank line between two. */
  public static String render(List<ModelRecord> records) {
    StringBuilder sb = new StringBuilder();
    for (ModelRecord r : records) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(r.table());
      if (!r.table().endsWith("\n")) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * Reads the records of {@code inputs}: all of them, or the problems that stop it.
   *
   * @throws ReportException on unreadable input or when there is no record at all
   */
  public static List<ModelRecord> records(List<Path> inputs) throws ReportException {
    RecordReader.Result read = new RecordReader().read(inputs);
    if (!read.ok()) {
      throw new ReportException(read.problems());
    }
    if (read.records().isEmpty()) {
      String where = String.join(", ", inputs.stream().map(Path::toString).toList());
      throw new ReportException(new Problem(where, "no paramcheck records ("
          + RecordReader.RECORD_DIRECTORY + "*.json) here: give the class output directory of a"
          + " build the processor ran in (such as target/classes) or a jar built from it; the"
          + " processor writes none under -Aparamcheck.records=false"));
    }
    return read.records();
  }

  /** Runs {@code summary} with the arguments after its name; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err)
      throws ReportException, Main.UsageException {
    List<Path> inputs = new ArrayList<>();
    boolean options = true;
    for (String a : args) {
      if (options && a.equals("--")) {
        options = false;
      } else if (options && (a.equals("-h") || a.equals("--help"))) {
        out.println(USAGE);
        return Main.OK;
      } else if (options && a.startsWith("-") && a.length() > 1) {
        throw new Main.UsageException("summary: unknown option " + a);
      } else {
        try {
          inputs.add(Path.of(a));
        } catch (InvalidPathException e) {
          throw new Main.UsageException("summary: not a path: " + a);
        }
      }
    }
    if (inputs.isEmpty()) {
      throw new Main.UsageException("summary: give at least one class output directory or jar");
    }
    out.print(render(records(inputs)));
    out.flush();
    return Main.OK;
  }
}
