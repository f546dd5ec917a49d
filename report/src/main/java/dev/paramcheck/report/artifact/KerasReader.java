package dev.paramcheck.report.artifact;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Keras's files: the {@code .keras} zip ({@code config.json} and {@code model.weights.h5},
 * keras/src/saving/saving_lib.py), the legacy {@code .h5} (root attribute {@code model_config} and
 * group {@code model_weights}, keras/src/legacy/saving/legacy_h5_format.py) and TensorFlow.js's
 * layers model ({@code model.json}: the same Keras config and a weights manifest, tfjs-core
 * src/io/types.ts). The config gives the layers in order; the HDF5 part (read with jhdf, which
 * reads dimensions without reading data) or the manifest gives the shapes.
 */
final class KerasReader {
  static final long MAX_JSON_BYTES = 64L * 1024 * 1024;
  static final int MAX_ZIP_ENTRIES = 10_000;
  static final int MAX_DEPTH = 16;

  private KerasReader() {}

  /** One layer of the config, wrappers unwrapped. */
  record Conf(String className, String name, boolean trainable, JsonObject config,
      boolean bidirectional, String wrapper) {}

  /** One weight as the file has it, before roles are given. */
  record Raw(String path, List<Long> shape, String dtype) {}

  // ------------------------------------------------------------------ config only (import)

  /** The model config of a .keras, legacy .h5 or TF.js model.json file, for the importer. */
  static JsonObject modelConfig(Path path, String shown, String format) throws ArtifactException {
    switch (format) {
      case "KERAS" -> {
        try (ZipFile zip = new ZipFile(path.toFile())) {
          ZipEntry c = zip.getEntry("config.json");
          if (c == null) {
            throw new ArtifactException(shown, "is a zip without config.json; not a Keras 3"
                + " .keras file");
          }
          return parse(new String(bounded(zip, c, MAX_JSON_BYTES, shown),
              StandardCharsets.UTF_8), shown, "config.json");
        } catch (IOException e) {
          throw new ArtifactException(shown, "not a .keras file (" + e.getMessage() + ")");
        }
      }
      case "KERAS_H5" -> {
        try (HdfFile h5 = new HdfFile(path)) {
          Attribute mc = h5.getAttributes().get("model_config");
          if (mc == null) {
            throw new ArtifactException(shown, "an HDF5 file without model_config: a weights-only"
                + " file, which has no architecture to import");
          }
          return parse(string(mc.getData()), shown, "model_config");
        }
      }
      case "TFJS" -> {
        try {
          if (Files.size(path) > MAX_JSON_BYTES) {
            throw new ArtifactException(shown, "is larger than " + MAX_JSON_BYTES + " bytes");
          }
          JsonObject root = parse(Files.readString(path, StandardCharsets.UTF_8), shown,
              "model.json");
          JsonElement topo = root.get("modelTopology");
          if (topo == null || !topo.isJsonObject()) {
            throw new ArtifactException(shown, "not a TensorFlow.js layers model: no"
                + " modelTopology");
          }
          JsonObject t = topo.getAsJsonObject();
          return t.has("model_config") ? t.getAsJsonObject("model_config") : t;
        } catch (IOException e) {
          throw new ArtifactException(shown, "cannot be read: " + e.getMessage());
        }
      }
      default -> throw new ArtifactException(shown, "has no Keras config");
    }
  }

  // ------------------------------------------------------------------ .keras

