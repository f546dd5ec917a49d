package dev.paramcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check fails on every exceeded budget a record holds, and the report marks those rows. No
 * compilation writes a record over its budget in the default error mode, so SensorLstm's real
 * record (425 parameters and 8,329 MACs over 20 time steps, the numbers RecordReaderTest checks)
 * gets its budgets' max lowered below what it uses, with the headroom kept consistent, as a build
 * with {@code -Aparamcheck.budget=warning} writes it.
 */
class OverBudgetCheckTest {
  @TempDir Path tmp;

  /** SensorLstm with its params budget at 400 (25 over) and its MAC budget at 8,000 (329 over). */
  private Path overBudgetClasses() {
    Path classes = tmp.resolve("classes");
    Fixtures.put(classes, Fixtures.SENSOR + ".json", Fixtures.edited(Fixtures.SENSOR, o -> {
      for (var e : o.getAsJsonArray("budgets")) {
        var b = e.getAsJsonObject();
        long used = b.get("used").getAsLong();
        switch (b.get("kind").getAsString()) {
          case "PARAMS" -> b.addProperty("max", 400);
          case "MACS" -> b.addProperty("max", 8_000);
          default -> { }
        }
        b.addProperty("headroom", b.get("max").getAsLong() - used);
      }
    }));
    Fixtures.put(classes, Fixtures.SEED + ".json", Fixtures.text(Fixtures.SEED));
    return classes;
  }

  private List<ModelRecord> records(Path classes) {
    RecordReader.Result r = new RecordReader().read(List.of(classes));
    assertTrue(r.ok(), r.problems().toString());
    return r.records();
  }

  @Test
  void everyExceededBudgetIsOneFailureOfItsModel() {
    List<ModelRecord> records = records(overBudgetClasses());
    Comparison none = Comparison.of(records, Optional.empty());
    Check.Result r = Check.run(records, none, Check.Rules.defaults(), "paramcheck-baseline.json",
        Caller.CLI, false);
    assertEquals(1, r.violations().size(), r.violations().toString());
    Check.Violation v = r.violations().get(0);
    assertEquals(Fixtures.SENSOR, v.model());
    assertEquals(Check.Rule.OVER_BUDGET, v.rule());
    assertFalse(v.acceptedByNewBaseline());
    assertTrue(v.message().startsWith(Fixtures.SENSOR + " is over budget: params 425, 25 over the"
        + " budget of 400; MACs 8,329, 329 over the budget of 8,000. Make the model smaller or raise"
        + " the budget in "), v.message());
    assertEquals(List.of("no baseline yet (paramcheck-baseline.json does not exist): growth is not"
        + " checked; write one with --update-baseline and commit it"), r.notes());
  }

  @Test
  void failOnOverBudgetOffPassesAndTheRunThatWritesTheBaselineSaysNothingOfNone() {
    List<ModelRecord> records = records(overBudgetClasses());
    Comparison none = Comparison.of(records, Optional.empty());
    Check.Result r = Check.run(records, none, new Check.Rules(BigDecimal.ZERO, false, false),
        "paramcheck-baseline.json", Caller.MAVEN, true);
    assertTrue(r.passed());
    assertEquals(List.of(), r.notes(), "the run that writes the baseline does not say there is none");
  }

  @Test
  void theReportMarksTheFailingRowsInBothFiles() {
    List<ModelRecord> records = records(overBudgetClasses());
    Comparison none = Comparison.of(records, Optional.empty());
    Check.Result r = Check.run(records, none, Check.Rules.defaults(), "b.json", Caller.CLI, false);
    String md = MarkdownReport.render(records, none, r);
    assertTrue(md.contains("| \u274C **" + MarkdownReport.escape(Fixtures.SENSOR) + "** | 425 |"), md);
    assertTrue(md.contains("| " + MarkdownReport.escape(Fixtures.SEED) + " | 68 |"), md);
    assertTrue(md.contains("\u274C 1 model fails the check:\n\n- "
        + MarkdownReport.escape(Fixtures.SENSOR) + " is over budget: params 425"), md);
    String html = HtmlReport.render(records, none, r);
    assertTrue(html.contains("<tr class=\"model-row failing\" data-model=\"" + Fixtures.SENSOR + "\""), html);
    assertTrue(html.contains("<tr class=\"model-row\" data-model=\"" + Fixtures.SEED + "\""), html);
    assertTrue(html.contains("<p class=\"failed\">1 model fails the check (red rows).</p>"), html);
    assertTrue(html.contains("<span class=\"fail-text\">fails: " + Fixtures.SENSOR + " is over budget"), html);
    // without a check, nothing is marked
    assertFalse(MarkdownReport.render(records, none).contains("\u274C"));
    assertFalse(HtmlReport.render(records, none).contains("model-row failing"));
  }

  private String err;
  private String out;

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    err = e.toString(StandardCharsets.UTF_8);
    out = o.toString(StandardCharsets.UTF_8);
    return code;
  }

  @Test
  void theCliCheckFailsOnTheBudgetAndANewBaselineDoesNotAcceptIt() throws Exception {
    Path classes = overBudgetClasses();
    Path baseline = tmp.resolve("paramcheck-baseline.json");
    String outDir = tmp.resolve("out").toString();
    assertEquals(1, run("--check", "--out", outDir, "--baseline", baseline.toString(),
        classes.toString()));
    assertTrue(err.contains("paramcheck-report: check failed:\n  " + Fixtures.SENSOR
        + " is over budget: params 425, 25 over the budget of 400;"), err);
    assertEquals(1, err.split(" is over budget", -1).length - 1, "listed once: " + err);
    assertTrue(Files.readString(tmp.resolve("out/report.md")).contains("\u274C"));

    assertEquals(1, run("--check", "--update-baseline", "--out", outDir, "--baseline",
        baseline.toString(), classes.toString()), err);
    assertTrue(Files.isRegularFile(baseline), "the baseline is written all the same");
    assertFalse(err.contains("no baseline yet"), err);
    assertFalse(err.contains("accepted into the new baseline"), err);

    assertEquals(0, run("--check", "--no-fail-on-over-budget", "--out", outDir, "--baseline",
        baseline.toString(), classes.toString()), err);
  }

  @Test
  void theCliSummaryPrintsEveryTableInModelOrder() {
    Path classes = Fixtures.classes(tmp, Fixtures.SENTIMENT, Fixtures.SEED);
    assertEquals(0, run("summary", classes.toString()), err);
    assertEquals(Fixtures.json(Fixtures.SEED).get("table").getAsString() + "\n"
        + Fixtures.json(Fixtures.SENTIMENT).get("table").getAsString(), out);
    assertTrue(out.startsWith("Model: \""), out);
    assertEquals("", err);
  }
}
