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
      boolean updateBaseline) {
    public Request {
      inputs = List.copyOf(inputs);
    }
  }

  /**
   * @param check null unless asked for
   * @param written the files written, in order
   * @param notes what is worth telling a person (new and removed models, no baseline, ...)
   */
  public record Outcome(
      List<ModelRecord> records,
      Comparison comparison,
      Check.Result check,
      List<Path> written,
      boolean baselineWritten,
      List<String> notes) {
    public Outcome {
      records = List.copyOf(records);
      written = List.copyOf(written);
      notes = List.copyOf(notes);
    }

    /** Whether the check failed (never after the baseline was updated). */
    public boolean failed() {
      return check != null && !check.passed() && !baselineWritten;
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
      notes.add("no paramcheck records (" + RecordReader.RECORD_DIRECTORY + "*.json) in "
          + request.inputs() + "; the processor writes none under -Aparamcheck.records=false");
    }
    Optional<Baseline> baseline = Baseline.read(request.baseline());
    Comparison comparison = Comparison.of(records, baseline);

    List<Path> written = new ArrayList<>();
    if (request.outputDirectory() != null) {
      Path out = request.outputDirectory();
      write(out.resolve(JSON_FILE), JsonReport.render(records, comparison), written);
      write(out.resolve(MARKDOWN_FILE), MarkdownReport.render(records, comparison), written);
      write(out.resolve(HTML_FILE), HtmlReport.render(records, comparison), written);
    }

    Check.Result check = null;
    if (request.check()) {
      check = Check.run(comparison, request.rules(), request.baseline().getFileName().toString());
      notes.addAll(check.notes());
    }

    boolean baselineWritten = false;
    if (request.updateBaseline()) {
      Baseline.of(records).write(request.baseline());
      baselineWritten = true;
      if (check != null && !check.passed()) {
        for (Check.Violation v : check.violations()) {
          notes.add("accepted into the new baseline: " + v.message());
        }
      }
      notes.add("wrote the baseline " + request.baseline() + " (" + records.size()
          + (records.size() == 1 ? " model)" : " models)") + "; commit it");
    }
    return new Outcome(records, comparison, check, written, baselineWritten, notes);
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
