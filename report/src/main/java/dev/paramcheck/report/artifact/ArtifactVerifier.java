package dev.paramcheck.report.artifact;

import dev.paramcheck.report.ModelRecord;
import dev.paramcheck.report.artifact.Expected.Dim;
import dev.paramcheck.report.artifact.Expected.Layout;
import dev.paramcheck.report.artifact.Finding.Severity;
import dev.paramcheck.report.artifact.Finding.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a model file against a model's record, layer by layer in order: the file's layer kind,
 * each weight's shape (a different dimension names the annotation attribute it comes from), biases,
 * directions, precision, then the totals and the model's budgets against the file itself. See
 * docs/artifacts.md.
 */
public final class ArtifactVerifier {
  private ArtifactVerifier() {}

  public static Verification verify(ModelRecord record, Artifact file) {
    return new Run(record, file).run();
  }

  /** Whether a tensor role is a bias in any of the layouts. */
  static boolean isBias(String role) {
    return role.equals("bias") || role.equals("B") || role.startsWith("bias_")
        || role.endsWith("/bias");
  }

  /** One verification's state: the findings so far. */
  private static final class Run {
    final ModelRecord record;
    final Artifact file;
    final String model;
    final String fileName;
    final Layout layout;
    final List<Finding> findings = new ArrayList<>();
    long folded;
    /** tf2onnx's zero second bias of Keras's recurrent layers: in the file, not in Keras. */
    long padding;

    Run(ModelRecord record, Artifact file) {
      this.record = record;
      this.file = file;
      String m = record.model();
      this.model = m.substring(Math.max(m.lastIndexOf('.'), m.lastIndexOf('$')) + 1);
      this.fileName = file.fileName();
      this.layout = switch (file.format()) {
        case "ONNX" -> Layout.ONNX;
        case "SAFETENSORS" -> Layout.TORCH;
        default -> Layout.KERAS;
      };
    }

    Verification run() {
      long fileParams = 0;
      for (ArtifactLayer l : file.layers()) {
        for (Tensor t : l.tensors()) {
          if (!t.buffer()) {
            fileParams = saturatedAdd(fileParams, t.count());
          }
        }
      }
      if (file.convention() != null && !file.convention().equals(record.convention())) {
        String made = file.convention().equals("PYTORCH") ? "PyTorch" : "Keras";
        String fix = file.convention().equals("PYTORCH")
            ? "declare @Convention(Framework.PYTORCH) on " + model
            : "remove @Convention(Framework.PYTORCH) from " + model;
        error(Tag.CONVENTION, null, model + ": " + fileName + " was made with " + made
            + (file.producer().isEmpty() ? "" : " (" + file.producer() + ")")
            + ", the declaration counts as " + (made.equals("Keras") ? "PyTorch" : "Keras")
            + " does; " + fix + ", or check a file made in the declaration's convention");
        return done(fileParams);
      }
      List<Expected.Layer> declared = new ArrayList<>();
      for (Expected.Layer l : Expected.layers(record, layout)) {
        if (!l.weights().isEmpty() || l.opaque()) {
          declared.add(l);
        }
      }
      pairAndCompare(declared, file.layers());
      totals(fileParams);
      return done(fileParams);
    }

    Verification done(long fileParams) {
      return new Verification(record.model(), file.file(), file.format(), fileParams, findings);
    }

    // ------------------------------------------------------------------ pairing

