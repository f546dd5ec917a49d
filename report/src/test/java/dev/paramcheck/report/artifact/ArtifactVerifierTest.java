package dev.paramcheck.report.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import dev.paramcheck.report.ModelRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files made by the real exporters (tools/corpus/artifacts/generate.py) against the declarations
 * of the same models. The counts expected are the frameworks' own, which the generator wrote to
 * models.json ({@code sum(p.numel() for p in model.parameters())}, Keras's
 * {@code model.count_params()}).
 */
class ArtifactVerifierTest {

  static JsonObject manifest() throws Exception {
    return JsonParser.parseString(Files.readString(ArtifactModels.RESOURCES.resolve("models.json")))
        .getAsJsonObject();
  }

  static String stem(String model) {
    return model.replace("Torch", "").toLowerCase(java.util.Locale.ROOT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TaggerTorch", "SensorTorch", "EchoTorch", "FoldedTorch"})
  void pytorchSafetensorsVerify(String model) throws Exception {
    Verification v = ArtifactModels.verify(model, stem(model) + ".safetensors");
    assertEquals(List.of(), v.findings(), v.findings().toString());
    assertEquals(manifest().getAsJsonObject("models").getAsJsonObject(stem(model))
        .get("torchParams").getAsLong(), v.params(), "torch's count");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TaggerTorch", "SensorTorch", "EchoTorch"})
  void pytorchOnnxVerify(String model) throws Exception {
    Verification v = ArtifactModels.verify(model, stem(model) + ".onnx");
    assertEquals(List.of(), v.findings(), v.findings().toString());
    assertEquals(manifest().getAsJsonObject("models").getAsJsonObject(stem(model))
        .get("torchParams").getAsLong(), v.params(), "torch's count");
  }

  @ParameterizedTest
  @CsvSource({"Tagger,.keras", "Sensor,.keras", "Echo,.keras", "Folded,.keras", "Tagger,.h5",
      "Sensor,.h5", "Echo,.h5", "Folded,.h5"})
  void kerasFilesVerify(String model, String ext) throws Exception {
    Verification v = ArtifactModels.verify(model, stem(model) + ext);
    assertEquals(List.of(), v.findings(), v.findings().toString());
    assertEquals(manifest().getAsJsonObject("models").getAsJsonObject(stem(model))
        .get("kerasParams").getAsLong(), v.params(), "Keras's count_params()");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Tagger|tagger-units|encoder|units = 12, the declaration says 16",
      "Tagger|tagger-vocabulary|tokens|inputDim = 120, the declaration says 100",
      "Tagger|tagger-bias|tag|the declaration says useBias = true",
      "Sensor|sensor-features|conv|features = 5, the declaration says 6",
      "Sensor|sensor-kernel|conv|kernelSize = 5, the declaration says 3",
  })
  void aChangedAttributeIsNamedInKerasFiles(String model, String file, String layer, String says)
      throws Exception {
    Verification v = ArtifactModels.verify(model, file + ".keras");
    assertFalse(v.passed(), file);
    Finding first = v.findings().get(0);
    assertEquals(layer, first.layer(), v.findings().toString());
    assertTrue(first.message().contains(says), first.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Tagger", "Echo"})
  void tensorflowJsModelsVerify(String model) throws Exception {
    Verification v = ArtifactModels.verify(model, "tfjs/" + stem(model) + ".json");
    assertEquals(List.of(), v.findings(), v.findings().toString());
    JsonObject counts = JsonParser.parseString(Files.readString(ArtifactModels.RESOURCES.resolve(
        "tfjs/counts.json"))).getAsJsonObject().getAsJsonObject("counts");
    assertEquals(counts.get(stem(model)).getAsLong(), v.params(), "tfjs's countParams()");
  }

  @org.junit.jupiter.api.Test
  void aTensorflowJsModelWithOtherUnitsSaysSo() throws Exception {
    Verification v = ArtifactModels.verify("Tagger", "tfjs/tagger-units.json");
    assertEquals("Tagger: layer 'encoder' (@Lstm): tagger-units.json was trained with units = 12,"
        + " the declaration says 16 (encoder/kernel [8, 48]); declare @Lstm(units = 12) or"
        + " retrain", v.findings().get(0).message());
  }

  @ParameterizedTest
  @CsvSource({"Tagger,tagger.onnx,declare @Convention(Framework.PYTORCH) on Tagger",
      "Tagger,tagger.safetensors,declare @Convention(Framework.PYTORCH) on Tagger",
      "TaggerTorch,tagger.keras,remove @Convention(Framework.PYTORCH) from TaggerTorch"})
  void aFileOfTheOtherConventionSaysWhichToDeclare(String model, String file, String fix)
      throws Exception {
    Verification v = ArtifactModels.verify(model, file);
    assertEquals(1, v.findings().size(), v.findings().toString());
    assertEquals(Finding.Tag.CONVENTION, v.findings().get(0).tag());
    assertTrue(v.findings().get(0).message().contains(fix), v.findings().get(0).message());
  }

  @org.junit.jupiter.api.Test
  void aBatchNormalizationTheExporterFoldedIsANoteNotAFailure() throws Exception {
    Verification v = ArtifactModels.verify("FoldedTorch", "folded.onnx");
    assertTrue(v.passed(), v.findings().toString());
    assertEquals(List.of(Finding.Tag.FOLDED),
        v.findings().stream().map(Finding::tag).toList());
    assertTrue(v.findings().get(0).message().startsWith("FoldedTorch: layer 'norm'"
        + " (@BatchNormalization) was folded into 'conv' (@Conv1d)"), v.findings().toString());
  }

  @org.junit.jupiter.api.Test
  void aLayerTheDeclarationFreezesButTheKerasFileTrainsIsNamed() throws Exception {
    ModelRecord frozen = ArtifactModels.compile(Map.of("TaggerFrozen", ArtifactModels.source(
        "TaggerFrozen", "", String.join("\n",
            "  @Embedding(inputDim = 100, outputDim = 8, trainable = false) Object tokens;",
            "  @Lstm(units = 16) Object encoder;",
            "  @Dense(units = 4) Object tag;")))).get("fixtures.TaggerFrozen");
    Verification v = ArtifactVerifier.verify(frozen, ArtifactModels.read("tagger.keras"));
    assertEquals(List.of(Finding.Tag.TRAINABLE), v.findings().stream().map(Finding::tag).toList(),
        v.findings().toString());
    assertTrue(v.findings().get(0).message().startsWith("TaggerFrozen: layer 'tokens'"
        + " (@Embedding): tagger.keras has layer 'tokens'"), v.findings().get(0).message());
    assertTrue(v.findings().get(0).message().endsWith("trainable, the declaration freezes it;"
        + " declare trainable = true on the layer, or save the model with the layer frozen"),
        v.findings().get(0).message());
  }

  @org.junit.jupiter.api.Test
  void aLayerWhoseLayoutIsNotModelledIsComparedByItsCount() throws Exception {
    String body = String.join("\n",
        "  @Input(shape = {12, 12, 1}) Object image;",
        "  @Conv2d(filters = %d, kernelSize = {3, 3}) Object conv;",
        "  @Flatten Object flat;",
        "  @Dense(units = 10) Object out;");
    Map<String, ModelRecord> r = ArtifactModels.compile(Map.of(
        "Image", ArtifactModels.source("Image", "", String.format(body, 4)),
        "ImageWide", ArtifactModels.source("ImageWide", "", String.format(body, 5))));
    Verification v = ArtifactVerifier.verify(r.get("fixtures.Image"),
        ArtifactModels.read("image.keras"));
    assertEquals(List.of(), v.findings(), v.findings().toString());
    assertEquals(manifest().getAsJsonObject("models").getAsJsonObject("image")
        .get("kerasParams").getAsLong(), v.params(), "Keras's count_params()");
    Verification wide = ArtifactVerifier.verify(r.get("fixtures.ImageWide"),
        ArtifactModels.read("image.keras"));
    assertEquals("conv", wide.findings().get(0).layer(), wide.findings().toString());
    assertTrue(wide.findings().get(0).message().startsWith("ImageWide: layer 'conv' (@Conv2d):"
        + " image.keras has 40 parameters in layer 'conv'"), wide.findings().get(0).message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"stacked.safetensors", "stacked.onnx"})
  void aTwoLayerPytorchLstmIsTwoDeclaredLayers(String file) throws Exception {
    ModelRecord r = ArtifactModels.compile(Map.of("Stacked", ArtifactModels.source("Stacked",
        "@Convention(Framework.PYTORCH)\n", String.join("\n",
            "  @Lstm(units = 16, features = 8, returnSequences = true) Object lower;",
            "  @Lstm(units = 16) Object upper;",
            "  @Dense(units = 4) Object out;")))).get("fixtures.Stacked");
    Verification v = ArtifactVerifier.verify(r, ArtifactModels.read(file));
    assertEquals(List.of(), v.findings(), v.findings().toString());
    assertEquals(manifest().getAsJsonObject("models").getAsJsonObject("stacked")
        .get("torchParams").getAsLong(), v.params(), "torch's count");
  }

  @org.junit.jupiter.api.Test
  void anotherModelsFileFailsOnEveryLayer() throws Exception {
    Verification v = ArtifactModels.verify("EchoTorch", "tagger.onnx");
    assertFalse(v.passed());
    assertEquals(Finding.Tag.KIND, v.findings().get(0).tag(), v.findings().toString());
    assertTrue(v.findings().get(0).message().contains("tagger.onnx has an embedding here"),
        v.findings().get(0).message());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "TaggerTorch|tagger-units|encoder|units = 12, the declaration says 16",
      "TaggerTorch|tagger-vocabulary|tokens|inputDim = 120, the declaration says 100",
      "TaggerTorch|tagger-bias|tag|the declaration says useBias = true",
      "SensorTorch|sensor-features|conv|features = 5, the declaration says 6",
      "SensorTorch|sensor-kernel|conv|kernelSize = 5, the declaration says 3",
  })
  void aChangedAttributeIsNamed(String model, String file, String layer, String says)
      throws Exception {
    for (String ext : List.of(".onnx", ".safetensors")) {
      Verification v = ArtifactModels.verify(model, file + ext);
      assertFalse(v.passed(), file + ext);
      Finding first = v.findings().get(0);
      assertEquals(layer, first.layer(), v.findings().toString());
      assertTrue(first.message().contains(says), first.message());
      assertTrue(first.message().startsWith(model + ": layer '" + layer + "'"), first.message());
    }
  }
}
