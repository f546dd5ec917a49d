package dev.paramcheck.report.artifact;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an ONNX model ({@code ModelProto}, onnx/onnx {@code onnx/onnx.proto}) for its weights'
 * shapes. The model, its graph and every initializer are read field by field with protobuf-java's
 * {@link CodedInputStream}, skipping tensor data ({@code raw_data} and the typed value fields), so a
 * 2 GB model costs its headers only; the graph's nodes, which are small, are parsed with ONNX's own
 * message classes ({@code ai.onnx.proto.OnnxMl}). External data is never needed: {@code dims} stays
 * in the {@code .onnx} file.
 *
 * <p>Weights are matched to layers by the operators that use them, never by their (often
 * generated) names: LSTM/GRU/RNN {@code W}, {@code R}, {@code B}; Gemm's {@code B} and {@code C};
 * MatMul's constant operand and the Add of a bias after it; Conv's {@code W} and {@code B}; Gather's
 * {@code data} (an embedding); BatchNormalization's scale, bias, mean and variance;
 * LayerNormalization's scale and bias. An Identity, Cast or Transpose between an initializer and
 * its operator is followed.
 */
public final class OnnxReader {
  /** A node larger than this (a Constant holding a big tensor) is read without its attributes. */
  static final int MAX_NODE_BYTES = 1 << 20;
  static final int MAX_DIMS = 64;

  private OnnxReader() {}

  /** One initializer: its shape and type, never its data. */
  record Init(String name, List<Long> dims, int dataType) {}

  /** One node as the layers need it. */
  record Node(String name, String opType, List<String> inputs, List<String> outputs,
      Map<String, OnnxMl.AttributeProto> attributes) {
    long intAttr(String key, long dflt) {
      OnnxMl.AttributeProto a = attributes.get(key);
      return a == null ? dflt : a.getI();
    }

    String stringAttr(String key, String dflt) {
      OnnxMl.AttributeProto a = attributes.get(key);
      return a == null ? dflt : a.getS().toStringUtf8();
    }

    String input(int i) {
      return i < inputs.size() ? inputs.get(i) : "";
    }
  }