    void pairAndCompare(List<Expected.Layer> declared, List<ArtifactLayer> layers) {
      Map<String, ArtifactLayer> byName = new HashMap<>();
      layers.forEach(l -> byName.putIfAbsent(l.name(), l));
      boolean named = layout == Layout.TORCH && !declared.isEmpty()
          && declared.stream().allMatch(d -> byName.containsKey(d.record().name()));
      if (named) {
        Set<String> names = new java.util.HashSet<>();
        for (Expected.Layer d : declared) {
          names.add(d.record().name());
          compare(d, byName.get(d.record().name()), false);
        }
        for (ArtifactLayer l : layers) {
          if (!names.contains(l.name())) {
            extra(l);
          }
        }
        return;
      }
      int j = 0;
      for (int i = 0; i < declared.size(); i++) {
        Expected.Layer d = declared.get(i);
        ArtifactLayer a = j < layers.size() ? layers.get(j) : null;
        boolean prevConv = i > 0 && declared.get(i - 1).annotation().equals("Conv1d");
        if (layout == Layout.ONNX && d.annotation().equals("BatchNormalization") && prevConv
            && (a == null || !a.kind().equals("BATCH_NORM"))) {
          folded(d, declared.get(i - 1));
          continue;
        }
        if (a == null) {
          missing(d, j > 0 ? layers.get(j - 1) : null);
          continue;
        }
        if (!d.opaque() && !Expected.kindMatches(d.annotation(), a.kind())) {
          boolean nextDeclaredFits = i + 1 < declared.size()
              && Expected.kindMatches(declared.get(i + 1).annotation(), a.kind());
          boolean nextFileFits = j + 1 < layers.size()
              && Expected.kindMatches(d.annotation(), layers.get(j + 1).kind());
          if (nextDeclaredFits && !nextFileFits) {
            missing(d, j > 0 ? layers.get(j - 1) : null);
            continue;
          }
          if (nextFileFits && !nextDeclaredFits) {
            extra(a);
            j++;
            a = layers.get(j);
          }
        }
        boolean foldedInto = layout == Layout.ONNX && d.annotation().equals("Conv1d")
            && i + 1 < declared.size()
            && declared.get(i + 1).annotation().equals("BatchNormalization")
            && (j + 1 >= layers.size() || !layers.get(j + 1).kind().equals("BATCH_NORM"));
        compare(d, a, foldedInto);
        j++;
      }
      for (; j < layers.size(); j++) {
        extra(layers.get(j));
      }
    }

    void folded(Expected.Layer bn, Expected.Layer conv) {
      long params = 0;
      for (Expected.Weight w : bn.weights()) {
        if (!w.buffer()) {
          params += count(w.shape());
        }
      }
      folded += params;
      if (!conv.flag("useBias", true)) {
        folded -= conv.attr("filters", 0);
      }
      findings.add(new Finding(Severity.NOTE, Tag.FOLDED, bn.record().name(), model + ": layer '"
          + bn.record().name() + "' (@BatchNormalization) was folded into '" + conv.record().name()
          + "' (@Conv1d) by the exporter: " + fileName + " has no BatchNormalization after that"
          + " Conv, whose bias now carries it; nothing to change (export in training mode, or"
          + " with do_constant_folding=False, to keep it)"));
    }

    void missing(Expected.Layer d, ArtifactLayer after) {
      error(Tag.MISSING_LAYER, d.record().name(), prefix(d) + fileName
          + " has no layer for it" + (after == null ? "" : " (after " + after.where() + ")")
          + "; remove the layer from the declaration or export the model that has it");
    }

    void extra(ArtifactLayer a) {
      error(Tag.EXTRA_LAYER, null, model + ": " + fileName + " has a layer the declaration lacks: "
          + a.where() + " with " + tensors(a.tensors())
          + "; declare it, or export the model the declaration describes");
    }

    // ------------------------------------------------------------------ one layer

