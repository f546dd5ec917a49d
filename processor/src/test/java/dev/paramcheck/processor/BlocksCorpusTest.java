package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The blocks corpus ({@code tools/corpus/blocks/keras_blocks.py}): outer Keras 3.15.1 functional
 * models that call inner {@code keras.Model}s of one to three inputs and several outputs as layers,
 * some twice, some nested two levels, some frozen. Each inner model is a {@code @Block} class named
 * {@code Functional} (as Keras prints a nested model) in a package named after its key. Compiled
 * under javac and ecj: valid models give Keras's totals, every row's count, the {@code
 * summary()} text byte for byte at 76 and 108 columns, and records whose inputs and per-layer
 * inbound tensors are Keras's InputLayers and "Connected to"; refused ones the error on the block field,
 * on the {@code @From} value at fault, stating what Keras's error states (the numbers of tensors
 * and the block's input names, or the input and both shapes).
 *
 * <p>Under the PyTorch convention, the models without attention give torch 2.13's totals for the
 * same layers ({@code corpus/blocks-torch.json}).
 *
 * <p>paramcheck decides two kinds Keras accepts (docs/decisions.md): a tensor of unknown length
 * for a block input of fixed length ({@code keras-accepts-unknown-length}), and a tensor of width 1
 * for an input of another width ({@code keras-accepts-width-1}); both are refused like a wrong shape.
 */
class BlocksCorpusTest {
  static final JsonObject CORPUS = CorpusTest.load("/corpus/blocks.json");

  /** Keras: {@code Layer "core" expects 2 named input(s) with keys ['x', 'y'], but it received 1 input tensors.} */
  private static final Pattern COUNT = Pattern.compile(
      "Layer \"\\w+\" expects (\\d+) named input\\(s\\) with keys \\[([^]]*)], but it received (\\d+) input tensors\\..*");

  /** Keras: {@code Input 1 with name 'y' of layer 'core' is incompatible with the layer: expected shape=..., found shape=...} */
  private static final Pattern SHAPE = Pattern.compile(
      "Input (\\d+) with name '(\\w+)' of layer '\\w+' is incompatible with the layer: expected shape=(\\(.*\\)),"
          + " found shape=(\\(.*\\))");

  static boolean kerasAccepts(JsonObject model) {
    return model.get("kind").getAsString().startsWith("keras-accepts-");
  }

