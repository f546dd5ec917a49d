package dev.paramcheck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of the report, as the command line and the Maven plugin's goals do it: read the records,
 * read the baseline, write {@code report.json}, {@code report.md} and {@code index.html}, check,
 * update the baseline. The callers only turn the outcome into exit codes or build failures.
 */
public final class ReportRun {
  public static final String JSON_FILE = "report.json";
  public static final String MARKDOWN_FILE = "report.md";
  public static final String HTML_FILE = "index.html";

  private ReportRun() {}

  /**
   * @param inputs class output directories, jars or record files
   * @param outputDirectory where the three files go; null to write none
   * @param baseline the baseline file (need not exist)
   * @param check whether to apply {@code rules}
   * @param updateBaseline whether to write the baseline from the records (the check then only
   *     reports, it does not fail)
   */
  public record Request(
      List<Path> inputs,
      Path outputDirectory,
      Path baseline,
      Check.Rules rules,
      boolean check,
      boolean updateBaseline,
      Caller caller) {
    public Request {
      inputs = List.copyOf(inputs);
    }

    /** A request from the Maven plugin. */
    public Request(List<Path> inputs, Path outputDirectory, Path baseline, Check.Rules rules,
        boolean check, boolean updateBaseline) {
      this(inputs, outputDirectory, baseline, rules, check, updateBaseline, Caller.MAVEN);
    }
  }

  /**
   * @param check the rules applied to the records: the check's result when asked for; otherwise
   *     what it would say, which marks the failing rows of the report
   * @param written the files written, in order
   * @param notes what is worth telling a person (new and removed models, no baseline, ...)
   */
  public record Outcome(
      List<ModelRecord> records,
      Comparison comparison,
      Check.Result check,
      List<Path> written,
      boolean baselineWritten,
      List<String> notes,
      boolean checked) {
    public Outcome {
      records = List.copyOf(records);
      written = List.copyOf(written);
      notes = List.copyOf(notes);
    }

    /**
     * Whether the check failed: a violation a new baseline does not accept (a model over budget),
     * or, unless the baseline was just written, any violation.
     */
    public boolean failed() {
      return checked && !failures().isEmpty();
    }

    /** The violations that fail the check, in model order; empty unless the check was asked for. */
    public List<Check.Violation> failures() {
      if (!checked || check == null) {
        return List.of();
      }
      return check.violations().stream()
          .filter(v -> !baselineWritten || !v.acceptedByNewBaseline())
          .toList();
    }
  }

  /** @throws ReportException on input it cannot use or output it cannot write, naming the file */
  public static Outcome run(Request request) throws ReportException {
    List<String> notes = new ArrayList<>();
    RecordReader.Result read = new RecordReader().read(request.inputs());
    if (!read.ok()) {
      throw new ReportException(read.problems());
    }
    List<ModelRecord> records = read.records();
    if (records.isEmpty()) {
      String where = request.inputs().stream().map(Path::toString)
          .collect(java.util.stream.Collectors.joining(", "));
      String what = "no paramcheck records (" + RecordReader.RECORD_DIRECTORY + "*.json) in "
          + where;
      if (request.caller() == Caller.CLI) {
        throw new ReportException(new Problem(where, "no paramcheck records ("
            + RecordReader.RECORD_DIRECTORY + "*.json) here: give the class output directory of"
            + " a build the processor ran in (such as target/classes) or a jar built from it;"
            + " the processor writes none under -Aparamcheck.records=false"));
      }
      notes.add(what + "; the processor writes none under -Aparamcheck.records=false");
    }
    Optional<Baseline> baseline = Baseline.read(request.baseline(), request.caller());
    Comparison comparison = Comparison.of(records, baseline);
    String baselineName = request.baseline().getFileName() == null
        ? request.baseline().toString() : request.baseline().getFileName().toString();
    Check.Result check = Check.run(records, comparison, request.rules(), baselineName,
        request.caller(), request.updateBaseline());

    List<Path> written = new ArrayList<>();
    if (request.outputDirectory() != null) {
      Path out = request.outputDirectory();
      write(out.resolve(JSON_FILE), JsonReport.render(records, comparison), written);
      write(out.resolve(MARKDOWN_FILE), MarkdownReport.render(records, comparison, check),
          written);
      write(out.resolve(HTML_FILE), HtmlReport.render(records, comparison, check), written);
    }

    if (request.check()) {
      notes.addAll(check.notes());
    }

    boolean baselineWritten = false;
    if (request.updateBaseline()) {
      Baseline.of(records).write(request.baseline());
      baselineWritten = true;
      if (request.check() && !check.passed()) {
        for (Check.Violation v : check.violations()) {
          if (v.acceptedByNewBaseline()) {
            notes.add("accepted into the new baseline: " + v.message());
          }
        }
      }
      notes.add("wrote the baseline " + request.baseline() + " (" + records.size()
          + (records.size() == 1 ? " model)" : " models)") + "; commit it");
    }
    return new Outcome(records, comparison, check, written, baselineWritten, notes,
        request.check());
  }

  private static void write(Path file, String text, List<Path> written) throws ReportException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      written.add(file);
    } catch (IOException | RuntimeException e) {
      throw new ReportException(new Problem(file.toString(),
          "cannot write the report (" + RecordReader.reason(e) + ")"));
    }
  }
}
