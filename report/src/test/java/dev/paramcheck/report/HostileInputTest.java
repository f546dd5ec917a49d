package dev.paramcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baselines, records and command lines as people and tools really damage them: hand edits, merge
 * conflicts, truncation, huge numbers, deep nesting, a 100 MB file, bytes that are not UTF-8.
 * Nothing that is not valid is accepted, nothing crashes, and every message names the file, says
 * what is wrong in paramcheck's words (never Gson's) and how to fix it.
 */
class HostileInputTest {
  @TempDir Path tmp;

  private static final String GOOD_BASELINE = String.join("\n",
      "{",
      "  \"schemaVersion\": 1,",
      "  \"models\": {",
      "    \"com.acme.A\": {",
      "      \"params\": 120,",
      "      \"bytes\": 480,",
      "      \"macs\": null",
      "    }",
      "  }",
      "}",
      "");

  private String baselineProblem(String text) throws IOException {
    return baselineProblem(text.getBytes(StandardCharsets.UTF_8));
  }

  private String baselineProblem(byte[] bytes) throws IOException {
    Path f = Files.write(tmp.resolve("paramcheck-baseline.json"), bytes);
    ReportException e = assertThrows(ReportException.class, () -> Baseline.read(f, Caller.CLI));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(f.toString(), e.problems().get(0).file());
    String m = e.problems().get(0).message();
    assertGsonFree(m);
    return m;
  }

  private static void assertGsonFree(String m) {
    for (String gson : List.of("JsonReader", "setStrictness", "github.com", "Troubleshooting",
        "Expected name", "MalformedJson", "Exception", "$.")) {
      assertFalse(m.contains(gson), "Gson's words in: " + m);
    }
  }

  @Test
  void theGoodBaselineIsRead() throws Exception {
    Path f = Files.writeString(tmp.resolve("b.json"), GOOD_BASELINE);
    assertEquals(Optional.of(new Baseline(java.util.Map.of("com.acme.A",
        new Baseline.Entry(120, 480, null)))), Baseline.read(f, Caller.CLI));
  }

  @Test
  void aNegativeCountIsRefused() throws IOException {
    String m = baselineProblem(GOOD_BASELINE.replace("120", "-5"));
    assertEquals("the baseline cannot be used: \"models.com.acme.A.params\" must be 0 or more,"
        + " not -5; fix it, or delete it and write a new baseline with --update-baseline", m);
  }

  @Test
  void fractionalAndExponentCountsAreRefused() throws IOException {
    assertTrue(baselineProblem(GOOD_BASELINE.replace("120", "120.0")).contains(
        "\"models.com.acme.A.params\" must be a whole number, 0 or more, not 120.0"));
    assertTrue(baselineProblem(GOOD_BASELINE.replace("120", "1.5")).contains("not 1.5"));
    assertTrue(baselineProblem(GOOD_BASELINE.replace("120", "1e3")).contains("not 1e3"));
    assertTrue(baselineProblem(GOOD_BASELINE.replace("null", "2.5")).contains(
        "\"models.com.acme.A.macs\" must be a whole number, 0 or more, or null, not 2.5"));
  }

  @Test
  void everyProblemOfTheFileIsListedInOneMessage() throws IOException {
    String m = baselineProblem(GOOD_BASELINE.replace("120", "-5").replace("480", "\"480\"")
        .replace("      \"macs\": null\n", "      \"macz\": null\n").replace(",\n      \"macz",
            ",\n      \"macz"));
    assertTrue(m.contains("\"models.com.acme.A.params\" must be 0 or more, not -5; "
        + "\"models.com.acme.A.bytes\" must be a whole number, 0 or more, not the string \"480\"; "
        + "\"models.com.acme.A.macs\" is missing"), m);
  }

  @Test
  void aMissingKeyIsMissing() throws IOException {
    String m = baselineProblem(GOOD_BASELINE.replace("  \"schemaVersion\": 1,\n", ""));
    assertTrue(m.contains("\"schemaVersion\" is missing"), m);
    m = baselineProblem(GOOD_BASELINE.replace("      \"bytes\": 480,\n", ""));
    assertTrue(m.contains("\"models.com.acme.A.bytes\" is missing"), m);
  }

  @Test
  void textAfterTheJsonIsRefused() throws IOException {
    String m = baselineProblem(GOOD_BASELINE + "{\n");
    assertEquals("the baseline is not valid JSON: there is more text after the end of the JSON,"
        + " after line 10, column 2; fix it, or delete it and write a new baseline with"
        + " --update-baseline", m);
    assertTrue(baselineProblem(GOOD_BASELINE + "x").contains("more text after the end"));
    assertTrue(baselineProblem(GOOD_BASELINE + "{}").contains("more text after the end"));
  }

