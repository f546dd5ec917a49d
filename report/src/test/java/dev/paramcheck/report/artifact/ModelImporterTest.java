package dev.paramcheck.report.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.paramcheck.report.ModelRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imported declarations compile (through the processor) to the file's own counts, the ones its
 * framework reported (models.json, tfjs/counts.json), and verify against the file they came from.
 */
class ModelImporterTest {
  @TempDir Path tmp;

  static final List<String> FILES = List.of("tagger.keras", "sensor.keras", "echo.keras",
      "folded.keras", "tagger.h5", "sensor.h5", "echo.h5", "folded.h5", "tfjs/tagger.json",
      "tfjs/echo.json", "tagger.onnx", "sensor.onnx", "echo.onnx", "folded.onnx");

  static String className(String file) {
    String stem = file.replace("tfjs/", "Tfjs_").replaceAll("\\.", "_");
    return "Imported_" + stem;
  }

  static long expected(String file) throws Exception {
    Path r = ArtifactModels.RESOURCES;
    if (file.startsWith("tfjs/")) {
      JsonObject c = JsonParser.parseString(Files.readString(r.resolve("tfjs/counts.json")))
          .getAsJsonObject().getAsJsonObject("counts");
      return c.get(file.substring(5, file.indexOf('.'))).getAsLong();
    }
    JsonObject m = JsonParser.parseString(Files.readString(r.resolve("models.json")))
        .getAsJsonObject().getAsJsonObject("models")
        .getAsJsonObject(file.substring(0, file.indexOf('.')));
    if (file.equals("folded.onnx")) {
      // the exporter folded the BatchNormalization into the Conv: the Conv (8*4*3, no bias)
      // gains a bias of 8 and the BatchNormalization's 16 parameters are gone
      return m.get("torchParams").getAsLong() - 16 + 8;
    }
    return m.get(file.endsWith(".onnx") ? "torchParams" : "kerasParams").getAsLong();
  }

  @Test
  void importedDeclarationsCompileToTheFilesCounts() throws Exception {
    Map<String, String> sources = new LinkedHashMap<>();
    for (String f : FILES) {
      String src = ModelImporter.importModel(ArtifactModels.RESOURCES.resolve(f), f,
          "fixtures." + className(f));
      sources.put(className(f), src);
    }
    Map<String, ModelRecord> records = ArtifactModels.compile(sources);
    for (String f : FILES) {
      ModelRecord r = records.get("fixtures." + className(f));
      assertEquals(expected(f), r.totals().params(), f + ":\n" + sources.get(className(f)));
      Verification v = ArtifactVerifier.verify(r, ArtifactModels.read(f));
      assertTrue(v.passed(), f + ": " + v.findings() + "\n" + sources.get(className(f)));
    }
  }

  @Test
  void aKerasImportReadsAsAPersonWouldWriteIt() throws Exception {
    assertEquals(String.join("\n",
        "package com.acme;",
        "",
        "import dev.paramcheck.*;",
        "",
        "/**",
        " * Imported by paramcheck from tagger.keras (Keras).",
        " */",
        "public class Tagger {",
        "  @Embedding(inputDim = 100, outputDim = 8, timesteps = 7) Object tokens;",
        "  @Lstm(units = 16) Object encoder;",
        "  @Dense(units = 4) Object tag;",
        "}",
        ""), ModelImporter.importModel(ArtifactModels.RESOURCES.resolve("tagger.keras"),
            "tagger.keras", "com.acme.Tagger"));
  }

  @Test
  void aLayerWithoutAnAnnotationIsNamed() throws Exception {
    String cfg = "{\"class_name\":\"Sequential\",\"config\":{\"layers\":["
        + "{\"class_name\":\"InputLayer\",\"config\":{\"batch_shape\":[null,7,3]}},"
        + "{\"class_name\":\"Conv3D\",\"config\":{\"name\":\"volume\"}}]}}";
    Path f = tmp.resolve("model.json");
    Files.writeString(f, "{\"format\":\"layers-model\",\"modelTopology\":" + cfg
        + ",\"weightsManifest\":[]}", StandardCharsets.UTF_8);
    try {
      ModelImporter.importModel(f, "model.json", "a.B");
      fail();
    } catch (ArtifactException e) {
      assertEquals("model.json: layer 'volume' is a Conv3D, which paramcheck has no annotation"
          + " for; declare the model by hand, or tell us which layer you need", e.getMessage());
    }
  }

  @Test
  void theCommandWritesTheClassUnderTheSourceRoot() throws Exception {
    ArtifactCommandsTest.Run r = ArtifactCommandsTest.main("import",
        ArtifactModels.RESOURCES.resolve("tagger.onnx").toString(), "--class", "com.acme.Tagger",
        "--out", tmp.toString());
    assertEquals(0, r.code(), r.err());
    String src = Files.readString(tmp.resolve("com/acme/Tagger.java"));
    assertTrue(src.contains("@Convention(Framework.PYTORCH)\npublic class Tagger {\n"
        + "  @Embedding(inputDim = 100, outputDim = 8) Object tokens;\n"
        + "  @Lstm(units = 16) Object encoder;\n"
        + "  @Dense(units = 4) Object tag;\n"), src);
    assertEquals(2, ArtifactCommandsTest.main("import", "x.onnx").code());
  }
}
