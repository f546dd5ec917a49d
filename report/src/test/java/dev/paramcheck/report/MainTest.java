package dev.paramcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path tmp;

  private String out;
  private String err;

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  @Test
  void writesTheThreeFiles() throws Exception {
    Path classes = Fixtures.classes(tmp, Fixtures.SEED, Fixtures.SENTIMENT);
    Path outDir = tmp.resolve("out");
    assertEquals(0, run("--out", outDir.toString(), "--baseline",
        tmp.resolve("b.json").toString(), classes.toString()), err);
    for (String f : new String[] {"report.json", "report.md", "index.html"}) {
      assertTrue(Files.isRegularFile(outDir.resolve(f)), f);
    }
    assertTrue(err.contains("2 models; wrote " + outDir.resolve("index.html")), err);
    assertEquals("", out);
  }

  @Test
  void checkExitsOneNamingTheModelAndItsNumbers() throws Exception {
    Path classes = Fixtures.classes(tmp, Fixtures.SEED, Fixtures.SENTIMENT);
    Path baseline = tmp.resolve("paramcheck-baseline.json");
    assertEquals(0, run("--update-baseline", "--out", tmp.resolve("out").toString(),
        "--baseline", baseline.toString(), classes.toString()), err);
    assertTrue(err.contains("wrote the baseline " + baseline + " (2 models); commit it"), err);

    Files.writeString(baseline, Files.readString(baseline).replace("\"params\": 120", "\"params\": 100"));
    assertEquals(1, run("--check", "--max-growth", "5", "--out", tmp.resolve("out").toString(),
        "--baseline", baseline.toString(), classes.toString()));
    assertTrue(err.contains("check failed:\n  " + Fixtures.SENTIMENT + " grew by more than 5%"
        + " (maxGrowth) against paramcheck-baseline.json: params 100 -> 120 (+20.0%)"), err);

    assertEquals(0, run("--check", "--max-growth", "25%", "--out", tmp.resolve("out").toString(),
        "--baseline", baseline.toString(), classes.toString()), err);
  }

  @Test
  void newModelsFailWithFailOnNew() throws Exception {
    Path baseline = tmp.resolve("paramcheck-baseline.json");
    Files.writeString(baseline, "{\"schemaVersion\": 1, \"models\": {}}\n");
    Path classes = Fixtures.classes(tmp, Fixtures.SEED);
    String[] common = {"--out", tmp.resolve("out").toString(), "--baseline", baseline.toString(),
        classes.toString()};
    assertEquals(0, run(concat(new String[] {"--check"}, common)), err);
    assertTrue(err.contains(Fixtures.SEED + " is new (params 68, bytes 272, MACs unknown)"), err);
    assertEquals(1, run(concat(new String[] {"--check", "--fail-on-new"}, common)));
    assertTrue(err.contains(Fixtures.SEED + " is new: not in paramcheck-baseline.json"), err);
  }

  @Test
  void badInputExitsTwoWithAMessageAndNoStackTrace() throws Exception {
    Path classes = Fixtures.classes(tmp, Fixtures.SEED);
    Path bad = Fixtures.put(classes, "x.Y.json", "{oops");
    assertEquals(2, run("--out", tmp.resolve("out").toString(), classes.toString()));
    assertTrue(err.startsWith("paramcheck-report: error: " + bad + ": the record is not valid JSON"), err);
    assertFalse(err.contains("\tat "), "no stack trace");
    assertFalse(Files.exists(tmp.resolve("out")), "nothing written from bad input");

    Path classes2 = Fixtures.classes(tmp.resolve("2"), Fixtures.SEED);
    Path baseline = Files.writeString(tmp.resolve("paramcheck-baseline.json"), "nonsense");
    assertEquals(2, run("--check", "--baseline", baseline.toString(), "--out",
        tmp.resolve("out").toString(), classes2.toString()));
    assertTrue(err.startsWith("paramcheck-report: error: " + baseline
        + ": the baseline is not valid JSON"), err);
  }

  @Test
  void badUsageExitsTwo() {
    assertEquals(2, run());
    assertTrue(err.contains("give at least one class output directory or jar"), err);
    assertEquals(2, run("--frobnicate", "x"));
    assertTrue(err.contains("unknown option --frobnicate"), err);
    assertEquals(2, run("--max-growth", "lots", "x"));
    assertTrue(err.contains("--max-growth takes a percentage"), err);
    assertEquals(2, run("--max-growth", "-1", "x"));
    assertEquals(2, run("--out"));
    assertTrue(err.contains("--out needs a value"), err);
  }

  @Test
  void helpGoesToStdout() {
    assertEquals(0, run("--help"));
    assertTrue(out.startsWith("usage: java -jar paramcheck-report.jar"), out);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] r = new String[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
