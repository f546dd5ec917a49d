package dev.paramcheck.report.artifact;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code .safetensors} file's header: 8 bytes, the header's length N as an unsigned
 * little-endian integer, then N bytes of JSON ({@code {"name": {"dtype", "shape",
 * "data_offsets"}}, "__metadata__": {...}}}, huggingface/safetensors README, "Format"). Only the
 * header is read; the tensors' bytes never are. Tensor names are a PyTorch {@code state_dict}'s
 * ({@code encoder.weight_ih_l0}), grouped into one layer per module.
 */
public final class SafetensorsReader {
  /** The safetensors README limits headers to 100 MB. */
  static final long MAX_HEADER_BYTES = 100L * 1000 * 1000;

  private static final Map<String, Integer> DTYPE_BYTES = Map.ofEntries(
      Map.entry("F64", 8), Map.entry("F32", 4), Map.entry("F16", 2), Map.entry("BF16", 2),
      Map.entry("I64", 8), Map.entry("I32", 4), Map.entry("I16", 2), Map.entry("I8", 1),
      Map.entry("U64", 8), Map.entry("U32", 4), Map.entry("U16", 2), Map.entry("U8", 1),
      Map.entry("BOOL", 1), Map.entry("F8_E4M3", 1), Map.entry("F8_E5M2", 1),
      Map.entry("E8M0", 1));

  private SafetensorsReader() {}