  public static Artifact read(Path path, String shown) throws ArtifactException {
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw new ArtifactException(shown, "cannot be read: " + e.getMessage());
    }
    if (size > Integer.MAX_VALUE) {
      throw new ArtifactException(shown, "is " + size + " bytes; an ONNX file holds at most 2 GiB"
          + " (protobuf's limit), larger models keep their weights as external data");
    }
    String producer = "";
    String producerVersion = "";
    boolean sawGraph = false;
    List<Init> inits = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      CodedInputStream cis = CodedInputStream.newInstance(in);
      cis.setSizeLimit(Integer.MAX_VALUE);
      cis.pushLimit((int) size);
      while (true) {
        int tag = cis.readTag();
        if (tag == 0) {
          break;
        }
        int field = WireFormat.getTagFieldNumber(tag);
        int wire = WireFormat.getTagWireType(tag);
        if (field == 2 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          producer = cis.readStringRequireUtf8();
        } else if (field == 3 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          producerVersion = cis.readStringRequireUtf8();
        } else if (field == 7 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          int old = cis.pushLimit(length(cis, shown));
          readGraph(cis, shown, inits, nodes);
          cis.popLimit(old);
          sawGraph = true;
        } else if (!cis.skipField(tag)) {
          break;
        }
      }
    } catch (ArtifactException e) {
      throw e;
    } catch (IOException e) {
      throw new ArtifactException(shown, "not an ONNX model, or truncated or corrupt ("
          + e.getMessage() + ")");
    } catch (RuntimeException e) {
      throw new ArtifactException(shown, "not an ONNX model, or corrupt (" + e + ")");
    }
    if (!sawGraph) {
      throw new ArtifactException(shown, "not an ONNX model: it has no graph");
    }
    String convention = conventionOf(producer);
    String prod = (producer + " " + producerVersion).trim();
    List<String> notes = new ArrayList<>();
    List<ArtifactLayer> layers = layers(inits, nodes, notes);
    return new Artifact(shown, "ONNX", convention, prod, layers, notes);
  }

  static String conventionOf(String producer) {
    String p = producer.toLowerCase(Locale.ROOT);
    if (p.equals("pytorch") || p.startsWith("torch")) {
      return "PYTORCH";
    }
    if (p.contains("tf2onnx") || p.contains("keras")) {
      return "KERAS";
    }
    return null;
  }

  private static int length(CodedInputStream cis, String shown) throws IOException,
      ArtifactException {
    int n = cis.readRawVarint32();
    if (n < 0 || n > cis.getBytesUntilLimit()) {
      throw new ArtifactException(shown, "truncated or corrupt: a field claims "
          + Integer.toUnsignedString(n) + " bytes where " + cis.getBytesUntilLimit() + " remain");
    }
    return n;
  }

  private static void readGraph(CodedInputStream cis, String shown, List<Init> inits,
      List<Node> nodes) throws IOException, ArtifactException {
    while (true) {
      int tag = cis.readTag();
      if (tag == 0) {
        return;
      }
      int field = WireFormat.getTagFieldNumber(tag);
      int wire = WireFormat.getTagWireType(tag);
      if (field == 1 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        int n = length(cis, shown);
        int old = cis.pushLimit(n);
        nodes.add(n <= MAX_NODE_BYTES ? parsedNode(cis) : bareNode(cis, shown));
        cis.popLimit(old);
      } else if (field == 5 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        int old = cis.pushLimit(length(cis, shown));
        inits.add(readTensor(cis, shown));
        cis.popLimit(old);
      } else if (!cis.skipField(tag)) {
        return;
      }
    }
  }

  private static Node parsedNode(CodedInputStream cis) throws IOException {
    OnnxMl.NodeProto.Builder b = OnnxMl.NodeProto.newBuilder();
    b.mergeFrom(cis);
    OnnxMl.NodeProto p = b.build();
    Map<String, OnnxMl.AttributeProto> attrs = new HashMap<>();
    for (OnnxMl.AttributeProto a : p.getAttributeList()) {
      attrs.put(a.getName(), a);
    }
    return new Node(p.getName(), p.getOpType(), List.copyOf(p.getInputList()),
        List.copyOf(p.getOutputList()), attrs);
  }

  /** A node too large to parse whole: its names and operator, its attributes skipped. */
  private static Node bareNode(CodedInputStream cis, String shown) throws IOException,
      ArtifactException {
    List<String> in = new ArrayList<>();
    List<String> out = new ArrayList<>();
    String name = "";
    String op = "";
    while (true) {
      int tag = cis.readTag();
      if (tag == 0) {
        break;
      }
      int field = WireFormat.getTagFieldNumber(tag);
      boolean delimited = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
      if (delimited && field >= 1 && field <= 4) {
        String s = cis.readStringRequireUtf8();
        switch (field) {
          case 1 -> in.add(s);
          case 2 -> out.add(s);
          case 3 -> name = s;
          default -> op = s;
        }
      } else if (!cis.skipField(tag)) {
        break;
      }
    }
    return new Node(name, op, in, out, Map.of());
  }

  private static Init readTensor(CodedInputStream cis, String shown) throws IOException,
      ArtifactException {
    List<Long> dims = new ArrayList<>();
    int dataType = 0;
    String name = "";
    while (true) {
      int tag = cis.readTag();
      if (tag == 0) {
        break;
      }
      int field = WireFormat.getTagFieldNumber(tag);
      int wire = WireFormat.getTagWireType(tag);
      if (field == 1 && wire == WireFormat.WIRETYPE_VARINT) {
        dims.add(cis.readInt64());
      } else if (field == 1 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        int old = cis.pushLimit(length(cis, shown));
        while (cis.getBytesUntilLimit() > 0) {
          dims.add(cis.readInt64());
          if (dims.size() > MAX_DIMS) {
            break;
          }
        }
        cis.popLimit(old);
      } else if (field == 2 && wire == WireFormat.WIRETYPE_VARINT) {
        dataType = cis.readInt32();
      } else if (field == 8 && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        name = cis.readStringRequireUtf8();
      } else if (!cis.skipField(tag)) {
        break;
      }
      if (dims.size() > MAX_DIMS) {
        throw new ArtifactException(shown, "initializer " + name + " has more than " + MAX_DIMS
            + " dimensions; the file is corrupt");
      }
    }
    for (long d : dims) {
      if (d < 0) {
        throw new ArtifactException(shown, "initializer " + name + " has a negative dimension "
            + dims + "; the file is corrupt");
      }
    }
    return new Init(name, dims, dataType);
  }

  static String dtype(int dataType) {
    OnnxMl.TensorProto.DataType t = OnnxMl.TensorProto.DataType.forNumber(dataType);
    if (t == null) {
      return "data_type " + dataType;
    }
    return switch (t) {
      case FLOAT -> "FLOAT32";
      case DOUBLE -> "FLOAT64";
      case FLOAT16 -> "FLOAT16";
      case BFLOAT16 -> "BFLOAT16";
      default -> t.name();
    };
  }

  // ---------------------------------------------------------------- operators to layers

  /** The weight-bearing operators, in graph order, each with the initializers it uses. */
  static List<ArtifactLayer> layers(List<Init> inits, List<Node> nodes, List<String> notes) {
    Map<String, Init> byName = new HashMap<>();
    for (Init i : inits) {
      byName.putIfAbsent(i.name(), i);
    }
    Map<String, Node> producers = new HashMap<>();
    Map<String, List<Node>> consumers = new HashMap<>();
    for (Node n : nodes) {
      n.outputs().forEach(o -> producers.put(o, n));
      n.inputs().forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n));
    }
    Resolver r = new Resolver(byName, producers);
    Set<Node> used = new HashSet<>();
    List<ArtifactLayer> layers = new ArrayList<>();
    for (Node n : nodes) {
      if (used.contains(n)) {
        continue;
      }
      String op = n.opType();
      String where = "ONNX " + op + " node" + (n.name().isEmpty() ? "" : " '" + n.name() + "'");
      List<Tensor> ts = new ArrayList<>();
      String kind = null;
      boolean bidi = false;
      String cls = op;
      switch (op) {
        case "LSTM", "GRU", "RNN" -> {
          Tensor w = r.tensor(n.input(1), "W", op + " W", false);
          if (w == null) {
            continue;
          }
          ts.add(w);
          add(ts, r.tensor(n.input(2), "R", op + " R", false));
          add(ts, r.tensor(n.input(3), "B", op + " B", false));
          kind = op;
          bidi = n.stringAttr("direction", "forward").equals("bidirectional")
              || (!w.shape().isEmpty() && w.shape().get(0) == 2);
          if (op.equals("GRU")) {
            cls = "GRU linear_before_reset=" + n.intAttr("linear_before_reset", 0);
          }
        }
        case "Gemm" -> {
          boolean transB = n.intAttr("transB", 0) != 0;
          Tensor w = r.tensor(n.input(1), transB ? "weight" : "weight_t", "Gemm B", false);
          if (w == null) {
            continue;
          }
          ts.add(w);
          add(ts, r.tensor(n.input(2), "bias", "Gemm C", false));
          kind = "DENSE";
        }
        case "MatMul" -> {
          Tensor w = r.tensor(n.input(1), "weight_t", "MatMul B", false);
          if (w == null) {
            continue;
          }
          ts.add(w);
          kind = "DENSE";
          List<Node> after = consumers.getOrDefault(n.outputs().isEmpty() ? "" : n.outputs().get(0),
              List.of());
          if (after.size() == 1 && after.get(0).opType().equals("Add")) {
            Node add = after.get(0);
            String other = add.input(0).equals(n.outputs().get(0)) ? add.input(1) : add.input(0);
            Tensor b = r.tensor(other, "bias", "Add B", false);
            if (b != null && b.shape().size() == 1) {
              ts.add(b);
              used.add(add);
            }
          }
        }
        case "Conv" -> {
          Tensor w = r.tensor(n.input(1), "weight", "Conv W", false);
          if (w == null) {
            continue;
          }
          ts.add(w);
          add(ts, r.tensor(n.input(2), "bias", "Conv B", false));
          kind = w.shape().size() == 3 ? "CONV1D" : "OTHER";
        }
        case "Gather" -> {
          Tensor w = r.tensor(n.input(0), "weight", "Gather data", false);
          if (w == null || w.shape().size() != 2) {
            continue;
          }
          ts.add(w);
          kind = "EMBEDDING";
        }
        case "BatchNormalization", "LayerNormalization" -> {
          // the two differ only in BatchNormalization's running statistics (inputs 3 and 4)
          boolean batch = op.equals("BatchNormalization");
          Tensor s = r.tensor(n.input(1), "weight", op + (batch ? " scale" : " Scale"), false);
          if (s == null) {
            continue;
          }
          ts.add(s);
          add(ts, r.tensor(n.input(2), "bias", op + " B", false));
          if (batch) {
            add(ts, r.tensor(n.input(3), "running_mean", op + " input_mean", true));
            add(ts, r.tensor(n.input(4), "running_var", op + " input_var", true));
          }
          kind = batch ? "BATCH_NORM" : "LAYER_NORM";
        }
        default -> {
          continue;
        }
      }
      layers.add(new ArtifactLayer(n.name().isEmpty() ? op : n.name(), kind, where, bidi, cls,
          true, ts));
    }
    return layers;
  }

  private static void add(List<Tensor> ts, Tensor t) {
    if (t != null) {
      ts.add(t);
    }
  }

  /** Finds the initializer behind an operator's input, through Identity, Cast and Transpose. */
  private record Resolver(Map<String, Init> inits, Map<String, Node> producers) {
    Tensor tensor(String input, String role, String label, boolean buffer) {
      if (input == null || input.isEmpty()) {
        return null;
      }
      String name = input;
      List<Long> perm = null;
      for (int hop = 0; hop < 8; hop++) {
        Init i = inits.get(name);
        if (i != null) {
          List<Long> shape = i.dims();
          if (perm != null && perm.size() == shape.size()) {
            List<Long> p = new ArrayList<>();
            for (long k : perm) {
              if (k < 0 || k >= shape.size()) {
                return null;
              }
              p.add(shape.get((int) k));
            }
            shape = p;
          } else if (perm != null && perm.isEmpty()) {
            List<Long> p = new ArrayList<>(shape);
            java.util.Collections.reverse(p);
            shape = p;
          }
          return new Tensor(i.name(), role, label, shape, dtype(i.dataType()), buffer);
        }
        Node p = producers.get(name);
        if (p == null || p.inputs().isEmpty()) {
          return null;
        }
        switch (p.opType()) {
          case "Identity", "Cast" -> name = p.input(0);
          case "Transpose" -> {
            if (perm != null) {
              return null;
            }
            OnnxMl.AttributeProto a = p.attributes().get("perm");
            perm = a == null ? List.of() : a.getIntsList();
            name = p.input(0);
          }
          default -> {
            return null;
          }
        }
      }
      return null;
    }
  }
}