  @Test
  void mergeConflictMarkersAreNamed() throws IOException {
    String conflicted = GOOD_BASELINE.replace("      \"params\": 120,\n",
        "<<<<<<< HEAD\n      \"params\": 120,\n=======\n      \"params\": 130,\n>>>>>>> feature\n");
    assertEquals("the baseline has a merge-conflict marker (<<<<<<< at line 5): the file was"
        + " merged by hand and the conflict not resolved; fix it, or delete it and write a new"
        + " baseline with --update-baseline", baselineProblem(conflicted));
    // A conflict left only at the end, after a complete JSON value.
    assertTrue(baselineProblem(GOOD_BASELINE + "<<<<<<< HEAD\n").contains(
        "merge-conflict marker (<<<<<<< at line 11)"));
    assertTrue(baselineProblem(GOOD_BASELINE + "=======\n").contains("(======= at line 11)"));
  }

  @Test
  void aKeyWrittenTwiceIsRefused() throws IOException {
    String m = baselineProblem(GOOD_BASELINE.replace("\"params\": 120,",
        "\"params\": 120,\n      \"params\": 1,"));
    assertTrue(m.startsWith("the baseline has the key \"params\" twice in one object (the second"
        + " at line 6, column "), m);
  }

  @Test
  void truncationAtEveryByteIsRefusedWithoutACrash() throws IOException {
    byte[] whole = GOOD_BASELINE.getBytes(StandardCharsets.UTF_8);
    // every prefix that is not the whole JSON (the last byte is only the newline)
    for (int n = 0; n < whole.length - 1; n++) {
      byte[] cut = java.util.Arrays.copyOf(whole, n);
      String m = baselineProblem(cut);
      assertTrue(m.startsWith("the baseline is ") || m.startsWith("not a paramcheck baseline"),
          n + ": " + m);
      assertFalse(m.contains("cannot be used"), n + ": " + m);
      assertTrue(m.endsWith("write a new baseline with --update-baseline"), n + ": " + m);
    }
    assertTrue(baselineProblem(java.util.Arrays.copyOf(whole, 60)).contains(
        "the file ends before the JSON does (cut short?)"));
    assertEquals("the baseline is empty: no JSON in it; fix it, or delete it and write a new"
        + " baseline with --update-baseline", baselineProblem(""));
  }

  @Test
  void syntaxErrorsAreSaidWithLineAndColumnInParamchecksWords() throws IOException {
    assertEquals("the baseline is not valid JSON: expected a key in double quotes (a trailing"
        + " comma, or a key without quotes?) at line 8, column 6; fix it, or delete it and write"
        + " a new baseline with --update-baseline",
        baselineProblem(GOOD_BASELINE.replace("\"macs\": null", "\"macs\": null,")));
    assertTrue(baselineProblem(GOOD_BASELINE.replace("null", "nul")).contains("expected a value"));
    assertTrue(baselineProblem(GOOD_BASELINE.replace("\"params\"", "params")).contains(
        "line 5"));
    assertTrue(baselineProblem(GOOD_BASELINE.replace("120", "0120")).contains("not valid JSON"));
    assertTrue(baselineProblem(GOOD_BASELINE.replace("120", "NaN")).contains("not valid JSON"));
  }

  @Test
  void hugeNumbersAreRefusedNotWrapped() throws Exception {
    String m = baselineProblem(GOOD_BASELINE.replace("120", "9223372036854775808"));
    assertTrue(m.contains("\"models.com.acme.A.params\" is too large: 9223372036854775808 does not"
        + " fit in a long (9223372036854775807 at most)"), m);
    m = baselineProblem(GOOD_BASELINE.replace("120", "9".repeat(500)));
    assertTrue(m.contains("is too large: 99999"), m);
    assertTrue(m.length() < 400, "shortened: " + m.length());
    // a number of a million digits is no JSON number a reader takes: refused at once
    m = baselineProblem(GOOD_BASELINE.replace("120", "9".repeat(1_000_000)));
    assertTrue(m.startsWith("the baseline is not valid JSON: "), m);
    assertTrue(m.length() < 400, "shortened: " + m.length());
    Path f = Files.writeString(tmp.resolve("max.json"),
        GOOD_BASELINE.replace("120", "9223372036854775807"));
    assertEquals(Long.MAX_VALUE, Baseline.read(f, Caller.CLI).orElseThrow().models()
        .get("com.acme.A").params());
  }

  @Test
  void deepNestingIsRefusedWithoutAStackOverflow() throws IOException {
    String deep = "{\"schemaVersion\": 1, \"models\": " + "[".repeat(200_000)
        + "]".repeat(200_000) + "}";
    String m = baselineProblem(deep);
    assertTrue(m.contains("nested more than 64 deep"), m);
  }