    void compare(Expected.Layer d, ArtifactLayer a, boolean foldedInto) {
      String name = d.record().name();
      if (d.opaque()) {
        long n = 0;
        for (Tensor t : a.tensors()) {
          if (!t.buffer()) {
            n = saturatedAdd(n, t.count());
          }
        }
        if (n != d.record().params()) {
          error(Tag.SHAPE, name, prefix(d) + fileName + " has " + fmt(n) + " parameters in "
              + a.where() + " (" + tensors(a.tensors()) + "), the declaration "
              + fmt(d.record().params()) + "; paramcheck compares this kind of layer by its count"
              + " only: check its attributes against the file's shapes, or retrain");
        }
        return;
      }
      if (!Expected.kindMatches(d.annotation(), a.kind())) {
        error(Tag.KIND, name, prefix(d) + fileName + " has " + Expected.kindName(a.kind())
            + " here (" + a.where() + " with " + tensors(a.tensors()) + "); declare that layer,"
            + " or export the model the declaration describes");
        return;
      }
      boolean recurrent = Set.of("Lstm", "Gru", "SimpleRnn").contains(d.annotation());
      if (recurrent && a.bidirectional() != d.bidirectional()) {
        error(Tag.DIRECTIONS, name, prefix(d) + fileName + " holds "
            + (a.bidirectional() ? "both directions" : "one direction") + " (" + a.where()
            + "), the declaration " + (d.bidirectional() ? "is @Bidirectional" : "has one")
            + "; " + (a.bidirectional() ? "add @Bidirectional" : "remove @Bidirectional")
            + " or retrain");
        return;
      }
      if (layout == Layout.KERAS && a.trainable() != d.flag("trainable", true)) {
        error(Tag.TRAINABLE, name, prefix(d) + fileName + " has " + a.where() + " "
            + (a.trainable() ? "trainable" : "frozen (trainable = false)") + ", the declaration "
            + (a.trainable() ? "freezes it" : "trains it") + "; declare trainable = "
            + a.trainable() + " on the layer, or save the model with the layer "
            + (a.trainable() ? "frozen" : "trainable"));
      }
      boolean declaredBias = d.flag("useBias", true);
      Map<String, long[]> wrong = new LinkedHashMap<>(); // attribute -> {file, declared}
      Map<String, Tensor> evidence = new LinkedHashMap<>();
      Set<String> seen = new java.util.HashSet<>();
      boolean biasMissing = false;
      for (Expected.Weight w : d.weights()) {
        Tensor t = a.tensor(w.role()).orElse(null);
        List<Dim> dims = w.dims();
        if (t == null && w.role().equals("weight")) {
          t = a.tensor("weight_t").orElse(null);
          if (t != null) {
            dims = new ArrayList<>(dims);
            java.util.Collections.reverse(dims);
          }
        }
        if (t == null) {
          if (isBias(w.role())) {
            biasMissing = true;
          } else {
            error(Tag.TENSOR, name, prefix(d) + fileName + " has no " + w.role() + " in "
                + a.where() + ", which the declaration has with shape " + w.shape()
                + "; export the model the declaration describes");
          }
          continue;
        }
        seen.add(t.role());
        if (t.shape().size() != dims.size()) {
          error(Tag.TENSOR, name, prefix(d) + fileName + " has " + t.describe() + " where the"
              + " declaration has a tensor of shape " + shapeOf(dims)
              + "; export the model the declaration describes");
          continue;
        }
        for (int k = 0; k < dims.size(); k++) {
          Dim dim = dims.get(k);
          long fileDim = t.shape().get(k);
          if (fileDim == dim.value()) {
            continue;
          }
          if (dim.attribute() == null) {
            error(Tag.TENSOR, name, prefix(d) + fileName + " has " + t.describe() + " where the"
                + " declaration has " + shapeOf(dims) + "; export the model the declaration"
                + " describes");
            break;
          }
          if (!wrong.containsKey(dim.attribute())) {
            long declaredValue = dim.value() * dim.den() / dim.num();
            wrong.put(dim.attribute(), new long[] {dim.attributeFor(fileDim), declaredValue});
            evidence.put(dim.attribute(), t);
          }
        }
        if (t.elementBytes() > 0 && !t.dtype().equals(d.record().precision())
            && findings.stream().noneMatch(f -> f.tag() == Tag.DTYPE && name.equals(f.layer()))) {
          error(Tag.DTYPE, name, prefix(d) + fileName + " stores " + t.describe() + " as "
              + t.dtype() + ", the declaration says " + d.record().precision() + "; declare"
              + " @Precision(Dtype." + t.dtype() + ") on the layer or the model, or export "
              + d.record().precision());
        }
      }
      if (!wrong.isEmpty()) {
        shape(d, wrong, evidence);
      } else if (layout == Layout.ONNX && "KERAS".equals(file.convention()) && recurrent) {
        // onnx/tensorflow-onnx tf2onnx/rewriter/lstm_rewriter.py: "fill Rb with empty since in
        // TF, we have only one bias"; the ONNX B holds Keras's bias and zeros of the same size
        long u = d.attr("units", 0);
        int g = d.annotation().equals("Lstm") ? 4 : d.annotation().equals("Gru") ? 3 : 1;
        long keras = g == 3 && d.flag("resetAfter", true) ? 2L * g * u : (long) g * u;
        long dirs = d.bidirectional() ? 2 : 1;
        if (declaredBias && a.tensor("B").isPresent()) {
          padding += dirs * (2L * g * u - keras);
        }
      }
      List<Tensor> extraBias = new ArrayList<>();
      for (Tensor t : a.tensors()) {
        if (seen.contains(t.role()) || (t.role().equals("weight_t") && seen.contains("weight_t"))) {
          continue;
        }
        if (isBias(t.role()) && !declaredBias) {
          extraBias.add(t);
        } else if (!(foldedInto && t.role().equals("bias"))) {
          error(Tag.TENSOR, name, prefix(d) + fileName + " has " + t.describe() + " in "
              + a.where() + ", which the declaration does not have; export the model the"
              + " declaration describes");
        }
      }
      if (biasMissing && declaredBias) {
        error(Tag.BIAS, name, prefix(d) + fileName + " has no bias in " + a.where()
            + ", the declaration says useBias = true; declare " + suggestion(d, Map.of(), Boolean.FALSE)
            + " or retrain with a bias");
      }
      if (!extraBias.isEmpty() && !foldedInto) {
        error(Tag.BIAS, name, prefix(d) + fileName + " has a bias in " + a.where() + " ("
            + tensors(extraBias) + "), the declaration says useBias = false; declare "
            + suggestion(d, Map.of(), Boolean.TRUE) + " or retrain without one");
      }
    }

