package dev.paramcheck.processor;

import com.google.gson.stream.JsonWriter;
import dev.paramcheck.Dtype;
import dev.paramcheck.model.BudgetUse;
import dev.paramcheck.model.Functional;
import dev.paramcheck.model.LayerSummary;
import dev.paramcheck.model.ModelSummary;
import dev.paramcheck.model.Weight;
import dev.paramcheck.model.layer.ModelInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes a model's record, {@code META-INF/paramcheck/<binary name>.json} in the class output,
 * for the reports (docs/record-schema.json, schema version 1): what the processor computed, so
 * that nothing downstream counts again. Keys in a fixed order, no dates: the same bytes every run.
 */
final class RecordWriter {
  static final int SCHEMA_VERSION = 1;

  /** paramcheck's version, from the build (version.properties). */
  static final String VERSION = version();

  private final Filer filer;
  private final Elements elements;

  RecordWriter(Filer filer, Elements elements) {
    this.filer = filer;
    this.elements = elements;
  }

  private static String version() {
    Properties p = new Properties();
    try (InputStream in = RecordWriter.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "unknown");
  }

  /** The record's path in the class output. */
  static String path(String binaryName) {
    return "META-INF/paramcheck/" + binaryName + ".json";
  }

  void write(TypeElement model, String summaryClass, ModelSummary summary, String table) throws IOException {
    String binaryName = elements.getBinaryName(model).toString();
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path(binaryName), model);
    try (Writer out = file.openWriter()) {
      write(out, binaryName, summaryClass, sourceFile(model), summary, table);
    }
  }

  /** The source file's path from the source root, as the conventional layout has it. */
  private String sourceFile(TypeElement model) {
    TypeElement top = model;
    while (top.getEnclosingElement() instanceof TypeElement outer) {
      top = outer;
    }
    String pkg = elements.getPackageOf(model).getQualifiedName().toString();
    return (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + top.getSimpleName() + ".java";
  }

  /**
   * Streams the record into {@code out}, two-space indented, ending in a line break. Written with
   * Gson's {@link JsonWriter} straight into the Filer's writer: building a tree and a string
   * first was most of the record's cost for a model of 10,000 layers (docs/performance.md).
   */
  private static void write(Writer out, String model, String summaryClass, String sourceFile, ModelSummary summary, String table)
      throws IOException {
    JsonWriter json = new JsonWriter(out);
    json.setIndent("  ");
    json.setSerializeNulls(true);
    json.beginObject();
    json.name("schemaVersion").value(SCHEMA_VERSION);
    json.name("paramcheckVersion").value(VERSION);
    json.name("model").value(model);
    json.name("summaryClass").value(summaryClass);
    json.name("sourceFile").value(sourceFile);
    json.name("convention").value(summary.convention().name());
    json.name("precision").value(precision(summary).name());
    input(json.name("input"), summary);
    java.util.Map<String, Functional.Row> rows = new java.util.HashMap<>();
    if (summary.functional().isPresent()) {
      json.name("inputs").beginArray();
      for (Functional.Row row : summary.functional().get().rows()) {
        rows.put(row.field(), row);
        if (row.type().equals("InputLayer")) {
          json.beginObject().name("name").value(row.name()).name("shape").value(row.output()).endObject();
        }
      }
      json.endArray();
    }
    json.name("layers").beginArray();
    for (LayerSummary layer : summary.layers()) {
      layer(json, layer, rows.get(layer.name()));
    }
    json.endArray();
    json.name("totals").beginObject();
    json.name("params").value(summary.totalParams());
    json.name("trainable").value(summary.trainableParams());
    json.name("nonTrainable").value(summary.nonTrainableParams());
    json.name("bytes").value(summary.totalBytes());
    json.name("trainableBytes").value(summary.trainableBytes());
    json.name("nonTrainableBytes").value(summary.nonTrainableBytes());
    optional(json.name("macs"), summary.macs());
    json.endObject();
    json.name("budgets").beginArray();
    for (BudgetUse use : summary.budgets()) {
      json.beginObject();
      json.name("kind").value(use.metric().name());
      json.name("scope").value(use.layer() == null ? "MODEL" : "LAYER");
      json.name("layer").value(use.layer());
      json.name("source").value(use.source());
      json.name("max").value(use.max());
      json.name("used").value(use.used());
      json.name("headroom").value(use.headroom());
      json.endObject();
    }
    json.endArray();
    json.name("table").value(table);
    json.endObject();
    json.flush();
    out.write('\n');
  }

  /** The model's precision: the one most of its layers' weights are at (the class's, unless every layer overrides it). */
  private static Dtype precision(ModelSummary summary) {
    return summary.layers().isEmpty() ? Dtype.FLOAT32 : summary.layers().get(0).dtype();
  }

  private static void input(JsonWriter json, ModelSummary summary) throws IOException {
    OptionalInt timesteps = OptionalInt.empty();
    OptionalInt features = OptionalInt.empty();
    if (!summary.layers().isEmpty() && summary.layers().get(0).layer() instanceof ModelInput first) {
      timesteps = first.timesteps();
      features = first.features();
    }
    json.beginObject();
    json.name("timesteps").value(timesteps.isPresent() ? (Number) timesteps.getAsInt() : null);
    json.name("features").value(features.isPresent() ? (Number) features.getAsInt() : null);
    json.endObject();
  }

  private static void layer(JsonWriter json, LayerSummary layer, Functional.Row row) throws IOException {
    json.beginObject();
    json.name("name").value(layer.name());
    if (row != null) {
      json.name("inbound").beginArray();
      for (String tensor : row.inbound()) {
        json.value(tensor);
      }
      json.endArray();
    }
    json.name("kerasClass").value(layer.type());
    json.name("annotation").value(layer.written().annotation());
    json.name("attributes").beginObject();
    for (Map.Entry<String, Object> e : layer.written().attributes().entries()) {
      Object v = e.getValue();
      json.name(e.getKey());
      value(json, v);
    }
    json.endObject();
    json.name("outputShape").value(layer.output().toString());
    json.name("params").value(layer.params());
    json.name("trainable").value(layer.trainable());
    json.name("nonTrainable").value(layer.nonTrainable());
    json.name("precision").value(layer.dtype().name());
    json.name("bytes").value(layer.bytes());
    optional(json.name("macs"), layer.macs());
    json.name("weights").beginArray();
    for (Weight w : layer.weights()) {
      json.beginObject();
      json.name("key").value(w.key());
      json.name("count").value(w.count());
      json.name("trainable").value(w.trainable());
      if (w.present()) {
        json.name("shape").beginArray();
        for (long d : w.shape()) {
          json.value(d);
        }
        json.endArray();
      }
      json.endObject();
    }
    json.endArray();
    json.endObject();
  }

  private static void value(JsonWriter json, Object v) throws IOException {
    if (v instanceof Number n) {
      json.value(n);
    } else if (v instanceof Boolean b) {
      json.value(b.booleanValue());
    } else if (v instanceof List<?> list) {
      json.beginArray();
      for (Object element : list) {
        value(json, element);
      }
      json.endArray();
    } else {
      json.value(String.valueOf(v));
    }
  }

  private static void optional(JsonWriter json, OptionalLong value) throws IOException {
    if (value.isPresent()) {
      json.value(value.getAsLong());
    } else {
      json.nullValue();
    }
  }
}