  @Test
  void aHundredMegabyteFileIsRefusedUnread() throws IOException {
    Path f = tmp.resolve("paramcheck-baseline.json");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(100L * 1024 * 1024); // sparse: costs no disk and is never read
    }
    ReportException e = assertThrows(ReportException.class, () -> Baseline.read(f, Caller.CLI));
    assertEquals(f + ": the baseline is larger than 67108864 bytes, far more than any baseline;"
        + " fix it, or delete it and write a new baseline with --update-baseline", e.getMessage());
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() throws IOException {
    byte[] good = GOOD_BASELINE.getBytes(StandardCharsets.UTF_8);
    byte[] bad = good.clone();
    bad[30] = (byte) 0xC3; // a lead byte followed by ASCII
    String m = baselineProblem(bad);
    assertTrue(m.startsWith("the baseline is not UTF-8 text (byte 0xC3 at offset 30)"), m);
    // Latin-1 é in a model name
    byte[] latin1 = GOOD_BASELINE.replace("com.acme.A", "com.acme.Caf\u00e9")
        .getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(baselineProblem(latin1).contains("not UTF-8 text"));
  }

  @Test
  void theMavenPluginSaysItsOwnFlag() throws IOException {
    Path f = Files.writeString(tmp.resolve("b.json"), GOOD_BASELINE.replace("120", "-5"));
    ReportException e = assertThrows(ReportException.class, () -> Baseline.read(f, Caller.MAVEN));
    assertTrue(e.getMessage().endsWith("write a new baseline with -Dparamcheck.updateBaseline"),
        e.getMessage());
  }

  // ------------------------------------------------------------------ records

  private String recordProblem(String text) {
    Path classes = tmp.resolve("classes");
    Fixtures.put(classes, Fixtures.SEED + ".json", text);
    RecordReader.Result r = new RecordReader().read(List.of(classes));
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertEquals(List.of(), r.records(), "nothing of a bad record is used");
    String m = r.problems().get(0).message();
    assertGsonFree(m);
    return m;
  }

  @Test
  void aRecordWhoseTotalsDisagreeWithItsLayersIsRefused() {
    String m = recordProblem(Fixtures.edited(Fixtures.SEED,
        o -> o.getAsJsonObject("totals").addProperty("params", 1_000)));
    assertEquals("\"totals.params\" is 1000 but the layers' params make 68; "
        + RecordParser.REBUILD, m);
  }

  @Test
  void aRecordWithANegativeOrFractionalCountIsRefused() {
    String m = recordProblem(Fixtures.edited(Fixtures.SEED,
        o -> o.getAsJsonArray("layers").get(0).getAsJsonObject().addProperty("bytes", -200)));
    assertTrue(m.startsWith("\"layers[0].bytes\" must be 0 or more, not -200"), m);
    m = recordProblem(Fixtures.edited(Fixtures.SEED,
        o -> o.getAsJsonObject("totals").add("bytes", new JsonPrimitive(new BigDecimal("272.0")))));
    assertTrue(m.startsWith("\"totals.bytes\" must be a whole number, 0 or more, not 272.0"), m);
    assertTrue(m.endsWith(RecordParser.REBUILD), m);
  }

  @Test
  void aRecordsBudgetMustAddUp() {
    String m = recordProblem(Fixtures.text(Fixtures.SENSOR));
    // SENSOR under SEED's name: the file-name check; then a budget whose headroom lies
    assertTrue(m.contains("the record is for model " + Fixtures.SENSOR), m);
    Path classes = tmp.resolve("classes2");
    Fixtures.put(classes, Fixtures.SENSOR + ".json", Fixtures.edited(Fixtures.SENSOR,
        o -> o.getAsJsonArray("budgets").get(0).getAsJsonObject().addProperty("headroom", 5)));
    RecordReader.Result r = new RecordReader().read(List.of(classes));
    assertEquals(1, r.problems().size());
    assertTrue(r.problems().get(0).message().startsWith("\"budgets[0].headroom\" is 5 but"
        + " budgets[0].max - budgets[0].used make "), r.problems().toString());
  }