  public static Artifact read(Path path, String shown) throws ArtifactException {
    String json;
    long dataBytes;
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 8) {
        throw new ArtifactException(shown, "not a safetensors file: " + size
            + " bytes, shorter than the 8-byte header length");
      }
      ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, lenBuf, 0, shown);
      long n = lenBuf.getLong(0);
      if (n < 0 || n > MAX_HEADER_BYTES) {
        throw new ArtifactException(shown, "not a safetensors file: its header claims "
            + Long.toUnsignedString(n) + " bytes, more than the format's limit of 100 MB");
      }
      if (n > size - 8) {
        throw new ArtifactException(shown, "truncated or not a safetensors file: its header claims "
            + n + " bytes, the file holds " + (size - 8) + " after the length");
      }
      ByteBuffer header = ByteBuffer.allocate((int) n);
      readFully(ch, header, 8, shown);
      header.flip();
      try {
        json = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(header).toString();
      } catch (CharacterCodingException e) {
        throw new ArtifactException(shown, "not a safetensors file: its header is not UTF-8");
      }
      dataBytes = size - 8 - n;
    } catch (IOException e) {
      throw new ArtifactException(shown, "cannot be read: " + e.getMessage());
    }
    JsonObject root;
    try {
      JsonReader r = new JsonReader(new StringReader(json));
      r.setStrictness(Strictness.STRICT);
      JsonElement e = JsonParser.parseReader(r);
      if (!e.isJsonObject()) {
        throw new ArtifactException(shown, "not a safetensors file: its header is not a JSON object");
      }
      root = e.getAsJsonObject();
    } catch (JsonParseException | StackOverflowError e) {
      throw new ArtifactException(shown, "not a safetensors file: its header is not valid JSON");
    }
    String format = "";
    Map<String, List<Tensor>> byModule = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (Map.Entry<String, JsonElement> e : root.entrySet()) {
      String name = e.getKey();
      if (name.equals("__metadata__")) {
        if (e.getValue().isJsonObject() && e.getValue().getAsJsonObject().has("format")
            && e.getValue().getAsJsonObject().get("format").isJsonPrimitive()) {
          format = e.getValue().getAsJsonObject().get("format").getAsString();
        }
        continue;
      }
      Tensor t = tensor(shown, name, e.getValue(), dataBytes);
      if (t == null) {
        notes.add("tensor " + name + " (num_batches_tracked) is a counter, not a parameter");
        continue;
      }
      int dot = name.lastIndexOf('.');
      String module = dot < 0 ? "" : name.substring(0, dot);
      byModule.computeIfAbsent(module, k -> new ArrayList<>()).add(t);
    }
    List<String> modules = new ArrayList<>(byModule.keySet());
    modules.sort(SafetensorsReader::natural);
    List<ArtifactLayer> layers = new ArrayList<>();
    for (String m : modules) {
      layers.addAll(stackedLayers(m, byModule.get(m)));
    }
    String producer = format.isEmpty() ? "" : "safetensors (format " + format + ")";
    return new Artifact(shown, "SAFETENSORS", "PYTORCH", producer, layers, notes);
  }

  private static Tensor tensor(String shown, String name, JsonElement v, long dataBytes)
      throws ArtifactException {
    if (!v.isJsonObject()) {
      throw new ArtifactException(shown, "tensor " + name + ": not an object in the header");
    }
    JsonObject o = v.getAsJsonObject();
    JsonElement dt = o.get("dtype");
    JsonElement sh = o.get("shape");
    JsonElement off = o.get("data_offsets");
    if (dt == null || !dt.isJsonPrimitive() || sh == null || !sh.isJsonArray() || off == null
        || !off.isJsonArray() || off.getAsJsonArray().size() != 2) {
      throw new ArtifactException(shown, "tensor " + name
          + ": the header needs dtype, shape and two data_offsets");
    }
    String dtype = dt.getAsString();
    Integer elem = DTYPE_BYTES.get(dtype);
    List<Long> shape = new ArrayList<>();
    long count = 1;
    JsonArray dims = sh.getAsJsonArray();
    if (dims.size() > 64) {
      throw new ArtifactException(shown, "tensor " + name + " has " + dims.size()
          + " dimensions; no model has that many");
    }
    for (JsonElement d : dims) {
      long x = longOf(shown, name, d);
      shape.add(x);
      count = count < 0 ? -1 : multiply(count, x);
    }
    long begin = longOf(shown, name, off.getAsJsonArray().get(0));
    long end = longOf(shown, name, off.getAsJsonArray().get(1));
    if (begin > end || end > dataBytes) {
      throw new ArtifactException(shown, "tensor " + name + " claims bytes " + begin + " to " + end
          + ", but the file holds " + dataBytes + " bytes of data (truncated?)");
    }
    if (elem != null && (count < 0 || multiply(count, elem) != end - begin)) {
      throw new ArtifactException(shown, "tensor " + name + ": shape " + shape + " of " + dtype
          + " needs " + (count < 0 ? "more than 2^63" : String.valueOf(multiply(count, elem)))
          + " bytes, its offsets give " + (end - begin));
    }
    int dot = name.lastIndexOf('.');
    String suffix = name.substring(dot + 1);
    if (suffix.equals("num_batches_tracked")) {
      return null;
    }
    boolean buffer = suffix.equals("running_mean") || suffix.equals("running_var");
    return new Tensor(name, suffix, name, shape, precision(dtype), buffer);
  }

  private static long multiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  private static long longOf(String shown, String name, JsonElement d) throws ArtifactException {
    try {
      if (d.isJsonPrimitive() && d.getAsJsonPrimitive().isNumber()) {
        long x = d.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
        if (x >= 0) {
          return x;
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // fall through
    }
    throw new ArtifactException(shown, "tensor " + name + ": " + d
        + " is not a size (a whole number from 0)");
  }

  static String precision(String dtype) {
    return switch (dtype) {
      case "F64" -> "FLOAT64";
      case "F32" -> "FLOAT32";
      case "F16" -> "FLOAT16";
      case "BF16" -> "BFLOAT16";
      default -> dtype;
    };
  }

  private static final java.util.regex.Pattern LAYER_INDEX =
      java.util.regex.Pattern.compile("^((?:weight|bias)_(?:ih|hh|hr))_l(\\d+)(_reverse)?$");

  /**
   * A recurrent module with {@code num_layers > 1} holds one layer per index
   * ({@code weight_ih_l0}, {@code weight_ih_l1}, torch/nn/modules/rnn.py): each becomes a layer of
   * its own, named {@code encoder} and {@code encoder.l1}, its roles those of layer 0.
   */
  static List<ArtifactLayer> stackedLayers(String module, List<Tensor> tensors) {
    java.util.TreeMap<Integer, List<Tensor>> byIndex = new java.util.TreeMap<>();
    for (Tensor t : tensors) {
      java.util.regex.Matcher m = LAYER_INDEX.matcher(t.role());
      int k = 0;
      Tensor renamed = t;
      if (m.matches()) {
        k = Integer.parseInt(m.group(2));
        String role = m.group(1) + "_l0" + (m.group(3) == null ? "" : m.group(3));
        renamed = t.withRole(role, t.label());
      }
      byIndex.computeIfAbsent(k, x -> new ArrayList<>()).add(renamed);
    }
    if (byIndex.size() <= 1) {
      return List.of(layer(module, tensors));
    }
    List<ArtifactLayer> out = new ArrayList<>();
    for (Map.Entry<Integer, List<Tensor>> e : byIndex.entrySet()) {
      String name = e.getKey() == 0 ? module : module + ".l" + e.getKey();
      ArtifactLayer l = layer(module, e.getValue());
      out.add(new ArtifactLayer(name, l.kind(), l.where().replaceFirst("\\)$", ", layer "
          + e.getKey() + ")"), l.bidirectional(), l.fromClass(), true, l.tensors()));
    }
    return out;
  }

  /** A PyTorch module's tensors as one layer, its kind told by the parameter names. */
  static ArtifactLayer layer(String module, List<Tensor> tensors) {
    Set<String> roles = new java.util.HashSet<>();
    tensors.forEach(t -> roles.add(t.role()));
    String kind = "OTHER";
    String cls = "";
    boolean bidi = roles.contains("weight_ih_l0_reverse");
    Tensor hh = tensors.stream().filter(t -> t.role().equals("weight_hh_l0")).findFirst()
        .orElse(null);
    Tensor w = tensors.stream().filter(t -> t.role().equals("weight")).findFirst().orElse(null);
    if (hh != null && hh.shape().size() == 2 && hh.shape().get(1) > 0) {
      long gates = hh.shape().get(0) / hh.shape().get(1);
      kind = gates == 4 ? "LSTM" : gates == 3 ? "GRU" : gates == 1 ? "RNN" : "OTHER";
      cls = kind.equals("RNN") ? "nn.RNN" : "nn." + kind;
    } else if (roles.contains("running_mean")) {
      kind = "BATCH_NORM";
      cls = "nn.BatchNorm1d";
    } else if (w != null && w.shape().size() == 3) {
      kind = "CONV1D";
      cls = "nn.Conv1d";
    } else if (w != null && w.shape().size() == 2) {
      kind = roles.contains("bias") ? "DENSE" : "LINEAR_OR_EMBEDDING";
      cls = roles.contains("bias") ? "nn.Linear" : "nn.Linear or nn.Embedding";
    } else if (w != null && w.shape().size() == 1) {
      kind = "LAYER_NORM";
      cls = "nn.LayerNorm";
    }
    String where = module.isEmpty() ? "the top-level module" : "module '" + module + "'";
    return new ArtifactLayer(module, kind, where + (cls.isEmpty() ? "" : " (" + cls + ")"), bidi,
        cls, true, tensors);
  }

  /** Module paths in PyTorch's order for numbered children: {@code 2} before {@code 10}. */
  static int natural(String a, String b) {
    String[] x = a.split("\\.", -1);
    String[] y = b.split("\\.", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c;
      if (x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")) {
        c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      } else {
        c = x[i].compareTo(y[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos, String shown)
      throws IOException, ArtifactException {
    long p = pos;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, p);
      if (n < 0) {
        throw new ArtifactException(shown, "truncated: the file ends inside its header");
      }
      p += n;
    }
  }
}
