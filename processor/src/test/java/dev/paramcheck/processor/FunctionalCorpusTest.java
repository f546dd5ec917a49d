package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The functional corpus ({@code tools/corpus/functional/generate_functional.py}): hundreds of
 * functional models (branches, two inputs and outputs, encoder-decoders with states, masks, CRNNs,
 * reshapes, ops) measured by Keras 3 itself. Each is declared with the annotations as a user writes
 * it and compiled through the processor under javac and ecj: valid models give Keras's count for
 * every layer, its totals, and its {@code summary()} text byte for byte at 76 and 108 characters;
 * refused ones an error on the field Keras refused.
 */
class FunctionalCorpusTest {
  static final JsonObject CORPUS = CorpusTest.load("/corpus/functional.json");

  /** Kinds whose table is not paramcheck's to match: see {@link #tableSkipped}. */
  private static final Set<String> SEQUENTIAL_FORM = Set.of("sequential-form");

  /** Enum attributes and the enum their values are constants of. */
  private static final Map<String, String> ENUMS =
      Map.of("padding", "Padding.", "merge", "Bidirectional.Merge.", "scoreMode", "ScoreMode.");

  /**
   * Kinds Keras accepts but paramcheck refuses, and the annotation of the field it refuses. Keras
   * builds a recurrent layer with initial states of the wrong size (or an odd number of states for a
   * Bidirectional layer) and fails only when the model runs; the issue asks for a compile error on
   * the state. A Flatten of a sequence of unknown length is refused at the Flatten (see
   * LayersCorpusTest), where Keras fails at the Dense after it.
   */
  static final Map<String, String> PARAMCHECK_DECIDES = Map.of(
      "initial-state-unchecked", "From",
      "keras-accepts-bidi-odd-states", "From",
      "refused-dense-after-unknown-flatten", "Flatten");

  static boolean valid(JsonObject model) {
    return model.has("expected") && !PARAMCHECK_DECIDES.containsKey(model.get("kind").getAsString());
  }