  @Test
  void recordsAreReadAsStrictlyAsBaselines() {
    String good = Fixtures.text(Fixtures.SEED);
    assertTrue(recordProblem(good + "{").contains("more text after the end of the JSON"));
    assertTrue(recordProblem("<<<<<<< HEAD\n" + good).contains("merge-conflict marker"));
    assertTrue(recordProblem(good.substring(0, good.length() / 2)).startsWith(
        "the record is not valid JSON: "));
    assertTrue(recordProblem(good.substring(0, good.lastIndexOf('}'))).startsWith(
        "the record is not valid JSON: the file ends before the JSON does (cut short?)"));
    assertTrue(recordProblem(good.replace("\"schemaVersion\": 1,",
        "\"schemaVersion\": 1, \"schemaVersion\": 1,")).contains(
            "has the key \"schemaVersion\" twice"));
    assertTrue(recordProblem(good.replace("\"totals\": {",
        "\"deep\": " + "[".repeat(100_000) + "]".repeat(100_000) + ", \"totals\": {"))
        .contains("nested more than 64 deep"));
    assertTrue(recordProblem(good.replace("\"params\": 68", "\"params\": "
        + "1".repeat(500_000))).startsWith("the record is not valid JSON"));
  }

  @Test
  void aHundredMegabyteRecordIsRefusedUnread() throws IOException {
    Path f = tmp.resolve("classes").resolve(RecordReader.RECORD_DIRECTORY)
        .resolve(Fixtures.SEED + ".json");
    Files.createDirectories(f.getParent());
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(100L * 1024 * 1024);
    }
    RecordReader.Result r = new RecordReader().read(List.of(tmp.resolve("classes")));
    assertEquals(List.of(new Problem(f.toString(),
        "larger than 67108864 bytes; not a paramcheck record")), r.problems());
  }

  @Test
  void aRecordThatIsNotUtf8IsRefused() {
    Path classes = tmp.resolve("classes");
    byte[] latin1 = Fixtures.text(Fixtures.SEED).replace("\"sourceFile\": \"", "\"sourceFile\": \"Caf\u00e9/")
        .getBytes(StandardCharsets.ISO_8859_1);
    Path f = Fixtures.put(classes, Fixtures.SEED + ".json", "");
    try {
      Files.write(f, latin1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    RecordReader.Result r = new RecordReader().read(List.of(classes));
    assertEquals(1, r.problems().size());
    assertTrue(r.problems().get(0).message().startsWith("the record is not UTF-8 text (byte 0xE9 at offset "),
        r.problems().toString());
  }

  // ------------------------------------------------------------------ the command line

  private String err;

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  @Test
  void badArgumentsExitTwoWithOneLineAndNoStackTrace() {
    Path classes = Fixtures.classes(tmp, Fixtures.SEED);
    String out = tmp.resolve("out").toString();
    String[][] bad = {
      {},
      {"--out"},
      {"--max-growth", "lots", classes.toString()},
      {"--max-growth", "-1", classes.toString()},
      {"--max-growth", "NaN", classes.toString()},
      {"--max-growth", "1e99999999999", classes.toString()},
      {"--frobnicate", classes.toString()},
      {"--" + "x".repeat(100_000), classes.toString()},
      {"--out", out, "\u0000"},
      {"--out", out, tmp.resolve("no-such-dir").toString()},
      {"--out", out, tmp.resolve("empty").toString()},
      {"summary"},
      {"summary", "--bogus"},
      {"summary", tmp.resolve("no-such-dir").toString()},
    };
    try {
      Files.createDirectories(tmp.resolve("empty"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (String[] args : bad) {
      assertEquals(2, run(args), String.join(" ", args) + "\n" + err);
      assertFalse(err.contains("\tat "), "no stack trace: " + err);
      assertFalse(err.contains("internal error"), err);
      assertTrue(err.length() < 2_000, "short: " + err.length());
      assertTrue(err.startsWith("paramcheck-report: "), err);
    }
  }

  @Test
  void aFolderWithNoRecordsIsAnErrorNotAnEmptyGreenReport() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("classes"));
    Path out = tmp.resolve("out");
    assertEquals(2, run("--out", out.toString(), empty.toString()));
    assertEquals("paramcheck-report: error: " + empty + ": no paramcheck records"
        + " (META-INF/paramcheck/*.json) here: give the class output directory of a build the"
        + " processor ran in (such as target/classes) or a jar built from it; the processor"
        + " writes none under -Aparamcheck.records=false\n", err);
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void aBrokenBaselineGivenToTheCliSaysTheCliFlag() throws IOException {
    Path classes = Fixtures.classes(tmp, Fixtures.SEED);
    Path b = Files.writeString(tmp.resolve("paramcheck-baseline.json"),
        GOOD_BASELINE.replace("120", "-5"));
    assertEquals(2, run("--check", "--out", tmp.resolve("out").toString(), "--baseline",
        b.toString(), classes.toString()));
    assertTrue(err.contains("write a new baseline with --update-baseline"), err);
    assertFalse(err.contains("-Dparamcheck"), err);
  }
}
