package dev.paramcheck.report.artifact;

import dev.paramcheck.report.HtmlReport;
import dev.paramcheck.report.ModelRecord;
import dev.paramcheck.report.Problem;
import dev.paramcheck.report.RecordReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code verify-artifacts}: reads the records from class output directories or jars, and checks
 * each configured model file against its model's record. Shared by the command line and the Maven
 * goal.
 */
public final class ArtifactCheck {
  private ArtifactCheck() {}

  /** A model and the file it was trained into, as configured. */
  public record Spec(String model, Path file, String shown) {}

  /** The verifications, in configuration order, and the records that could not be read. */
  public record Outcome(List<Verification> verifications, List<Problem> problems) {
    public Outcome {
      verifications = List.copyOf(verifications);
      problems = List.copyOf(problems);
    }

    public boolean passed() {
      return problems.isEmpty() && verifications.stream().allMatch(Verification::passed);
    }
  }

  public static Outcome run(List<Path> classes, List<Spec> specs) {
    RecordReader.Result read = new RecordReader().read(classes);
    List<Verification> out = new ArrayList<>();
    for (Spec s : specs) {
      ModelRecord r = find(read.records(), s.model());
      if (r == null) {
        out.add(failed(s, Finding.Tag.UNKNOWN_MODEL, "no model " + s.model() + " among the "
            + read.records().size() + " recorded in " + classes + "; give the model class's full"
            + " name (" + names(read.records()) + ")"));
        continue;
      }
      try {
        Artifact a = ArtifactReaders.read(s.file(), s.shown());
        out.add(ArtifactVerifier.verify(r, a));
      } catch (ArtifactException e) {
        out.add(new Verification(r.model(), s.shown(), null, -1, List.of(new Finding(
            Finding.Severity.ERROR, Finding.Tag.UNREADABLE, null, simpleName(r.model()) + ": "
                + e.getMessage()))));
      }
    }
    return new Outcome(out, read.problems());
  }

  private static Verification failed(Spec s, Finding.Tag tag, String message) {
    return new Verification(s.model(), s.shown(), null, -1,
        List.of(new Finding(Finding.Severity.ERROR, tag, null, message)));
  }

  private static String names(List<ModelRecord> records) {
    List<String> n = records.stream().map(ModelRecord::model).limit(10).toList();
    return n.isEmpty() ? "none was compiled with records on" : String.join(", ", n)
        + (records.size() > 10 ? ", ..." : "");
  }

  /** By binary name, or by simple name when one model has it. */
  static ModelRecord find(List<ModelRecord> records, String model) {
    for (ModelRecord r : records) {
      if (r.model().equals(model) || r.model().replace('$', '.').equals(model)) {
        return r;
      }
    }
    List<ModelRecord> bySimple = records.stream()
        .filter(r -> simpleName(r.model()).equals(model)).toList();
    return bySimple.size() == 1 ? bySimple.get(0) : null;
  }

  static String simpleName(String model) {
    return model.substring(Math.max(model.lastIndexOf('.'), model.lastIndexOf('$')) + 1);
  }

  /** A Markdown table of the verifications, for a CI job summary. */
  public static String markdown(Outcome o) {
    StringBuilder sb = new StringBuilder("| model | file | format | params | status |\n"
        + "| --- | --- | --- | ---: | --- |\n");
    for (Verification v : o.verifications()) {
      sb.append("| ").append(cell(v.model())).append(" | ").append(cell(v.file())).append(" | ")
          .append(v.format() == null ? "—" : v.format()).append(" | ")
          .append(v.params() < 0 ? "—" : String.format(Locale.ROOT, "%,d", v.params()))
          .append(" | ").append(v.status()).append(" |\n");
    }
    for (Verification v : o.verifications()) {
      for (Finding f : v.findings()) {
        sb.append("\n- ").append(cell(f.toString()));
      }
    }
    return sb.append('\n').toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  static final String BEGIN = "<!-- paramcheck:artifacts -->";
  static final String END = "<!-- /paramcheck:artifacts -->";

  /** The HTML section of the report page: one row per file, then each file's findings. */
  public static String html(Outcome o) {
    StringBuilder sb = new StringBuilder(BEGIN).append("\n<section id=\"artifacts\">\n")
        .append("<h2>Model files</h2>\n<table class=\"artifacts\">\n<thead><tr><th>model</th>")
        .append("<th>file</th><th>format</th><th class=\"num\">params</th><th>status</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (Verification v : o.verifications()) {
      sb.append("<tr class=\"artifact ").append(v.passed() ? "ok" : "failed").append("\"><td>")
          .append(HtmlReport.escape(v.model())).append("</td><td>")
          .append(HtmlReport.escape(v.file())).append("</td><td>")
          .append(v.format() == null ? "\u2014" : HtmlReport.escape(v.format()))
          .append("</td><td class=\"num\">")
          .append(v.params() < 0 ? "\u2014" : String.format(Locale.ROOT, "%,d", v.params()))
          .append("</td><td>").append(HtmlReport.escape(v.status())).append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
    List<Finding> all = o.verifications().stream().flatMap(v -> v.findings().stream()).toList();
    if (!all.isEmpty()) {
      sb.append("<ul class=\"artifact-findings\">\n");
      for (Finding f : all) {
        sb.append("<li>").append(HtmlReport.escape(f.toString())).append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    return sb.append("</section>\n").append(END).append('\n').toString();
  }

  /**
   * Writes {@code artifacts.md} into {@code dir}, and adds the files' status to the report that
   * the {@code report} goal (or command) wrote there, if it did: a section of {@code report.md}
   * and of {@code index.html}, replaced on the next run.
   */
  public static Path write(Outcome o, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path md = dir.resolve("artifacts.md");
    String table = markdown(o);
    Files.writeString(md, table, StandardCharsets.UTF_8);
    Path reportMd = dir.resolve("report.md");
    if (Files.isRegularFile(reportMd)) {
      String text = Files.readString(reportMd, StandardCharsets.UTF_8);
      Files.writeString(reportMd, splice(text, BEGIN + "\n\n### Model files\n\n" + table + "\n"
          + END + "\n", null), StandardCharsets.UTF_8);
    }
    Path page = dir.resolve("index.html");
    if (Files.isRegularFile(page)) {
      String text = Files.readString(page, StandardCharsets.UTF_8);
      Files.writeString(page, splice(text, html(o), "</main>"), StandardCharsets.UTF_8);
    }
    return md;
  }

  /** Replaces the section between the markers, or puts it before {@code anchor} (or at the end). */
  static String splice(String text, String section, String anchor) {
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    if (b >= 0 && e > b) {
      int after = text.indexOf('\n', e);
      return text.substring(0, b) + section + text.substring(after < 0 ? text.length() : after + 1);
    }
    int at = anchor == null ? -1 : text.lastIndexOf(anchor);
    if (at < 0) {
      return text + (text.endsWith("\n") ? "\n" : "\n\n") + section;
    }
    return text.substring(0, at) + section + text.substring(at);
  }
}