  static List<JsonObject> models(boolean valid) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : CORPUS.getAsJsonArray("models")) {
      JsonObject model = e.getAsJsonObject();
      if (valid(model) == valid) {
        out.add(model);
      }
    }
    return out;
  }

  static String className(JsonObject model) {
    return "functional." + model.get("className").getAsString();
  }

  /**
   * A model without {@code @Input} is a Sequential model to paramcheck, whose table has no
   * InputLayer row; the generator builds those with Keras's functional API, so only their counts
   * are compared.
   */
  static boolean tableSkipped(JsonObject model) {
    return SEQUENTIAL_FORM.contains(model.get("kind").getAsString());
  }

  /** The table without paramcheck's own last line, {@code MACs per sample}, which Keras does not print. */
  static String kerasPart(String table) {
    int macs = table.indexOf(" MACs per sample: ");
    if (macs < 0) {
      return table;
    }
    assertThat(table.substring(macs)).matches(" MACs per sample: [0-9,]+\\n");
    return table.substring(0, macs);
  }

  /** The model as a user writes it: one field per line, {@code @From} on the line before its layer. */
  static JavaFileObject source(JsonObject model) {
    return source(model, className(model));
  }

  /** The model's declaration as class {@code className} (qualified). */
  static JavaFileObject source(JsonObject model, String className) {
    return source(model, className, Map.of());
  }

  /**
   * The model and each of its {@code blocks} as classes of their own: a block whose Keras class is
   * its key ({@code TransformerBlock}) beside the model, one whose class differs (a nested {@code
   * keras.Model} prints as {@code Functional}) in a package named after its key, so that several
   * blocks can print the same class. {@code @Block} values name the block's key.
   */
  static List<JavaFileObject> sources(JsonObject model, String className) {
    String pkg = className.substring(0, className.lastIndexOf('.') + 1);
    Map<String, String> classes = new java.util.LinkedHashMap<>();
    if (model.has("blocks")) {
      for (Map.Entry<String, JsonElement> block : model.getAsJsonObject("blocks").entrySet()) {
        JsonObject b = block.getValue().getAsJsonObject();
        String kerasClass = b.has("class") ? b.get("class").getAsString() : block.getKey();
        classes.put(block.getKey(), kerasClass.equals(block.getKey())
            ? pkg + block.getKey() : pkg + block.getKey() + "." + kerasClass);
      }
    }
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(source(model, className, classes));
    for (Map.Entry<String, String> block : classes.entrySet()) {
      sources.add(source(model.getAsJsonObject("blocks").getAsJsonObject(block.getKey()), block.getValue(), classes));
    }
    return sources;
  }

  /** A declaration as class {@code className}, its {@code @Block} values mapped to {@code blocks}' classes. */
  static JavaFileObject source(JsonObject model, String className, Map<String, String> blocks) {
    int dot = className.lastIndexOf('.');
    List<String> lines = new ArrayList<>();
    lines.add("package " + className.substring(0, dot) + ";");
    lines.add("import dev.paramcheck.*;");
    lines.add("public class " + className.substring(dot + 1) + " {");
    for (JsonElement f : model.getAsJsonArray("fields")) {
      JsonObject field = f.getAsJsonObject();
      StringBuilder line = new StringBuilder("  ");
      if (field.has("from") || field.has("initialState")) {
        line.append("@From(value = ").append(array(field.getAsJsonArray("from")));
        if (field.has("initialState")) {
          line.append(", initialState = ").append(array(field.getAsJsonArray("initialState")));
        }
        line.append(") ");
      }
      for (JsonElement a : field.getAsJsonArray("annotations")) {
        line.append(annotation(a.getAsJsonObject(), blocks)).append(' ');
      }
      lines.add(line.append("Object ").append(field.get("name").getAsString()).append(';').toString());
    }
    lines.add("}");
    return Compiled.source(className, lines.toArray(new String[0]));
  }

  private static String annotation(JsonObject a, Map<String, String> blocks) {
    String type = a.get("type").getAsString();
    if (type.equals("Block")) { // a block of the model's own: its class, declared beside the model
      JsonObject attrs = a.getAsJsonObject("attrs");
      String key = attrs.get("value").getAsString();
      boolean frozen = attrs.has("trainable") && !attrs.get("trainable").getAsBoolean();
      return "@Block(value = " + blocks.getOrDefault(key, key) + ".class" + (frozen ? ", trainable = false" : "") + ")";
    }
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, JsonElement> e : a.getAsJsonObject("attrs").entrySet()) {
      values.add(e.getKey() + " = " + value(e.getKey(), e.getValue()));
    }
    return "@" + type + (values.isEmpty() ? "" : "(" + String.join(", ", values) + ")");
  }

  private static String value(String name, JsonElement v) {
    if (v.isJsonArray()) {
      List<String> items = new ArrayList<>();
      v.getAsJsonArray().forEach(i -> items.add(value(name, i)));
      return "{" + String.join(", ", items) + "}";
    }
    if (v.getAsJsonPrimitive().isString()) {
      String s = v.getAsString();
      if (ENUMS.containsKey(name)) {
        return ENUMS.get(name) + s;
      }
      return '"' + s + '"';
    }
    return v.getAsString();
  }

  private static String array(JsonArray values) {
    List<String> items = new ArrayList<>();
    if (values != null) {
      values.forEach(v -> items.add('"' + v.getAsString() + '"'));
    }
    return "{" + String.join(", ", items) + "}";
  }

  @TestFactory
  Stream<DynamicContainer> validModelsPrintKerasTablesAt76And108() {
    List<JsonObject> models = models(true);
    assertThat(models.size()).isAtLeast(300);
    List<JavaFileObject> sources = models.stream().map(FunctionalCorpusTest::source).toList();
    return new KerasCorpusRun(FunctionalCorpusTest::className, (model, row) -> false, m -> !tableSkipped(m))
        .valid(models, sources, KerasCorpusRun.Extra.NONE);
  }

  @TestFactory
  Stream<DynamicContainer> refusedModelsFailOnTheFieldKerasRefused() {
    List<JsonObject> models = models(false);
    assertThat(models.size()).isAtLeast(30);
    return CorpusTest.refused(models, FunctionalCorpusTest::source, FunctionalCorpusTest::refusedField, true,
        (m, text) -> {});
  }

  /** The field Keras refused, or the one paramcheck refuses where it decides. */
  private static int refusedField(JsonObject model) {
    String decides = PARAMCHECK_DECIDES.get(model.get("kind").getAsString());
    if (decides == null) {
      return indexOf(model, model.getAsJsonObject("refused").get("field").getAsString());
    }
    JsonArray fields = model.getAsJsonArray("fields");
    for (int i = 0; i < fields.size(); i++) {
      JsonObject field = fields.get(i).getAsJsonObject();
      boolean match = decides.equals("From")
          ? field.has("initialState")
          : field.getAsJsonArray("annotations").toString().contains("\"type\":\"" + decides + "\"");
      if (match) {
        return i;
      }
    }
    throw new AssertionError("no @" + decides + " field in " + model.get("id"));
  }

  private static int indexOf(JsonObject model, String field) {
    JsonArray fields = model.getAsJsonArray("fields");
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getAsJsonObject().get("name").getAsString().equals(field)) {
        return i;
      }
    }
    throw new AssertionError("no field " + field + " in " + model.get("id"));
  }
}
