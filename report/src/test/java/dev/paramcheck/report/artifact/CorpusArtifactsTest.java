package dev.paramcheck.report.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.paramcheck.report.ModelRecord;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model of the layers corpus (processor/src/test/resources/corpus/layers.json, measured by
 * TensorFlow.js 4.22) and every one that PyTorch can express (torch.json, measured by
 * {@code torch.nn}): the weights those references reported, written as the file each would save
 * (a TensorFlow.js model.json with its weights manifest; a safetensors state_dict, which adds
 * BatchNorm1d's running statistics and num_batches_tracked as torch's state_dict does), verify
 * against the model's declaration; and a declaration with one attribute changed (units, inputDim,
 * kernelSize, features, useBias) fails naming that attribute. The shapes come from the references,
 * not from paramcheck; the files' layouts are the formats' specifications, which the real exports
 * in src/test/resources/artifacts pin down. Decision: docs/decisions.md, "artifact corpus".
 */
class CorpusArtifactsTest {
  @TempDir static Path tmp;

  static final Path CORPUS = Path.of("../processor/src/test/resources/corpus");
  static final Set<String> NOT_ATTRIBUTES = Set.of("type", "bidirectional", "timeDistributed");

  static JsonObject load(String name) throws IOException {
    return JsonParser.parseString(Files.readString(CORPUS.resolve(name))).getAsJsonObject();
  }

  static String cls(String id, String suffix) {
    return Character.toUpperCase(id.charAt(0)) + id.substring(1) + suffix;
  }

