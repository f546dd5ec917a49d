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
  void badUsageExitsTwo() {
    assertEquals(2, main("verify-artifacts", ArtifactModels.classes().toString()).code());
    assertEquals(2, main("verify-artifacts", "--artifact", "x", "dir").code());
    Run help = main("verify-artifacts", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().startsWith("usage: java -jar paramcheck-report.jar verify-artifacts"));
  }
}