  static Artifact readKeras(Path path, String shown) throws ArtifactException {
    String config;
    Path weights = null;
    try (ZipFile zip = new ZipFile(path.toFile())) {
      ZipEntry configEntry = null;
      ZipEntry weightsEntry = null;
      int n = 0;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry z = e.nextElement();
        if (++n > MAX_ZIP_ENTRIES) {
          throw new ArtifactException(shown, "has more than " + MAX_ZIP_ENTRIES + " entries;"
              + " not a Keras file");
        }
        String name = z.getName();
        if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..")) {
          throw new ArtifactException(shown, "has a zip entry that leaves the archive ("
              + name + "); refusing to read it");
        }
        if (name.equals("config.json")) {
          configEntry = z;
        } else if (name.equals("model.weights.h5")) {
          weightsEntry = z;
        }
      }
      if (configEntry == null) {
        throw new ArtifactException(shown, "is a zip without config.json; not a Keras 3 .keras"
            + " file");
      }
      if (weightsEntry == null) {
        throw new ArtifactException(shown, "has no model.weights.h5 (saved with another"
            + " weights_format?); save it with model.save(\"model.keras\")");
      }
      config = new String(bounded(zip, configEntry, MAX_JSON_BYTES, shown),
          StandardCharsets.UTF_8);
      weights = Files.createTempFile("paramcheck-weights", ".h5");
      try (InputStream in = zip.getInputStream(weightsEntry);
          OutputStream out = Files.newOutputStream(weights)) {
        in.transferTo(out);
      }
      List<Conf> confs = layers(parse(config, shown, "config.json"), shown);
      List<ArtifactLayer> layers = new ArrayList<>();
      try (HdfFile h5 = new HdfFile(weights)) {
        Map<String, Integer> seen = new HashMap<>();
        for (Conf c : confs) {
          String snake = snake(c.wrapper() != null ? c.wrapper() : c.className());
          int k = seen.merge(snake, 1, Integer::sum) - 1;
          String group = "layers/" + snake + (k == 0 ? "" : "_" + k);
          Node node = child(h5, group);
          List<Raw> raws = new ArrayList<>();
          if (node instanceof Group g) {
            collect(g, group, raws, 0);
          }
          layers.add(layer(c, raws, "layer '" + c.name() + "' (" + group + ")", true));
        }
      }
      return new Artifact(shown, "KERAS", "KERAS", version(zip), drop(layers), List.of());
    } catch (ZipException e) {
      throw new ArtifactException(shown, "not a .keras file: not a zip (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new ArtifactException(shown, "cannot be read: " + e.getMessage());
    } finally {
      if (weights != null) {
        try {
          Files.deleteIfExists(weights);
        } catch (IOException e) {
          // a temporary file
        }
      }
    }
  }

  private static String version(ZipFile zip) {
    try {
      ZipEntry m = zip.getEntry("metadata.json");
      if (m == null || m.getSize() > 1 << 16) {
        return "keras";
      }
      JsonObject o = JsonParser.parseString(new String(zip.getInputStream(m).readNBytes(1 << 16),
          StandardCharsets.UTF_8)).getAsJsonObject();
      return "keras " + o.get("keras_version").getAsString();
    } catch (IOException | RuntimeException e) {
      return "keras";
    }
  }

  private static byte[] bounded(ZipFile zip, ZipEntry e, long max, String shown)
      throws IOException, ArtifactException {
    if (e.getSize() > max) {
      throw new ArtifactException(shown, e.getName() + " is " + e.getSize() + " bytes; a config"
          + " is far smaller (limit " + max + ")");
    }
    try (InputStream in = zip.getInputStream(e)) {
      byte[] b = in.readNBytes((int) max + 1);
      if (b.length > max) {
        throw new ArtifactException(shown, e.getName() + " is larger than " + max + " bytes");
      }
      return b;
    }
  }

  /** The weights' layer groups in Keras's class order, with the layers without weights left out. */
  private static List<ArtifactLayer> drop(List<ArtifactLayer> layers) {
    return layers.stream().filter(l -> !l.tensors().isEmpty()).toList();
  }

  private static Node child(Group g, String path) {
    Node n = g;
    for (String part : path.split("/")) {
      if (!(n instanceof Group grp)) {
        return null;
      }
      n = grp.getChildren().get(part);
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  private static void collect(Group g, String path, List<Raw> out, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    List<String> names = new ArrayList<>(g.getChildren().keySet());
    names.sort(SafetensorsReader::natural);
    for (String name : names) {
      Node n = g.getChildren().get(name);
      String p = path + "/" + name;
      if (n instanceof Dataset d) {
        out.add(raw(p, d));
      } else if (n instanceof Group sub) {
        collect(sub, p, out, depth + 1);
      }
    }
  }

  private static Raw raw(String p, Dataset d) {
    List<Long> shape = new ArrayList<>();
    for (long x : d.getDimensionsAsLong()) {
      shape.add(x);
    }
    String dtype = switch (d.getDataType().getSize()) {
      case 2 -> "FLOAT16";
      case 4 -> "FLOAT32";
      case 8 -> "FLOAT64";
      default -> d.getJavaType().getSimpleName();
    };
    if (d.getDataType().getDataClass() != 1) { // 1: floating point (HDF5 datatype class)
      dtype = d.getJavaType().getSimpleName().toUpperCase(Locale.ROOT);
    }
    return new Raw(p, shape, dtype);
  }

  // ------------------------------------------------------------------ legacy .h5

  static Artifact readH5(Path path, String shown) throws ArtifactException {
    try (HdfFile h5 = new HdfFile(path)) {
      Attribute mc = h5.getAttributes().get("model_config");
      if (mc == null) {
        throw new ArtifactException(shown, "an HDF5 file without model_config: a weights-only"
            + " file (save_weights) or not a Keras model; save it with model.save(\"model.h5\")"
            + " or model.save(\"model.keras\")");
      }
      String cfg = string(mc.getData());
      String version = "";
      Attribute kv = h5.getAttributes().get("keras_version");
      if (kv != null) {
        version = "keras " + string(kv.getData());
      }
      List<Conf> confs = layers(parse(cfg, shown, "model_config"), shown);
      Node mw = h5.getChildren().get("model_weights");
      List<ArtifactLayer> layers = new ArrayList<>();
      for (Conf c : confs) {
        List<Raw> raws = new ArrayList<>();
        Node g = mw instanceof Group grp ? grp.getChildren().get(c.name()) : null;
        if (g instanceof Group lg) {
          Attribute wn = lg.getAttributes().get("weight_names");
          if (wn != null && wn.getData() instanceof Object[] arr) {
            for (Object o : arr) {
              Node d = child(lg, string(o));
              if (d instanceof Dataset ds) {
                raws.add(raw(string(o), ds));
              }
            }
          }
        }
        layers.add(layer(c, raws, "layer '" + c.name() + "' (model_weights/" + c.name() + ")",
            false));
      }
      return new Artifact(shown, "KERAS_H5", "KERAS", version, drop(layers), List.of());
    } catch (ArtifactException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ArtifactException(shown, "not an HDF5 file Keras wrote, or corrupt ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
          + e.getMessage().lines().findFirst().orElse("")) + ")");
    }
  }

  private static String string(Object o) {
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    if (o instanceof Object[] a && a.length == 1) {
      return string(a[0]);
    }
    return String.valueOf(o);
  }

  // ------------------------------------------------------------------ TensorFlow.js

  static Artifact readTfjs(Path path, String shown) throws ArtifactException {
    String text;
    try {
      if (Files.size(path) > MAX_JSON_BYTES) {
        throw new ArtifactException(shown, "is larger than " + MAX_JSON_BYTES + " bytes; a"
            + " model.json is far smaller");
      }
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ArtifactException(shown, "cannot be read as UTF-8 text: " + e.getMessage());
    }
    JsonObject root = parse(text, shown, "model.json");
    if (!root.has("modelTopology") || !root.has("weightsManifest")) {
      throw new ArtifactException(shown, "not a TensorFlow.js layers model: it needs"
          + " modelTopology and weightsManifest");
    }
    if (root.has("format") && !root.get("format").getAsString().equals("layers-model")) {
      throw new ArtifactException(shown, "a TensorFlow.js " + root.get("format").getAsString()
          + ", which has no Keras config; convert the Keras model as a layers model");
    }
    JsonObject topo = root.getAsJsonObject("modelTopology");
    JsonObject cfg = topo.has("model_config") ? topo.getAsJsonObject("model_config") : topo;
    List<Conf> confs = layers(cfg, shown);
    Map<String, List<Raw>> byLayer = new LinkedHashMap<>();
    for (JsonElement g : root.getAsJsonArray("weightsManifest")) {
      for (JsonElement w : g.getAsJsonObject().getAsJsonArray("weights")) {
        JsonObject o = w.getAsJsonObject();
        String name = o.get("name").getAsString();
        List<Long> shape = new ArrayList<>();
        for (JsonElement d : o.getAsJsonArray("shape")) {
          long x = d.getAsLong();
          if (x < 0) {
            throw new ArtifactException(shown, "weight " + name + " has a negative dimension");
          }
          shape.add(x);
        }
        String dtype = o.has("dtype") ? o.get("dtype").getAsString() : "float32";
        dtype = switch (dtype) {
          case "float32" -> "FLOAT32";
          case "float16" -> "FLOAT16";
          default -> dtype.toUpperCase(Locale.ROOT);
        };
        int slash = name.indexOf('/');
        String layer = slash < 0 ? name : name.substring(0, slash);
        byLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(new Raw(name, shape, dtype));
      }
    }
    List<ArtifactLayer> layers = new ArrayList<>();
    for (Conf c : confs) {
      List<Raw> raws = byLayer.getOrDefault(c.name(), List.of());
      layers.add(layer(c, raws, "layer '" + c.name() + "'", false));
    }
    String producer = root.has("generatedBy") ? root.get("generatedBy").getAsString() : "";
    return new Artifact(shown, "TFJS", "KERAS", producer, drop(layers), List.of());
  }

  // ------------------------------------------------------------------ the config

  static JsonObject parse(String text, String shown, String what) throws ArtifactException {
    try {
      JsonElement e = JsonParser.parseString(text);
      if (!e.isJsonObject()) {
        throw new ArtifactException(shown, what + " is not a JSON object");
      }
      return e.getAsJsonObject();
    } catch (JsonParseException | StackOverflowError e) {
      throw new ArtifactException(shown, what + " is not valid JSON");
    }
  }

  /** The model config's layers, InputLayer left out; nested models are refused by name. */
  static List<Conf> layers(JsonObject model, String shown) throws ArtifactException {
    JsonElement cfg = model.get("config");
    JsonArray layers;
    if (cfg != null && cfg.isJsonArray()) {
      layers = cfg.getAsJsonArray(); // Keras 1 and early Keras 2 Sequential
    } else if (cfg != null && cfg.isJsonObject() && cfg.getAsJsonObject().has("layers")) {
      layers = cfg.getAsJsonObject().getAsJsonArray("layers");
    } else {
      throw new ArtifactException(shown, "its config has no layers; not a Keras model config");
    }
    List<Conf> out = new ArrayList<>();
    for (JsonElement e : layers) {
      JsonObject l = e.getAsJsonObject();
      String cls = l.get("class_name").getAsString();
      JsonObject c = l.getAsJsonObject("config");
      if (cls.equals("InputLayer")) {
        continue;
      }
      String name = c.has("name") ? c.get("name").getAsString()
          : l.has("name") ? l.get("name").getAsString() : cls;
      boolean trainable = !c.has("trainable") || c.get("trainable").getAsBoolean();
      if (cls.equals("Bidirectional") || cls.equals("TimeDistributed")) {
        JsonObject inner = c.getAsJsonObject("layer");
        JsonObject ic = inner.getAsJsonObject("config");
        // Keras's trainable setter reaches the wrapped layer too; either flag freezes it
        trainable &= !ic.has("trainable") || ic.get("trainable").getAsBoolean();
        out.add(new Conf(inner.get("class_name").getAsString(), name, trainable,
            inner.getAsJsonObject("config"), cls.equals("Bidirectional"), cls));
      } else {
        out.add(new Conf(cls, name, trainable, c, false, null));
      }
    }
    return out;
  }

  /** Gives the file's weights their Keras roles, as the layer's build() creates them. */
  static ArtifactLayer layer(Conf c, List<Raw> raws, String where, boolean byIndex) {
    List<String> roles = roles(c);
    List<Tensor> ts = new ArrayList<>();
    int perDirection = roles.size();
    for (int i = 0; i < raws.size(); i++) {
      Raw r = raws.get(i);
      String role;
      if (byIndex) {
        String dir = !c.bidirectional() ? "" : r.path().contains("/backward_layer/") ? "backward/"
            : "forward/";
        int k = c.bidirectional() ? i % Math.max(1, perDirection) : i;
        role = dir + (k < roles.size() ? roles.get(k) : "var" + k);
      } else {
        String last = r.path().substring(r.path().lastIndexOf('/') + 1).replace(":0", "");
        String lower = r.path().toLowerCase(Locale.ROOT);
        String dir = !c.bidirectional() ? "" : lower.contains("backward") ? "backward/"
            : "forward/";
        role = dir + last;
      }
      boolean nonTrainable = role.endsWith("moving_mean") || role.endsWith("moving_variance");
      ts.add(new Tensor(r.path(), role, r.path(), r.shape(), r.dtype(), false));
      if (nonTrainable) {
        // Keras keeps moving statistics as non-trainable weights: parameters, not buffers.
        continue;
      }
    }
    String kind = switch (c.className()) {
      case "LSTM" -> "LSTM";
      case "GRU" -> "GRU";
      case "SimpleRNN" -> "RNN";
      case "Dense" -> "DENSE";
      case "Conv1D" -> "CONV1D";
      case "Embedding" -> "EMBEDDING";
      case "BatchNormalization" -> "BATCH_NORM";
      case "LayerNormalization" -> "LAYER_NORM";
      default -> "OTHER";
    };
    String cls = c.wrapper() == null ? c.className() : c.wrapper() + "(" + c.className() + ")";
    return new ArtifactLayer(c.name(), kind, where + " " + cls, c.bidirectional(), cls,
        c.trainable(), ts);
  }

  static List<String> roles(Conf c) {
    JsonObject k = c.config();
    boolean bias = !k.has("use_bias") || k.get("use_bias").getAsBoolean();
    List<String> r = new ArrayList<>();
    switch (c.className()) {
      case "LSTM", "GRU", "SimpleRNN" -> {
        r.add("kernel");
        r.add("recurrent_kernel");
        if (bias) {
          r.add("bias");
        }
      }
      case "Dense", "Conv1D" -> {
        r.add("kernel");
        if (bias) {
          r.add("bias");
        }
      }
      case "Embedding" -> r.add("embeddings");
      case "BatchNormalization", "LayerNormalization" -> {
        if (!k.has("scale") || k.get("scale").getAsBoolean()) {
          r.add("gamma");
        }
        if (!k.has("center") || k.get("center").getAsBoolean()) {
          r.add("beta");
        }
        if (c.className().equals("BatchNormalization")) {
          r.add("moving_mean");
          r.add("moving_variance");
        }
      }
      default -> {
        // weights keep their index: var0, var1, ...
      }
    }
    return r;
  }

  /** keras/src/utils/naming.py to_snake_case. */
  static String snake(String name) {
    String s = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    s = s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    if (s.startsWith("_")) {
      return "private" + s;
    }
    return s;
  }
}