  static List<JsonObject> models(boolean valid) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : CORPUS.getAsJsonArray("models")) {
      JsonObject model = e.getAsJsonObject();
      if ((model.has("expected") && !kerasAccepts(model)) == valid) {
        out.add(model);
      }
    }
    return out;
  }

  static String className(JsonObject model) {
    String id = model.get("id").getAsString();
    return "blocks." + id + "." + model.get("className").getAsString();
  }

  private static List<JavaFileObject> sources(List<JsonObject> models) {
    return models.stream().flatMap(m -> FunctionalCorpusTest.sources(m, className(m)).stream()).toList();
  }

  @TestFactory
  Stream<DynamicContainer> validModelsMatchKerasCountsAndTables() {
    List<JsonObject> models = models(true);
    assertThat(models.size()).isAtLeast(75);
    List<JavaFileObject> sources = sources(models);
    return new KerasCorpusRun(BlocksCorpusTest::className, KerasCorpusRun::notInput, m -> true)
        .valid(models, sources, BlocksCorpusTest::recordMatchesConnectedTo);
  }

  /** The record: the model's inputs, and each layer's inbound tensors as Keras's "Connected to". */
  private static void recordMatchesConnectedTo(JsonObject model, Compilation narrow, Map<String, Long> constants) {
    JsonObject expected = model.getAsJsonObject("expected");
    JsonObject record = JsonParser.parseString(TestCompiler.text(narrow.generatedFile(
        StandardLocation.CLASS_OUTPUT, "META-INF/paramcheck/" + className(model) + ".json").orElseThrow()))
        .getAsJsonObject();
    Map<String, String> inbound = new java.util.HashMap<>();
    for (JsonElement l : record.getAsJsonArray("layers")) {
      List<String> tensors = new ArrayList<>();
      l.getAsJsonObject().getAsJsonArray("inbound").forEach(t -> tensors.add(t.getAsString()));
      inbound.put(l.getAsJsonObject().get("name").getAsString(), String.join(", ", tensors));
    }
    List<String> inputs = new ArrayList<>();
    record.getAsJsonArray("inputs").forEach(i -> inputs.add(i.getAsJsonObject().get("name").getAsString()));
    List<String> kerasInputs = new ArrayList<>();
    for (JsonElement r : expected.getAsJsonArray("rows")) {
      JsonObject row = r.getAsJsonObject();
      if (row.get("class").getAsString().equals("InputLayer")) {
        kerasInputs.add(row.get("name").getAsString());
      } else {
        assertWithMessage("inbound of %s", row.get("name")).that(inbound.get(row.get("name").getAsString()))
            .isEqualTo(row.get("connectedTo").getAsString());
      }
    }
    assertThat(inputs).containsExactlyElementsIn(kerasInputs);
  }

  /**
   * Under the PyTorch convention a block is one {@code nn.Module}: the counts torch 2.13 gives for
   * the same layers, every use of every block included ({@code tools/corpus/blocks/torch_blocks.py},
   * {@code corpus/blocks-torch.json}; models with a MultiHeadAttention are left out there).
   */
  @TestFactory
  Stream<DynamicContainer> validModelsMatchTorchUnderThePytorchConvention() {
    JsonObject torch = CorpusTest.load("/corpus/blocks-torch.json").getAsJsonObject("models");
    List<JsonObject> models = models(true).stream()
        .filter(m -> torch.getAsJsonObject(m.get("id").getAsString()).has("totalParams")).toList();
    assertThat(models.size()).isAtLeast(50);
    List<JavaFileObject> sources = sources(models);
    return TestCompiler.forEach(compiler -> {
      Compilation c = compiler.compile(List.of("-Aparamcheck.convention=pytorch"), sources);
      assertWithMessage("%s", TestCompiler.describe(c.errors())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      return models.stream().map(model -> dynamicTest(model.get("id").getAsString(), () -> {
        JsonObject expected = torch.getAsJsonObject(model.get("id").getAsString());
        Map<String, Long> constants = Compiled.constants(c, className(model) + "Summary");
        assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(expected.get("totalParams").getAsLong());
        assertThat(constants.get("TRAINABLE_PARAMS")).isEqualTo(expected.get("trainableParams").getAsLong());
      }));
    });
  }

  @TestFactory
  Stream<DynamicContainer> refusedCallsFailOnTheFromValueAtFault() {
    List<JsonObject> models = models(false);
    assertThat(models.size()).isAtLeast(30);
    List<JavaFileObject> sources = sources(models);
    return TestCompiler.forEach(compiler -> {
      Compilation c = compiler.compile(List.of(), sources);
      assertThat(c.status()).isEqualTo(Compilation.Status.FAILURE);
      return models.stream().map(model -> dynamicTest(model.get("id").getAsString(), () -> {
        JavaFileObject source = FunctionalCorpusTest.sources(model, className(model)).get(0);
        List<Diagnostic<? extends JavaFileObject>> errors =
            c.errors().stream().filter(d -> compiler.sameFile(d, source)).toList();
        int field = blockField(model);
        // the one error on the block field; the input the call leaves out is unused (an error of its own)
        List<Diagnostic<? extends JavaFileObject>> others = errors.stream()
            .filter(d -> d.getLineNumber() != 4 + field).toList();
        for (Diagnostic<? extends JavaFileObject> other : others) {
          assertWithMessage("%s: %s", model.get("id"), TestCompiler.describe(errors))
              .that(other.getMessage(Locale.ROOT)).startsWith("[paramcheck:input-unused]");
        }
        assertWithMessage("%s: %s", model.get("id"), TestCompiler.describe(errors))
            .that(errors.size() - others.size()).isEqualTo(1);
        Diagnostic<? extends JavaFileObject> error = errors.stream()
            .filter(d -> d.getLineNumber() == 4 + field).findFirst().orElseThrow();
        String text = error.getMessage(Locale.ROOT);
        String line = TestCompiler.text(source).split("\n")[3 + field];
        JsonObject call = model.getAsJsonArray("fields").get(field).getAsJsonObject();
        String kind = model.get("kind").getAsString();
        JsonArray from = call.getAsJsonArray("from");
        if (from == null) { // a block of one input on the field before it: no @From
          from = new JsonArray();
          from.add(model.getAsJsonArray("fields").get(field - 1).getAsJsonObject().get("name"));
        }
        int fromColumn = call.has("from") ? line.indexOf("@From(value = {") + 15 : line.indexOf("@Block") + 1;
        if (kind.equals("refused-count")) {
          Matcher m = COUNT.matcher(model.getAsJsonObject("refused").get("keras").getAsString());
          assertWithMessage("Keras's message").that(m.matches()).isTrue();
          String names = Stream.of(m.group(2).split(", ")).collect(Collectors.joining(", "));
          assertThat(text).startsWith("[paramcheck:block-input-count] layer '" + call.get("name").getAsString() + "'");
          assertThat(text).contains(" takes " + m.group(1) + " tensor");
          assertThat(text).contains("(" + names + "), but it gets " + m.group(3) + ": ");
          if (compiler == TestCompiler.JAVAC) { // on the @From value; ecj has no position inside it
            assertThat(error.getColumnNumber()).isEqualTo(fromColumn);
          }
          return;
        }
        // a tensor of the wrong shape: Keras's message, or for the kinds paramcheck decides the
        // declared shapes of the tensor and of the block's input
        int index;
        String name;
        String wanted;
        String found;
        if (kind.equals("refused-shape")) {
          Matcher m = SHAPE.matcher(model.getAsJsonObject("refused").get("keras").getAsString());
          assertWithMessage("Keras's message").that(m.matches()).isTrue();
          index = Integer.parseInt(m.group(1));
          name = m.group(2);
          wanted = m.group(3);
          found = m.group(4);
        } else {
          index = -1;
          for (int k = 0; k < from.size(); k++) {
            if (from.get(k).getAsString().equals("wrong")) {
              index = k;
            }
          }
          JsonObject block = blockInput(model, call, index);
          name = block.get("name").getAsString();
          wanted = shape(block);
          found = shape(field(model, "wrong"));
        }
        assertThat(from.get(index).getAsString()).isEqualTo("wrong");
        boolean one = blockInputs(model, call) == 1;
        assertThat(text).startsWith("[paramcheck:block-input] layer '" + call.get("name").getAsString() + "'");
        assertThat(text).contains(" gets " + found + (one ? ", but block Functional takes " + wanted
            : " for input '" + name + "' (tensor " + index + " of @From), but block Functional's @Input '" + name
                + "' takes " + wanted + ": "));
        if (compiler == TestCompiler.JAVAC) { // on the value at fault (one block input: on @From)
          int column = one ? fromColumn : valueColumn(line, index);
          assertThat(error.getColumnNumber()).isEqualTo(column);
        }
      }));
    });
  }

  /** The column (from 1) of the {@code k}th string of the line's {@code @From} value. */
  private static int valueColumn(String line, int k) {
    int at = line.indexOf("@From(value = {");
    for (int i = 0; i <= k; i++) {
      at = line.indexOf('"', at + 1);
      if (i < k) {
        at = line.indexOf('"', at + 1);
      }
    }
    return at + 1;
  }

  /** The outer model's field that calls the block (the first @Block field). */
  private static int blockField(JsonObject model) {
    JsonArray fields = model.getAsJsonArray("fields");
    for (int i = 0; i < fields.size(); i++) {
      if (type(fields.get(i).getAsJsonObject()).equals("Block")) {
        return i;
      }
    }
    throw new AssertionError("no @Block field in " + model.get("id"));
  }

  private static String type(JsonObject field) {
    return field.getAsJsonArray("annotations").get(0).getAsJsonObject().get("type").getAsString();
  }

  private static JsonObject field(JsonObject model, String name) {
    for (JsonElement f : model.getAsJsonArray("fields")) {
      if (f.getAsJsonObject().get("name").getAsString().equals(name)) {
        return f.getAsJsonObject();
      }
    }
    throw new AssertionError("no field " + name);
  }

  private static List<JsonObject> inputsOf(JsonObject model, JsonObject call) {
    String key = call.getAsJsonArray("annotations").get(0).getAsJsonObject().getAsJsonObject("attrs")
        .get("value").getAsString();
    List<JsonObject> inputs = new ArrayList<>();
    for (JsonElement f : model.getAsJsonObject("blocks").getAsJsonObject(key).getAsJsonArray("fields")) {
      if (type(f.getAsJsonObject()).equals("Input")) {
        inputs.add(f.getAsJsonObject());
      }
    }
    return inputs;
  }

  private static int blockInputs(JsonObject model, JsonObject call) {
    return inputsOf(model, call).size();
  }

  private static JsonObject blockInput(JsonObject model, JsonObject call, int index) {
    return inputsOf(model, call).get(index);
  }

  /** An {@code @Input}'s declared shape as Keras prints it with the batch axis: {@code (None, None, 6)}. */
  private static String shape(JsonObject input) {
    List<String> dims = new ArrayList<>();
    dims.add("None");
    for (JsonElement d : input.getAsJsonArray("annotations").get(0).getAsJsonObject().getAsJsonObject("attrs")
        .getAsJsonArray("shape")) {
      dims.add(d.getAsInt() == -1 ? "None" : d.getAsString());
    }
    return "(" + String.join(", ", dims) + ")";
  }
}
