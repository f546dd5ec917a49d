package dev.paramcheck.report.artifact;

import dev.paramcheck.report.ModelRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tensors a declared layer has in a file of a given layout, each dimension tied to the
 * attribute it comes from, so that a different dimension names the attribute to change. The
 * layouts are the exporters' (docs/artifacts.md has the sources): Keras keeps kernels
 * {@code [in, out]}, PyTorch's state_dict {@code [out, in]} with two recurrent biases, ONNX's
 * recurrent operators {@code [directions, gates * units, in]}.
 */
final class Expected {
  private Expected() {}

  /** The file layouts. */
  enum Layout { KERAS, TORCH, ONNX }

  /**
   * One dimension: {@code value = attributeValue * num / den}; {@code attribute} is null for a
   * constant.
   */
  record Dim(long value, String attribute, long num, long den) {
    static Dim of(String attribute, long attributeValue) {
      return new Dim(attributeValue, attribute, 1, 1);
    }

    static Dim times(String attribute, long attributeValue, long factor) {
      return new Dim(attributeValue * factor, attribute, factor, 1);
    }

    /** The attribute value a file's dimension means, or -1 when it cannot be one. */
    long attributeFor(long fileDim) {
      long x = fileDim * den;
      return x % num == 0 ? x / num : -1;
    }
  }

  /** One expected tensor. */
  record Weight(String role, List<Dim> dims, boolean buffer, boolean nonTrainable) {
    List<Long> shape() {
      return dims.stream().map(Dim::value).toList();
    }
  }

  /** A declared layer as the verification needs it. */
  record Layer(ModelRecord.Layer record, int index, long inFeatures, boolean featuresWritten,
      List<Weight> weights) {
    String annotation() {
      return record.annotation();
    }

    /**
     * A layer with weights whose file layout paramcheck does not model (Conv2d, ...): it is
     * paired like any other and compared by its count.
     */
    boolean opaque() {
      return weights.isEmpty() && record.params() > 0;
    }

    /** Keras's records name the wrapper; PyTorch's keep LSTM and name the weights _REVERSE. */
    boolean bidirectional() {
      return record.kerasClass().equals("Bidirectional") || record.weights().stream()
          .anyMatch(w -> w.key().endsWith("_REVERSE") || w.key().startsWith("BACKWARD_"));
    }

    long attr(String key, long dflt) {
      Object v = record.attributes().get(key);
      return v instanceof Number n ? n.longValue() : dflt;
    }

    boolean flag(String key, boolean dflt) {
      Object v = record.attributes().get(key);
      return v instanceof Boolean b ? b : dflt;
    }
  }

  /** The layers of a record with what each holds in the layout. */
  static List<Layer> layers(ModelRecord r, Layout layout) {
    List<Layer> out = new ArrayList<>();
    long features = r.input() == null || r.input().features() == null ? -1
        : r.input().features();
    for (int i = 0; i < r.layers().size(); i++) {
      ModelRecord.Layer l = r.layers().get(i);
      Object fw = l.attributes().get("features");
      boolean written = fw instanceof Number n && n.longValue() > 0;
      long in = written ? ((Number) fw).longValue() : features;
      Layer shell = new Layer(l, i, in, written, List.of());
      out.add(new Layer(l, i, in, written, weights(shell, layout)));
      features = lastDim(l.outputShape(), in);
    }
    return out;
  }

