package dev.paramcheck.processor;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.paramcheck.Dtype;
import dev.paramcheck.model.BudgetUse;
import dev.paramcheck.model.LayerSummary;
import dev.paramcheck.model.ModelSummary;
import dev.paramcheck.model.Weight;
import dev.paramcheck.model.layer.ModelInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
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
      out.write(json(record(binaryName, summaryClass, sourceFile(model), summary, table)));
      out.write('\n');
    }
  }

  /** One for all models: a Gson is thread-safe, and building one per model showed in the profile. */
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

  static String json(JsonObject record) {
    return GSON.toJson(record);
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

  static JsonObject record(String model, String summaryClass, String sourceFile, ModelSummary summary, String table) {
    JsonObject r = new JsonObject();
    r.addProperty("schemaVersion", SCHEMA_VERSION);
    r.addProperty("paramcheckVersion", VERSION);
    r.addProperty("model", model);
    r.addProperty("summaryClass", summaryClass);
    r.addProperty("sourceFile", sourceFile);
    r.addProperty("convention", summary.convention().name());
    r.addProperty("precision", precision(summary).name());
    r.add("input", input(summary));
    JsonArray layers = new JsonArray();
    for (LayerSummary layer : summary.layers()) {
      layers.add(layer(layer));
    }
    r.add("layers", layers);
    JsonObject totals = new JsonObject();
    totals.addProperty("params", summary.totalParams());
    totals.addProperty("trainable", summary.trainableParams());
    totals.addProperty("nonTrainable", summary.nonTrainableParams());
    totals.addProperty("bytes", summary.totalBytes());
    totals.addProperty("trainableBytes", summary.trainableBytes());
    totals.addProperty("nonTrainableBytes", summary.nonTrainableBytes());
    totals.add("macs", optional(summary.macs()));
    r.add("totals", totals);
    JsonArray budgets = new JsonArray();
    for (BudgetUse use : summary.budgets()) {
      JsonObject b = new JsonObject();
      b.addProperty("kind", use.metric().name());
      b.addProperty("scope", use.layer() == null ? "MODEL" : "LAYER");
      b.add("layer", use.layer() == null ? JsonNull.INSTANCE : new JsonPrimitive(use.layer()));
      b.addProperty("source", use.source());
      b.addProperty("max", use.max());
      b.addProperty("used", use.used());
      b.addProperty("headroom", use.headroom());
      budgets.add(b);
    }
    r.add("budgets", budgets);
    r.addProperty("table", table);
    return r;
  }

  /** The model's precision: the one most of its layers' weights are at (the class's, unless every layer overrides it). */
  private static Dtype precision(ModelSummary summary) {
    return summary.layers().isEmpty() ? Dtype.FLOAT32 : summary.layers().get(0).dtype();
  }

  private static JsonObject input(ModelSummary summary) {
    JsonObject input = new JsonObject();
    OptionalInt timesteps = OptionalInt.empty();
    OptionalInt features = OptionalInt.empty();
    if (!summary.layers().isEmpty() && summary.layers().get(0).layer() instanceof ModelInput first) {
      timesteps = first.timesteps();
      features = first.features();
    }
    input.add("timesteps", timesteps.isPresent() ? new JsonPrimitive(timesteps.getAsInt()) : JsonNull.INSTANCE);
    input.add("features", features.isPresent() ? new JsonPrimitive(features.getAsInt()) : JsonNull.INSTANCE);
    return input;
  }

  private static JsonObject layer(LayerSummary layer) {
    JsonObject l = new JsonObject();
    l.addProperty("name", layer.name());
    l.addProperty("kerasClass", layer.type());
    l.addProperty("annotation", layer.written().annotation());
    JsonObject attributes = new JsonObject();
    for (Map.Entry<String, Object> e : layer.written().attributes().entries()) {
      Object v = e.getValue();
      attributes.add(e.getKey(), v instanceof Number n ? new JsonPrimitive(n)
          : v instanceof Boolean b ? new JsonPrimitive(b) : new JsonPrimitive(String.valueOf(v)));
    }
    l.add("attributes", attributes);
    l.addProperty("outputShape", layer.output().toString());
    l.addProperty("params", layer.params());
    l.addProperty("trainable", layer.trainable());
    l.addProperty("nonTrainable", layer.nonTrainable());
    l.addProperty("precision", layer.dtype().name());
    l.addProperty("bytes", layer.bytes());
    l.add("macs", optional(layer.macs()));
    JsonArray weights = new JsonArray();
    for (Weight w : layer.weights()) {
      JsonObject weight = new JsonObject();
      weight.addProperty("key", w.key());
      weight.addProperty("count", w.count());
      weight.addProperty("trainable", w.trainable());
      weights.add(weight);
    }
    l.add("weights", weights);
    return l;
  }

  private static com.google.gson.JsonElement optional(OptionalLong value) {
    return value.isPresent() ? new JsonPrimitive(value.getAsLong()) : JsonNull.INSTANCE;
  }
}