    void shape(Expected.Layer d, Map<String, long[]> wrong, Map<String, Tensor> evidence) {
      StringBuilder sb = new StringBuilder(prefix(d)).append(fileName).append(" was trained with ");
      List<String> parts = new ArrayList<>();
      boolean implied = false;
      Map<String, Long> fix = new LinkedHashMap<>();
      for (Map.Entry<String, long[]> e : wrong.entrySet()) {
        String attr = e.getKey();
        long fileValue = e.getValue()[0];
        long declared = e.getValue()[1];
        boolean byLayersBefore = attr.equals("features") && !d.featuresWritten();
        implied |= byLayersBefore;
        String fv = fileValue < 0 ? "a value no " + attr + " gives" : attr + " = " + fileValue;
        String says = byLayersBefore ? "the layers before give it " + declared
            : "the declaration says " + declared;
        parts.add(fv + ", " + says + " (" + evidence.get(attr).describe() + ")");
        if (fileValue >= 0) {
          fix.put(attr, fileValue);
        }
      }
      sb.append(String.join("; and ", parts));
      Map<String, Long> fixable = new LinkedHashMap<>(fix);
      if (implied) {
        fixable.remove("features");
      }
      if (!fixable.isEmpty()) {
        sb.append("; declare ").append(suggestion(d, fixable, null))
            .append(" or retrain");
      } else if (implied) {
        sb.append("; change the layers before so that they give " + fix.getOrDefault("features",
            -1L) + " features, or retrain");
      } else {
        sb.append("; export the model the declaration describes");
      }
      error(Tag.SHAPE, d.record().name(), sb.toString());
    }

