package dev.paramcheck.report.artifact;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * {@code import}: writes the annotated Java class for a model file, so that a team that already
 * has a model starts from its declaration. From a Keras config ({@code .keras}, {@code .h5},
 * TF.js {@code model.json}) every layer becomes its annotation; from an ONNX file exported by
 * PyTorch, every operator with weights becomes one (under {@code @Convention(Framework.PYTORCH)}),
 * and the operators without weights are listed in a comment. A layer paramcheck cannot express is
 * an {@link ArtifactException} naming it, never a silent skip.
 */
public final class ModelImporter {
  private ModelImporter() {}

  /** The class's source text. */
  public static String importModel(Path path, String shown, String className)
      throws ArtifactException {
    int dot = className.lastIndexOf('.');
    String pkg = dot < 0 ? "" : className.substring(0, dot);
    String simple = className.substring(dot + 1);
    if (!SourceVersion.isName(className) || !SourceVersion.isIdentifier(simple)) {
      throw new ArtifactException(shown, "cannot import as " + className
          + ": not a Java class name");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    String format;
    try {
      format = ArtifactReaders.formatOf(name, path, shown);
    } catch (ArtifactException e) {
      throw e;
    }
    List<String> fields;
    List<String> classAnnotations = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    String producer;
    switch (format) {
      case "KERAS", "KERAS_H5", "TFJS" -> {
        JsonObject cfg = KerasReader.modelConfig(path, shown, format);
        fields = keras(cfg, shown);
        producer = format.equals("TFJS") ? "TensorFlow.js" : "Keras";
      }
      case "ONNX" -> {
        Artifact a = ArtifactReaders.read(path, shown);
        if (!"PYTORCH".equals(a.convention())) {
          throw new ArtifactException(shown, "was made by " + (a.producer().isEmpty()
              ? "an unnamed producer" : a.producer()) + "; import reads ONNX files exported from"
              + " PyTorch (torch.onnx.export), and Keras configs (.keras, .h5, model.json)");
        }
        classAnnotations.add("@Convention(Framework.PYTORCH)");
        fields = onnx(a, shown);
        comments.add("Only the operators with weights are layers here: activations, reshapes and"
            + " pooling in the ONNX graph hold no parameters and are not declared.");
        producer = a.producer();
      }
      default -> throw new ArtifactException(shown, "import reads .keras, .h5, model.json and"
          + " ONNX files exported from PyTorch; for a safetensors state_dict, which holds no"
          + " architecture, write the class by hand and check it with verify-artifacts");
    }
    StringBuilder sb = new StringBuilder();
    if (!pkg.isEmpty()) {
      sb.append("package ").append(pkg).append(";\n\n");
    }
    sb.append("import dev.paramcheck.*;\n\n");
    sb.append("/**\n * Imported by paramcheck from ").append(fileName(shown)).append(" (")
        .append(producer.isEmpty() ? format : producer).append(").\n");
    for (String c : comments) {
      sb.append(" *\n * <p>").append(c).append('\n');
    }
    sb.append(" */\n");
    for (String a : classAnnotations) {
      sb.append(a).append('\n');
    }
    sb.append("public class ").append(simple).append(" {\n");
    for (String f : fields) {
      sb.append("  ").append(f).append('\n');
    }
    sb.append("}\n");
    return sb.toString();
  }

  private static String fileName(String shown) {
    int slash = Math.max(shown.lastIndexOf('/'), shown.lastIndexOf('\\'));
    return shown.substring(slash + 1);
  }

  // ------------------------------------------------------------------ Keras

  static List<String> keras(JsonObject model, String shown) throws ArtifactException {
    String cls = model.has("class_name") ? model.get("class_name").getAsString() : "";
    JsonElement c = model.get("config");
    JsonArray layers = c != null && c.isJsonArray() ? c.getAsJsonArray()
        : c != null && c.isJsonObject() && c.getAsJsonObject().has("layers")
            ? c.getAsJsonObject().getAsJsonArray("layers") : null;
    if (layers == null) {
      throw new ArtifactException(shown, "its config has no layers to import");
    }
    if (cls.equals("Functional") || cls.equals("Model")) {
      checkChain(layers, shown);
    }
    List<String> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    long[] input = null; // {timesteps, features}
    boolean first = true;
    for (JsonElement e : layers) {
      JsonObject l = e.getAsJsonObject();
      String kind = l.get("class_name").getAsString();
      JsonObject k = l.getAsJsonObject("config");
      if (kind.equals("InputLayer")) {
        input = inputShape(k, "batch_shape", "batch_input_shape");
        continue;
      }
      if (first && input == null) {
        input = inputShape(k, "batch_input_shape", "batch_shape");
        if (input == null && l.has("build_config")) {
          input = inputShape(l.getAsJsonObject("build_config"), "input_shape", "input_shape");
        }
      }
      String name = k.has("name") ? k.get("name").getAsString() : kind.toLowerCase(Locale.ROOT);
      String field = field(name, names);
      String annotation = annotation(kind, k, name, shown, first ? input : null);
      out.add(annotation + " Object " + field + ";");
      first = false;
    }
    return out;
  }

  /** A Functional model paramcheck's sequential declaration can say: a chain, one input. */
  private static void checkChain(JsonArray layers, String shown) throws ArtifactException {
    String previous = null;
    for (JsonElement e : layers) {
      JsonObject l = e.getAsJsonObject();
      String name = l.getAsJsonObject("config").has("name")
          ? l.getAsJsonObject("config").get("name").getAsString() : "";
      JsonElement inbound = l.get("inbound_nodes");
      String from = inbound == null ? null : firstInbound(inbound);
      if (previous != null && from != null && !from.equals(previous)) {
        throw new ArtifactException(shown, "layer '" + name + "' takes its input from '" + from
            + "', not from the layer before it; import writes models whose layers form one chain"
            + " (a branching model is declared with @Input and @From by hand)");
      }
      previous = name;
    }
  }

  private static String firstInbound(JsonElement inbound) {
    String s = inbound.toString();
    int i = s.indexOf("\"keras_history\":[\"");
    if (i >= 0) {
      int start = i + "\"keras_history\":[\"".length();
      return s.substring(start, s.indexOf('"', start));
    }
    if (s.startsWith("[[[\"")) {
      return s.substring(4, s.indexOf('"', 4));
    }
    return null;
  }

  private static long[] inputShape(JsonObject k, String key, String other) {
    JsonElement s = k.has(key) ? k.get(key) : k.get(other);
    if (s == null || !s.isJsonArray()) {
      return null;
    }
    JsonArray a = s.getAsJsonArray();
    long[] r = {-1, -1, a.size()};
    if (a.size() == 3) {
      r[0] = a.get(1).isJsonNull() ? -1 : a.get(1).getAsLong();
      r[1] = a.get(2).isJsonNull() ? -1 : a.get(2).getAsLong();
    } else if (a.size() == 2) {
      r[1] = a.get(1).isJsonNull() ? -1 : a.get(1).getAsLong();
    } else {
      return null;
    }
    return r;
  }

  static String field(String name, Set<String> taken) {
    StringBuilder b = new StringBuilder();
    for (char ch : name.toCharArray()) {
      b.append(Character.isJavaIdentifierPart(ch) ? ch : '_');
    }
    String f = b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0)) ? "layer_" + b
        : b.toString();
    if (SourceVersion.isKeyword(f)) {
      f = f + "_";
    }
    String base = f;
    for (int i = 2; !taken.add(f); i++) {
      f = base + "_" + i;
    }
    return f;
  }

  static String annotation(String kind, JsonObject k, String name, String shown, long[] input)
      throws ArtifactException {
    Map<String, String> a = new LinkedHashMap<>();
    String ann;
    switch (kind) {
      case "Bidirectional" -> {
        JsonObject inner = k.getAsJsonObject("layer");
        String merge = k.has("merge_mode") && !k.get("merge_mode").isJsonNull()
            ? k.get("merge_mode").getAsString() : "concat";
        String m = switch (merge) {
          case "concat" -> "CONCAT";
          case "sum" -> "SUM";
          case "ave" -> "AVE";
          case "mul" -> "MUL";
          default -> throw new ArtifactException(shown, "layer '" + name + "' (Bidirectional)"
              + " merges with " + merge + ", which paramcheck cannot express (concat, sum, ave,"
              + " mul)");
        };
        String in = annotation(inner.get("class_name").getAsString(),
            inner.getAsJsonObject("config"), name, shown, input);
        return (m.equals("CONCAT") ? "@Bidirectional " : "@Bidirectional(merge = Bidirectional"
            + ".Merge." + m + ") ") + in;
      }
      case "TimeDistributed" -> {
        JsonObject inner = k.getAsJsonObject("layer");
        if (!inner.get("class_name").getAsString().equals("Dense")) {
          throw new ArtifactException(shown, "layer '" + name + "' is a TimeDistributed("
              + inner.get("class_name").getAsString() + "); paramcheck's @TimeDistributed wraps"
              + " a Dense only");
        }
        return "@TimeDistributed " + annotation("Dense", inner.getAsJsonObject("config"), name,
            shown, input);
      }
      case "Dense" -> {
        ann = "Dense";
        a.put("units", num(k, "units"));
        bool(a, k, "use_bias", "useBias", true);
      }
      case "LSTM", "GRU", "SimpleRNN" -> {
        ann = kind.equals("LSTM") ? "Lstm" : kind.equals("GRU") ? "Gru" : "SimpleRnn";
        a.put("units", num(k, "units"));
        bool(a, k, "use_bias", "useBias", true);
        bool(a, k, "return_sequences", "returnSequences", false);
        if (kind.equals("GRU")) {
          bool(a, k, "reset_after", "resetAfter", true);
          if (!k.has("reset_after")) {
            a.put("resetAfter", "false"); // TF.js and Keras 1 know only the older layout
          }
        }
      }
      case "Embedding" -> {
        ann = "Embedding";
        a.put("inputDim", num(k, "input_dim"));
        a.put("outputDim", num(k, "output_dim"));
        bool(a, k, "mask_zero", "maskZero", false);
      }
      case "Conv1D" -> {
        ann = "Conv1d";
        a.put("filters", num(k, "filters"));
        a.put("kernelSize", first(k, "kernel_size"));
        String s = first(k, "strides");
        if (!s.equals("1")) {
          a.put("strides", s);
        }
        padding(a, k);
        String d = first(k, "dilation_rate");
        if (!d.equals("1")) {
          a.put("dilationRate", d);
        }
        if (k.has("groups") && k.get("groups").getAsLong() != 1) {
          a.put("groups", num(k, "groups"));
        }
        bool(a, k, "use_bias", "useBias", true);
      }
      case "MaxPooling1D", "AveragePooling1D" -> {
        ann = kind.startsWith("Max") ? "MaxPooling1d" : "AveragePooling1d";
        String p = first(k, "pool_size");
        if (!p.equals("2")) {
          a.put("poolSize", p);
        }
        if (k.has("strides") && !k.get("strides").isJsonNull()) {
          String s = first(k, "strides");
          if (!s.equals(p)) {
            a.put("strides", s);
          }
        }
        padding(a, k);
      }
      case "GlobalMaxPooling1D" -> ann = "GlobalMaxPooling1d";
      case "GlobalAveragePooling1D" -> ann = "GlobalAveragePooling1d";
      case "Flatten" -> ann = "Flatten";
      case "Dropout", "SpatialDropout1D" -> {
        ann = kind.equals("Dropout") ? "Dropout" : "SpatialDropout1d";
        a.put("rate", k.get("rate").getAsString());
      }
      case "GaussianNoise" -> {
        ann = "GaussianNoise";
        a.put("stddev", k.get("stddev").getAsString());
      }
      case "BatchNormalization", "LayerNormalization" -> {
        ann = kind;
        bool(a, k, "center", "center", true);
        bool(a, k, "scale", "scale", true);
      }
      case "RepeatVector" -> {
        ann = "RepeatVector";
        a.put("n", num(k, "n"));
      }
      case "Masking" -> {
        ann = "Masking";
        double v = k.has("mask_value") ? k.get("mask_value").getAsDouble() : 0;
        if (v != 0) {
          a.put("maskValue", String.valueOf(v));
        }
      }
      case "Activation" -> {
        ann = "Activation";
        a.put("value", "\"" + k.get("activation").getAsString() + "\"");
      }
      default -> throw new ArtifactException(shown, "layer '" + name + "' is a " + kind
          + ", which paramcheck has no annotation for; declare the model by hand, or tell us"
          + " which layer you need");
    }
    if (input != null && ann.equals("Embedding")) {
      long t = input[2] == 2 ? input[1] : input[0]; // token ids: (batch, timesteps)
      if (t > 0) {
        a.put("timesteps", String.valueOf(t));
      }
    } else if (input != null) {
      if (input[1] > 0) {
        a.put("features", String.valueOf(input[1]));
      }
      if (input[0] > 0) {
        a.put("timesteps", String.valueOf(input[0]));
      }
    }
    if (k.has("trainable") && !k.get("trainable").getAsBoolean()) {
      a.put("trainable", "false");
    }
    List<String> parts = new ArrayList<>();
    a.forEach((key, v) -> parts.add(key + " = " + v));
    return "@" + ann + (parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")");
  }

  private static String num(JsonObject k, String key) {
    return String.valueOf(k.get(key).getAsLong());
  }

  private static String first(JsonObject k, String key) {
    JsonElement e = k.get(key);
    return String.valueOf(e.isJsonArray() ? e.getAsJsonArray().get(0).getAsLong() : e.getAsLong());
  }

  private static void bool(Map<String, String> a, JsonObject k, String key, String attr,
      boolean dflt) {
    if (k.has(key) && k.get(key).isJsonPrimitive() && k.get(key).getAsBoolean() != dflt) {
      a.put(attr, String.valueOf(!dflt));
    }
  }

  private static void padding(Map<String, String> a, JsonObject k) {
    String p = k.has("padding") ? k.get("padding").getAsString() : "valid";
    if (!p.equals("valid")) {
      a.put("padding", "Padding." + p.toUpperCase(Locale.ROOT));
    }
  }

  // ------------------------------------------------------------------ ONNX

  static List<String> onnx(Artifact a, String shown) throws ArtifactException {
    List<String> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    boolean first = true;
    List<ArtifactLayer> all = a.layers();
    for (int i = 0; i < all.size(); i++) {
      ArtifactLayer l = all.get(i);
      boolean sequenceAfter = all.subList(i + 1, all.size()).stream()
          .anyMatch(x -> Set.of("LSTM", "GRU", "RNN", "CONV1D").contains(x.kind()));
      String module = l.name();
      String[] parts = module.split("/");
      String name = parts.length >= 2 ? parts[parts.length - 2] : module;
      String field = field(name.isEmpty() ? l.kind().toLowerCase(Locale.ROOT) : name, names);
      Tensor w = l.tensors().get(0);
      List<Long> s = w.shape();
      boolean bias = l.tensors().stream().anyMatch(t -> ArtifactVerifier.isBias(t.role()));
      String ann;
      switch (l.kind()) {
        case "LSTM", "GRU", "RNN" -> {
          int g = l.kind().equals("LSTM") ? 4 : l.kind().equals("GRU") ? 3 : 1;
          long units = s.get(1) / g;
          String kind = l.kind().equals("LSTM") ? "Lstm" : l.kind().equals("GRU") ? "Gru"
              : "SimpleRnn";
          ann = (l.bidirectional() ? "@Bidirectional " : "") + "@" + kind + "(units = " + units
              + (first ? ", features = " + s.get(2) : "") + (bias ? "" : ", useBias = false")
              + (sequenceAfter ? ", returnSequences = true" : "") + ")";
        }
        case "DENSE" -> {
          boolean t = w.role().equals("weight_t");
          long units = t ? s.get(1) : s.get(0);
          long features = t ? s.get(0) : s.get(1);
          ann = "@Dense(units = " + units + (first ? ", features = " + features : "")
              + (bias ? "" : ", useBias = false") + ")";
        }
        case "CONV1D" -> ann = "@Conv1d(filters = " + s.get(0) + ", kernelSize = " + s.get(2)
            + (first ? ", features = " + s.get(1) : "") + (bias ? "" : ", useBias = false") + ")";
        case "EMBEDDING" -> ann = "@Embedding(inputDim = " + s.get(0) + ", outputDim = "
            + s.get(1) + ")";
        case "BATCH_NORM" -> ann = "@BatchNormalization";
        case "LAYER_NORM" -> ann = "@LayerNormalization";
        default -> throw new ArtifactException(shown, l.where() + " has weights ("
            + w.describe() + ") of an operator paramcheck has no annotation for; declare the"
            + " model by hand");
      }
      out.add(ann + " Object " + field + ";");
      first = false;
    }
    if (out.isEmpty()) {
      throw new ArtifactException(shown, "has no operator with weights to import");
    }
    return out;
  }
}