  static long lastDim(String shape, long dflt) {
    String s = shape.replace("(", "").replace(")", "").trim();
    int comma = s.lastIndexOf(',');
    String last = (comma < 0 ? s : s.substring(comma + 1)).trim();
    try {
      return Long.parseLong(last);
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  private static List<Weight> weights(Layer l, Layout layout) {
    List<Weight> w = new ArrayList<>();
    long f = l.inFeatures();
    String fa = "features";
    boolean bias = l.flag("useBias", true);
    switch (l.annotation()) {
      case "SimpleRnn", "Lstm", "Gru" -> {
        int g = switch (l.annotation()) {
          case "Lstm" -> 4;
          case "Gru" -> 3;
          default -> 1;
        };
        long u = l.attr("units", 0);
        boolean resetAfter = l.flag("resetAfter", true);
        boolean bidi = l.bidirectional();
        switch (layout) {
          case KERAS -> {
            for (String dir : bidi ? List.of("forward/", "backward/") : List.of("")) {
              w.add(new Weight(dir + "kernel", List.of(Dim.of(fa, f), Dim.times("units", u, g)),
                  false, false));
              w.add(new Weight(dir + "recurrent_kernel",
                  List.of(Dim.of("units", u), Dim.times("units", u, g)), false, false));
              if (bias) {
                w.add(new Weight(dir + "bias", g == 3 && resetAfter
                    ? List.of(new Dim(2, null, 1, 1), Dim.times("units", u, g))
                    : List.of(Dim.times("units", u, g)), false, false));
              }
            }
          }
          case TORCH -> {
            for (String sfx : bidi ? List.of("", "_reverse") : List.of("")) {
              w.add(new Weight("weight_ih_l0" + sfx, List.of(Dim.times("units", u, g),
                  Dim.of(fa, f)), false, false));
              w.add(new Weight("weight_hh_l0" + sfx, List.of(Dim.times("units", u, g),
                  Dim.of("units", u)), false, false));
              if (bias) {
                w.add(new Weight("bias_ih_l0" + sfx, List.of(Dim.times("units", u, g)), false,
                    false));
                w.add(new Weight("bias_hh_l0" + sfx, List.of(Dim.times("units", u, g)), false,
                    false));
              }
            }
          }
          case ONNX -> {
            Dim d = new Dim(bidi ? 2 : 1, "directions", 1, 1);
            w.add(new Weight("W", List.of(d, Dim.times("units", u, g), Dim.of(fa, f)), false,
                false));
            w.add(new Weight("R", List.of(d, Dim.times("units", u, g), Dim.of("units", u)), false,
                false));
            if (bias) {
              w.add(new Weight("B", List.of(d, Dim.times("units", u, 2L * g)), false, false));
            }
          }
          default -> throw new IllegalStateException();
        }
      }
      case "Dense" -> {
        long u = l.attr("units", 0);
        if (layout == Layout.KERAS) {
          w.add(new Weight("kernel", List.of(Dim.of(fa, f), Dim.of("units", u)), false, false));
        } else {
          w.add(new Weight("weight", List.of(Dim.of("units", u), Dim.of(fa, f)), false, false));
        }
        if (bias) {
          w.add(new Weight("bias", List.of(Dim.of("units", u)), false, false));
        }
      }
      case "Embedding" -> w.add(new Weight(layout == Layout.KERAS ? "embeddings" : "weight",
          List.of(Dim.of("inputDim", l.attr("inputDim", 0)),
              Dim.of("outputDim", l.attr("outputDim", 0))), false, false));
      case "Conv1d" -> {
        long filters = l.attr("filters", 0);
        long k = l.attr("kernelSize", 0);
        long groups = Math.max(1, l.attr("groups", 1));
        Dim in = new Dim(f / groups, fa, 1, groups);
        if (layout == Layout.KERAS) {
          w.add(new Weight("kernel", List.of(Dim.of("kernelSize", k), in,
              Dim.of("filters", filters)), false, false));
        } else {
          w.add(new Weight("weight", List.of(Dim.of("filters", filters), in,
              Dim.of("kernelSize", k)), false, false));
        }
        if (bias) {
          w.add(new Weight("bias", List.of(Dim.of("filters", filters)), false, false));
        }
      }
      case "BatchNormalization", "LayerNormalization" -> {
        boolean bn = l.annotation().equals("BatchNormalization");
        boolean scale = l.flag("scale", true);
        boolean center = l.flag("center", true);
        List<Dim> d = List.of(Dim.of(fa, f));
        if (layout == Layout.KERAS) {
          if (scale) {
            w.add(new Weight("gamma", d, false, false));
          }
          if (center) {
            w.add(new Weight("beta", d, false, false));
          }
          if (bn) {
            w.add(new Weight("moving_mean", d, false, true));
            w.add(new Weight("moving_variance", d, false, true));
          }
        } else {
          if (scale) {
            w.add(new Weight("weight", d, false, false));
          }
          if (center) {
            w.add(new Weight("bias", d, false, false));
          }
          if (bn) {
            w.add(new Weight("running_mean", d, true, true));
            w.add(new Weight("running_var", d, true, true));
          }
        }
      }
      default -> {
        // no weights
      }
    }
    return w;
  }

  /** The file kinds a declared annotation matches. */
  static boolean kindMatches(String annotation, String kind) {
    return switch (annotation) {
      case "Lstm" -> kind.equals("LSTM");
      case "Gru" -> kind.equals("GRU");
      case "SimpleRnn" -> kind.equals("RNN");
      case "Dense" -> kind.equals("DENSE") || kind.equals("LINEAR_OR_EMBEDDING");
      case "Embedding" -> kind.equals("EMBEDDING") || kind.equals("LINEAR_OR_EMBEDDING");
      case "Conv1d" -> kind.equals("CONV1D");
      case "BatchNormalization" -> kind.equals("BATCH_NORM");
      case "LayerNormalization" -> kind.equals("LAYER_NORM");
      default -> false;
    };
  }

  /** How a person names a file's layer kind. */
  static String kindName(String kind) {
    return Map.of("LSTM", "an LSTM", "GRU", "a GRU", "RNN", "a simple RNN", "DENSE",
        "a dense layer", "LINEAR_OR_EMBEDDING", "a dense layer or an embedding", "EMBEDDING",
        "an embedding", "CONV1D", "a 1-D convolution", "BATCH_NORM", "a batch normalization",
        "LAYER_NORM", "a layer normalization").getOrDefault(kind, "a layer of another kind");
  }
}