    /** {@code @Lstm(units = 128, features = 32)}, with the file's values where given. */
    String suggestion(Expected.Layer d, Map<String, Long> values, Boolean bias) {
      List<String> keys = switch (d.annotation()) {
        case "SimpleRnn", "Lstm", "Gru" -> List.of("units", "features");
        case "Dense" -> List.of("units", "features");
        case "Conv1d" -> List.of("filters", "kernelSize", "groups", "features");
        case "Embedding" -> List.of("inputDim", "outputDim");
        default -> List.of("features");
      };
      List<String> parts = new ArrayList<>();
      for (String k : keys) {
        Object v = d.record().attributes().get(k);
        if (!(v instanceof Number)) {
          continue;
        }
        long x = values.containsKey(k) ? values.get(k) : ((Number) v).longValue();
        boolean shown = values.containsKey(k) || (k.equals("features") ? x > 0
            : !(k.equals("groups") && x == 1));
        if (shown && x > 0) {
          parts.add(k + " = " + x);
        }
      }
      if (d.record().attributes().containsKey("useBias")) {
        boolean b = bias != null ? bias : d.flag("useBias", true);
        if (!b || bias != null) {
          parts.add("useBias = " + b);
        }
      }
      String ann = "@" + d.annotation() + "(" + String.join(", ", parts) + ")";
      return d.bidirectional() ? "@Bidirectional " + ann : ann;
    }

    // ------------------------------------------------------------------ totals and budgets

    void totals(long fileParams) {
      if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR
          && (f.tag() == Tag.CONVENTION))) {
        return;
      }
      long expected = record.totals().params() - folded;
      fileParams -= padding;
      if (fileParams != expected) {
        long diff = fileParams - expected;
        error(Tag.TOTALS, null, model + ": " + fileName + " has " + fmt(fileParams)
            + " parameters, the declaration " + fmt(expected) + (folded != 0
                ? " once the folded layers are left out" : "") + " (" + (diff > 0 ? fmt(diff)
                + " more" : fmt(-diff) + " fewer") + ")" + (hasLayerErrors() ? "; see the layers"
                + " above" : "; the layers agree, so a weight the layers do not use differs"));
      }
      long fileBytes = 0;
      for (ArtifactLayer l : file.layers()) {
        for (Tensor t : l.tensors()) {
          if (!t.buffer()) {
            fileBytes = saturatedAdd(fileBytes, saturatedMul(t.count(), t.elementBytes()));
          }
        }
      }
      for (ModelRecord.Budget b : record.budgets()) {
        if (!b.scope().equals("MODEL")) {
          continue;
        }
        long used = switch (b.kind()) {
          case "PARAMS" -> fileParams;
          case "BYTES" -> fileBytes;
          default -> -1;
        };
        if (used > b.max()) {
          String unit = b.kind().equals("BYTES") ? " bytes" : " parameters";
          error(Tag.BUDGET, null, model + ": " + fileName + " has " + fmt(used) + unit
              + ", " + fmt(used - b.max()) + " over the model's budget of " + fmt(b.max())
              + ("PACKAGE".equals(b.source()) ? " (a package policy)" : "")
              + "; raise the budget, or ship a smaller model");
        }
      }
    }

    boolean hasLayerErrors() {
      return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    // ------------------------------------------------------------------ helpers

    String prefix(Expected.Layer d) {
      return model + ": layer '" + d.record().name() + "' (@" + d.annotation() + "): ";
    }

    void error(Tag tag, String layer, String message) {
      findings.add(new Finding(Severity.ERROR, tag, layer, message));
    }


    static String tensors(List<Tensor> ts) {
      List<String> s = new ArrayList<>();
      for (Tensor t : ts) {
        s.add(t.describe());
      }
      return s.isEmpty() ? "no weights" : String.join(", ", s);
    }

    static String shapeOf(List<Dim> dims) {
      return dims.stream().map(Dim::value).toList().toString();
    }

    static long count(List<Long> shape) {
      long n = 1;
      for (long x : shape) {
        n = saturatedMul(n, x);
      }
      return n;
    }

    static long saturatedAdd(long a, long b) {
      long r = a + b;
      return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    static long saturatedMul(long a, long b) {
      try {
        return Math.multiplyExact(a, b);
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }

    static String fmt(long n) {
      return String.format(Locale.ROOT, "%,d", n);
    }
  }
}
