package dev.paramcheck.report.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paramcheck.report.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar paramcheck-report.jar verify-artifacts ...}, as a user runs it. */
class ArtifactCommandsTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  static String file(String name) {
    return ArtifactModels.RESOURCES.resolve(name).toString();
  }

  @Test
  void aFileThatAgreesExitsZeroAndWritesTheTable() throws Exception {
    Run r = main("verify-artifacts", "--artifact", "fixtures.TaggerTorch=" + file("tagger.onnx"),
        "--artifact", "SensorTorch=" + file("sensor.safetensors"), "--out", tmp.toString(),
        ArtifactModels.classes().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("tagger.onnx (fixtures.TaggerTorch): verified"), r.err());
    String md = Files.readString(tmp.resolve("artifacts.md"));
    assertTrue(md.contains("| fixtures.SensorTorch | " + file("sensor.safetensors")
        + " | SAFETENSORS | 970 | verified |"), md);
  }

  @Test
  void aFileThatDisagreesExitsOneAndSaysWhatToChange() {
    Run r = main("verify-artifacts", "--artifact", "fixtures.TaggerTorch="
        + file("tagger-units.onnx"), ArtifactModels.classes().toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("[paramcheck:artifact-shape] TaggerTorch: layer 'encoder' (@Lstm):"
        + " tagger-units.onnx was trained with units = 12, the declaration says 16"
        + " (LSTM W [1, 48, 8]); declare @Lstm(units = 12) or retrain"), r.err());
  }

  @Test
  void aMissingFileOrModelIsOneLineEach() {
    Run r = main("verify-artifacts", "--artifact", "fixtures.TaggerTorch=" + tmp.resolve("no.onnx"),
        "--artifact", "com.acme.Nothing=" + file("tagger.onnx"),
        ArtifactModels.classes().toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("[paramcheck:artifact-unreadable] TaggerTorch: "
        + tmp.resolve("no.onnx") + ": does not exist"), r.err());
    assertTrue(r.err().contains("[paramcheck:artifact-unknown-model] no model com.acme.Nothing"),
        r.err());
    assertTrue(!r.err().contains("Exception"), r.err());
  }

  @Test
  void theReportShowsEachFilesStatusOnceAfterEveryRun() throws Exception {
    Path classes = ArtifactModels.classes();
    assertEquals(0, main("--out", tmp.toString(), "--baseline", tmp.resolve("none.json")
        .toString(), classes.toString()).code());
    for (int run = 0; run < 2; run++) {
      Run r = main("verify-artifacts", "--artifact", "fixtures.TaggerTorch=" + file("tagger.onnx"),
          "--artifact", "fixtures.Tagger=" + file("tagger-units.keras"), "--out", tmp.toString(),
          classes.toString());
      assertEquals(1, r.code(), r.err());
    }
    String md = Files.readString(tmp.resolve("report.md"));
    assertTrue(md.startsWith("## paramcheck: model sizes"), "the report's own table stays first");
    assertEquals(1, md.split("### Model files", -1).length - 1, md);
    assertTrue(md.contains("| fixtures.TaggerTorch | " + file("tagger.onnx")
        + " | ONNX | 2,532 | verified |"), md);
    assertTrue(md.contains("| fixtures.Tagger | " + file("tagger-units.keras")
        + " | KERAS | 1,860 | FAILED |"), md);
    String html = Files.readString(tmp.resolve("index.html"));
    assertEquals(1, html.split("<section id=\"artifacts\">", -1).length - 1);
    assertTrue(html.indexOf("<section id=\"artifacts\">") < html.lastIndexOf("</main>"));
    assertTrue(html.contains("<tr class=\"artifact failed\"><td>fixtures.Tagger</td>"), html);
    assertTrue(html.contains("<li>[paramcheck:artifact-shape] Tagger: layer &#39;encoder&#39;"
        + " (@Lstm): tagger-units.keras was trained with units = 12"), html);
  }

  @Test
  void badUsageExitsTwo() {
    assertEquals(2, main("verify-artifacts", ArtifactModels.classes().toString()).code());
    assertEquals(2, main("verify-artifacts", "--artifact", "x", "dir").code());
    Run help = main("verify-artifacts", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().startsWith("usage: java -jar paramcheck-report.jar verify-artifacts"));
  }
}