  static String annotations(JsonObject layer) {
    StringBuilder out = new StringBuilder();
    JsonElement bidi = layer.get("bidirectional");
    if (bidi != null && !bidi.isJsonNull()) {
      out.append("@Bidirectional(merge = Bidirectional.Merge.").append(bidi.getAsString())
          .append(") ");
    }
    JsonElement td = layer.get("timeDistributed");
    if (td != null && td.getAsBoolean()) {
      out.append("@TimeDistributed ");
    }
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, JsonElement> e : layer.entrySet()) {
      String name = e.getKey();
      if (NOT_ATTRIBUTES.contains(name) || (name.equals("features") || name.equals("timesteps"))
          && e.getValue().getAsInt() == -1) {
        continue;
      }
      String value = e.getValue().getAsString();
      if (name.equals("padding")) {
        value = "Padding." + value;
      } else if (name.equals("value")) {
        value = '"' + value + '"';
      }
      values.add(name + " = " + value);
    }
    return out.append('@').append(layer.get("type").getAsString()).append('(')
        .append(String.join(", ", values)).append(')').toString();
  }

  static String source(String name, boolean torch, JsonArray layers) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < layers.size(); i++) {
      b.append("  ").append(annotations(layers.get(i).getAsJsonObject())).append(" Object layer")
          .append(i).append(";\n");
    }
    return ArtifactModels.source(name, torch ? "@Convention(Framework.PYTORCH)\n" : "",
        b.toString().stripTrailing());
  }

  static final Set<String> WEIGHTED = Set.of("Dense", "Lstm", "Gru", "SimpleRnn", "Embedding",
      "Conv1d");

  /**
   * One attribute changed on the last layer with weights (so no later layer's assertion breaks):
   * returns the attribute and the value the file has, or null when the layer has none to change.
   */
  static String[] mutate(JsonArray layers) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      JsonObject l = layers.get(i).getAsJsonObject();
      if (!WEIGHTED.contains(l.get("type").getAsString())) {
        continue;
      }
      boolean laterFeatures = false;
      for (int k = i + 1; k < layers.size(); k++) {
        JsonElement f = layers.get(k).getAsJsonObject().get("features");
        laterFeatures |= f != null && f.getAsInt() != -1;
      }
      if (l.has("units") && !laterFeatures) {
        long u = l.get("units").getAsLong();
        l.addProperty("units", u + 1);
        return new String[] {"layer" + i, "units = " + u + ", the declaration says " + (u + 1)};
      }
      if (l.has("inputDim")) {
        long v = l.get("inputDim").getAsLong();
        l.addProperty("inputDim", v + 1);
        return new String[] {"layer" + i, "inputDim = " + v + ", the declaration says " + (v + 1)};
      }
      if (l.has("kernelSize") && l.get("kernelSize").getAsLong() > 1) {
        long v = l.get("kernelSize").getAsLong();
        l.addProperty("kernelSize", v - 1);
        return new String[] {"layer" + i, "kernelSize = " + v + ", the declaration says "
            + (v - 1)};
      }
      if (l.has("useBias")) {
        boolean b = l.get("useBias").getAsBoolean();
        l.addProperty("useBias", !b);
        return new String[] {"layer" + i, "useBias = " + !b};
      }
      return null;
    }
    return null;
  }

  // ------------------------------------------------------------------ writing files

  static String kerasClass(String type) {
    return Map.of("SimpleRnn", "SimpleRNN", "Lstm", "LSTM", "Gru", "GRU", "Conv1d", "Conv1D")
        .getOrDefault(type, type);
  }

  /** A TensorFlow.js layers model.json holding the weights tfjs reported. */
  static Path tfjs(JsonObject model) throws IOException {
    JsonArray layers = model.getAsJsonArray("layers");
    JsonArray confs = new JsonArray();
    JsonArray weights = new JsonArray();
    for (int i = 0; i < layers.size(); i++) {
      JsonObject l = layers.get(i).getAsJsonObject();
      String type = l.get("type").getAsString();
      JsonObject c = new JsonObject();
      c.addProperty("name", "layer" + i);
      c.addProperty("trainable", !l.has("trainable") || l.get("trainable").getAsBoolean());
      if (l.has("useBias")) {
        c.addProperty("use_bias", l.get("useBias").getAsBoolean());
      }
      JsonObject layer = new JsonObject();
      boolean bidi = l.has("bidirectional") && !l.get("bidirectional").isJsonNull();
      boolean td = l.has("timeDistributed") && l.get("timeDistributed").getAsBoolean();
      if (bidi || td) {
        JsonObject inner = new JsonObject();
        inner.addProperty("class_name", kerasClass(type));
        inner.add("config", c.deepCopy());
        JsonObject wc = new JsonObject();
        wc.addProperty("name", "layer" + i);
        wc.add("layer", inner);
        layer.addProperty("class_name", bidi ? "Bidirectional" : "TimeDistributed");
        layer.add("config", wc);
      } else {
        layer.addProperty("class_name", kerasClass(type));
        layer.add("config", c);
      }
      confs.add(layer);
      JsonArray ws = model.getAsJsonArray("weights").get(i).getAsJsonArray();
      for (int k = 0; k < ws.size(); k++) {
        JsonObject w = ws.get(k).getAsJsonObject();
        String dir = !bidi ? "" : k < ws.size() / 2 ? "forward_" + type.toLowerCase() + "/"
            : "backward_" + type.toLowerCase() + "/";
        JsonObject spec = new JsonObject();
        spec.addProperty("name", "layer" + i + "/" + dir + w.get("name").getAsString());
        spec.add("shape", w.get("shape"));
        spec.addProperty("dtype", "float32");
        weights.add(spec);
      }
    }
    JsonObject cfg = new JsonObject();
    cfg.addProperty("name", "sequential");
    cfg.add("layers", confs);
    JsonObject topo = new JsonObject();
    topo.addProperty("class_name", "Sequential");
    topo.add("config", cfg);
    JsonObject group = new JsonObject();
    JsonArray paths = new JsonArray();
    paths.add("group1-shard1of1.bin");
    group.add("paths", paths);
    group.add("weights", weights);
    JsonArray manifest = new JsonArray();
    manifest.add(group);
    JsonObject root = new JsonObject();
    root.addProperty("format", "layers-model");
    root.addProperty("generatedBy", "TensorFlow.js tfjs-layers v4.22.0");
    root.add("modelTopology", topo);
    root.add("weightsManifest", manifest);
    Path f = tmp.resolve(model.get("id").getAsString() + ".json");
    Files.writeString(f, new GsonBuilder().create().toJson(root), StandardCharsets.UTF_8);
    return f;
  }

  /** A safetensors state_dict of the parameters torch reported, keys sorted as the writer does. */
  static Path safetensors(String id, JsonArray layers, JsonArray outputShapes,
      JsonArray parameters) throws IOException {
    Map<String, List<Long>> tensors = new TreeMap<>();
    Map<String, String> dtypes = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      String type = layers.get(i).getAsJsonObject().get("type").getAsString();
      for (JsonElement e : parameters.get(i).getAsJsonArray()) {
        JsonObject p = e.getAsJsonObject();
        List<Long> shape = new ArrayList<>();
        p.getAsJsonArray("shape").forEach(d -> shape.add(d.getAsLong()));
        tensors.put("layer" + i + "." + p.get("name").getAsString(), shape);
      }
      if (type.equals("BatchNormalization")) {
        // torch.nn.BatchNorm1d's buffers, in its state_dict beside the parameters
        long c = Expected.lastDim(outputShapes.get(i).getAsString(), -1);
        tensors.put("layer" + i + ".running_mean", List.of(c));
        tensors.put("layer" + i + ".running_var", List.of(c));
        tensors.put("layer" + i + ".num_batches_tracked", List.of());
        dtypes.put("layer" + i + ".num_batches_tracked", "I64");
      }
    }
    JsonObject header = new JsonObject();
    long offset = 0;
    for (Map.Entry<String, List<Long>> t : tensors.entrySet()) {
      String dtype = dtypes.getOrDefault(t.getKey(), "F32");
      long n = dtype.equals("I64") ? 8 : 4;
      for (long d : t.getValue()) {
        n *= d;
      }
      JsonObject o = new JsonObject();
      o.addProperty("dtype", dtype);
      JsonArray shape = new JsonArray();
      t.getValue().forEach(shape::add);
      o.add("shape", shape);
      JsonArray offs = new JsonArray();
      offs.add(offset);
      offs.add(offset + n);
      o.add("data_offsets", offs);
      header.add(t.getKey(), o);
      offset += n;
    }
    byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
    Path f = tmp.resolve(id + ".safetensors");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
      raf.write(h);
      raf.setLength(8 + h.length + offset);
    }
    return f;
  }

  // ------------------------------------------------------------------ the tests

  record Case(String id, String model, String mutant, Path file, String[] mutation, long params) {}

  @TestFactory
  Stream<DynamicTest> everyCorpusModelsFileVerifiesAndAChangedAttributeIsNamed() throws Exception {
    JsonObject layersJson = load("layers.json");
    JsonObject torchJson = load("torch.json");
    Map<String, JsonObject> byId = new LinkedHashMap<>();
    for (JsonElement e : layersJson.getAsJsonArray("models")) {
      byId.put(e.getAsJsonObject().get("id").getAsString(), e.getAsJsonObject());
    }
    Set<String> paramcheckDecides = Set.of("l0017", "l0158", "l0018");
    Map<String, String> sources = new LinkedHashMap<>();
    Map<String, String> mutants = new LinkedHashMap<>();
    List<Case> cases = new ArrayList<>();
    for (JsonObject m : byId.values()) {
      String id = m.get("id").getAsString();
      if (!m.get("valid").getAsBoolean() || paramcheckDecides.contains(id)
          || !m.get("kerasDecides").isJsonNull()) {
        continue; // tfjs was not the reference for these
      }
      JsonArray layers = m.getAsJsonArray("layers");
      sources.put(cls(id, ""), source(cls(id, ""), false, layers));
      JsonArray changed = layers.deepCopy();
      String[] mutation = mutate(changed);
      if (mutation != null) {
        mutants.put(cls(id, "Mutant"), source(cls(id, "Mutant"), false, changed));
      }
      cases.add(new Case(id, cls(id, ""), mutation == null ? null : cls(id, "Mutant"), tfjs(m),
          mutation, m.get("totalParams").getAsLong()));
    }
    int tfjsCases = cases.size();
    for (JsonElement e : torchJson.getAsJsonArray("models")) {
      JsonObject t = e.getAsJsonObject();
      String id = t.get("id").getAsString();
      if (!t.get("corpus").getAsString().equals("layers.json")
          || !t.get("expressible").getAsBoolean() || paramcheckDecides.contains(id)) {
        continue;
      }
      JsonArray layers = byId.get(id).getAsJsonArray("layers");
      sources.put(cls(id, "Torch"), source(cls(id, "Torch"), true, layers));
      JsonArray changed = layers.deepCopy();
      String[] mutation = mutate(changed);
      if (mutation != null) {
        mutants.put(cls(id, "TorchMutant"), source(cls(id, "TorchMutant"), true, changed));
      }
      cases.add(new Case(id, cls(id, "Torch"), mutation == null ? null : cls(id, "TorchMutant"),
          safetensors(id, layers, byId.get(id).getAsJsonArray("outputShapes"),
              t.getAsJsonArray("parameters")), mutation,
          t.get("totalParams").getAsLong()));
    }
    assertTrue(tfjsCases >= 280, "tfjs models: " + tfjsCases);
    assertTrue(cases.size() - tfjsCases >= 200, "torch models: " + (cases.size() - tfjsCases));
    Path[] classes = new Path[1];
    Map<String, ModelRecord> records = ArtifactModels.compile(sources, classes);
    Map<String, ModelRecord> mutated = ArtifactModels.compile(mutants);
    Stream<DynamicTest> shapes = cases.stream().map(c -> dynamicTest(c.model()
        + ": the record's weight shapes are the verifier's", () -> {
      ModelRecord r = records.get("fixtures." + c.model());
      JsonObject json = JsonParser.parseString(Files.readString(classes[0].resolve(
          "META-INF/paramcheck/fixtures." + c.model() + ".json"))).getAsJsonObject();
      Expected.Layout layout = r.convention().equals("PYTORCH") ? Expected.Layout.TORCH
          : Expected.Layout.KERAS;
      List<Expected.Layer> expected = Expected.layers(r, layout);
      JsonArray layers = json.getAsJsonArray("layers");
      for (int i = 0; i < layers.size(); i++) {
        Map<String, List<Long>> fromVerifier = new TreeMap<>();
        for (Expected.Weight w : expected.get(i).weights()) {
          if (!w.buffer()) {
            fromVerifier.put(w.role(), w.shape());
          }
        }
        Map<String, List<Long>> fromRecord = new TreeMap<>();
        for (JsonElement e : layers.get(i).getAsJsonObject().getAsJsonArray("weights")) {
          JsonObject w = e.getAsJsonObject();
          if (!w.has("shape")) {
            continue; // a weight the flags leave out
          }
          String key = w.get("key").getAsString().toLowerCase(java.util.Locale.ROOT)
              .replaceFirst("^(forward|backward)_", "$1/");
          List<Long> shape = new ArrayList<>();
          w.getAsJsonArray("shape").forEach(d -> shape.add(d.getAsLong()));
          fromRecord.put(key, shape);
        }
        assertEquals(fromRecord, fromVerifier, c.model() + " layer" + i);
      }
    }));
    return Stream.concat(shapes, cases.stream().map(c -> dynamicTest(c.model() + " "
        + c.file().getFileName(), () -> {
      Artifact a = ArtifactReaders.read(c.file(), c.file().getFileName().toString());
      Verification v = ArtifactVerifier.verify(records.get("fixtures." + c.model()), a);
      assertEquals(List.of(), v.findings(), v.findings().toString());
      assertEquals(c.params(), v.params(), "the reference's total");
      if (c.mutant() != null) {
        Verification bad = ArtifactVerifier.verify(mutated.get("fixtures." + c.mutant()), a);
        assertFalse(bad.passed(), "a changed " + c.mutation()[1]);
        Finding first = bad.findings().get(0);
        assertEquals(c.mutation()[0], first.layer(), bad.findings().toString());
        assertTrue(first.message().contains(c.mutation()[1]), first.message());
      }
    })));
  }
}
