package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * {@code @Block}: a model class used as one layer. The reference is Keras 3.15.1 running the same
 * model with a custom layer used twice, the second frozen ({@code
 * tools/corpus/attention/block_example.py}, printout {@code keras/block-feedforward-108.txt}).
 */
class BlockTest {
  private static final JavaFileObject FEED_FORWARD = Compiled.source("test.FeedForward",
      "package test;",
      "import dev.paramcheck.*;",
      "public class FeedForward {",
      "  @Input(shape = {4, 8}) Object x;",
      "  @Dense(units = 16) Object up;",
      "  @Dense(units = 8) Object down;",
      "}");

  private static final JavaFileObject M = Compiled.source("test.M",
      "package test;",
      "import dev.paramcheck.*;",
      "public class M {",
      "  @Input(shape = {4, 8}) Object x;",
      "  @Block(FeedForward.class) Object ff1;",
      "  @Block(value = FeedForward.class, trainable = false) Object ff2;",
      "}");

  private static String printout(String name) {
    try (InputStream in = BlockTest.class.getResourceAsStream("/keras/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ProcessorTest
  void aBlockUsedTwiceIsCountedTwiceAndPrintedAsKerasPrintsACustomLayer(TestCompiler compiler) {
    Compilation c = compiler.compile(List.of("-Aparamcheck.tableWidth=108"), List.of(FEED_FORWARD, M));
    assertWithMessage("%s", TestCompiler.describe(c.errors())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
    Map<String, Long> constants = Compiled.constants(c, "test.MSummary");
    assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(560);
    assertThat(constants.get("TRAINABLE_PARAMS")).isEqualTo(280);
    assertThat(constants.get("FF1_PARAMS")).isEqualTo(280);
    assertThat(constants.get("FF2_UP_KERNEL_PARAMS")).isEqualTo(128); // ff2/up/kernel (8, 16)
    assertThat(FunctionalCorpusTest.kerasPart(Compiled.table(c, "test.MSummary")))
        .isEqualTo(printout("block-feedforward-108.txt"));
    // the block's own summary still lists its layers
    assertThat(Compiled.constants(c, "test.FeedForwardSummary").get("TOTAL_PARAMS")).isEqualTo(280);
  }

  @ProcessorTest
  void aBlockThatUsesItselfThroughAnotherIsACycle(TestCompiler compiler) {
    JavaFileObject a = Compiled.source("test.A",
        "package test;",
        "import dev.paramcheck.*;",
        "public class A {",
        "  @Input(shape = {4, 8}) Object x;",
        "  @Block(B.class) Object b;",
        "}");
    JavaFileObject b = Compiled.source("test.B",
        "package test;",
        "import dev.paramcheck.*;",
        "public class B {",
        "  @Input(shape = {4, 8}) Object x;",
        "  @Block(A.class) Object a;",
        "}");
    Compilation c = compiler.compile(List.of(), List.of(a, b));
    assertThat(c.status()).isEqualTo(Compilation.Status.FAILURE);
    List<String> errors = c.errors().stream().map(d -> d.getLineNumber() + " " + d.getMessage(Locale.ROOT)).toList();
    assertThat(errors).containsExactly(
        "5 [paramcheck:block-cycle] @Block(B.class) on field 'b' uses a block that uses this model: A -> B -> A;"
            + " a block cannot contain itself, directly or through other blocks",
        "5 [paramcheck:block-cycle] @Block(A.class) on field 'a' uses a block that uses this model: B -> A -> B;"
            + " a block cannot contain itself, directly or through other blocks");
  }

  @ProcessorTest
  void aBlockThatUsesItselfIsACycle(TestCompiler compiler) {
    JavaFileObject self = Compiled.source("test.Self",
        "package test;",
        "import dev.paramcheck.*;",
        "public class Self {",
        "  @Input(shape = {4, 8}) Object x;",
        "  @Block(Self.class) Object again;",
        "}");
    compiler.assertOnlyError(compiler.compile(List.of(), self), self,
        "[paramcheck:block-cycle] @Block(Self.class) on field 'again' uses a block that uses this model: Self ->"
            + " Self; a block cannot contain itself, directly or through other blocks",
        "@Block(Self.class)");
  }

  @ProcessorTest
  void aTensorOfAnotherShapeIsRefused(TestCompiler compiler) {
    JavaFileObject wrong = Compiled.source("test.Wrong",
        "package test;",
        "import dev.paramcheck.*;",
        "public class Wrong {",
        "  @Input(shape = {4, 6}) Object x;",
        "  @Block(FeedForward.class) Object ff;",
        "}");
    Compilation c = compiler.compile(List.of(), List.of(FEED_FORWARD, wrong));
    List<String> errors = c.errors().stream().map(d -> d.getLineNumber() + " " + d.getMessage(Locale.ROOT)).toList();
    assertThat(errors).containsExactly("5 [paramcheck:block-input] layer 'ff' (FeedForward) gets (None, 4, 6), but"
        + " block FeedForward takes (None, 4, 8) (its @Input): give it a tensor of that shape");
  }

  @ProcessorTest
  void aBlockItsModelsConventionCannotExpressQuotesTheBlocksError(TestCompiler compiler) {
    // the block compiles cleanly under Keras's rules; in a PyTorch model its GRU has no torch equivalent
    JavaFileObject keras = Compiled.source("test.KerasGru",
        "package test;",
        "import dev.paramcheck.*;",
        "public class KerasGru {",
        "  @Input(shape = {4, 8}) Object x;",
        "  @Gru(units = 3, resetAfter = false, returnSequences = true) Object gru;",
        "}");
    JavaFileObject torch = Compiled.source("test.TorchModel",
        "package test;",
        "import dev.paramcheck.*;",
        "@Convention(Framework.PYTORCH)",
        "public class TorchModel {",
        "  @Input(shape = {4, 8}) Object x;",
        "  @Block(KerasGru.class) Object encoder;",
        "}");
    Compilation c = compiler.compile(List.of(), List.of(keras, torch));
    List<String> errors = c.errors().stream()
        .map(d -> compiler.sameFile(d, torch) + " " + d.getLineNumber() + " " + d.getMessage(Locale.ROOT)).toList();
    assertThat(errors).containsExactly("true 6 [paramcheck:block-invalid] layer 'encoder' (KerasGru) uses block"
        + " KerasGru, which cannot be counted under the PyTorch convention: its own error is"
        + " [paramcheck:not-in-pytorch] layer 'gru' (GRU): resetAfter = false has no PyTorch equivalent"
        + " (torch.nn.GRU applies the reset gate after the recurrent matrix, as Keras's reset_after = true), so"
        + " the model cannot be counted under the PyTorch convention; set resetAfter = true, or count the model"
        + " under the Keras convention; fix it in test.KerasGru");
  }

  @ProcessorTest
  void budgetsOnTheBlockAndOnTheFieldBothApply(TestCompiler compiler) {
    JavaFileObject block = Compiled.source("test.FeedForward",
        "package test;",
        "import dev.paramcheck.*;",
        "@ParamBudget(max = 200)",
        "public class FeedForward {",
        "  @Input(shape = {4, 8}) Object x;",
        "  @Dense(units = 16) Object up;",
        "  @Dense(units = 8) Object down;",
        "}");
    JavaFileObject model = Compiled.source("test.M",
        "package test;",
        "import dev.paramcheck.*;",
        "public class M {",
        "  @Input(shape = {4, 8}) Object x;",
        "  @ParamBudget(max = 100)",
        "  @Block(FeedForward.class) Object ff1;",
        "}");
    Compilation c = compiler.compile(List.of(), List.of(block, model));
    List<String> errors = c.errors().stream().map(d -> d.getLineNumber() + " " + d.getMessage(Locale.ROOT)).toList();
    assertThat(errors).containsExactly(
        "3 [paramcheck:over-budget] model FeedForward has 280 parameters, 80 over its budget of 200. Largest"
            + " layers: up 144 (51.4%), down 136 (48.6%). Raise max or make those layers smaller",
        "5 [paramcheck:over-budget] layer 'ff1' (FeedForward) has 280 parameters (up kernel 128 + up bias 16 +"
            + " down kernel 128 + down bias 8), 180 over its budget of 100. Raise max or make the layer smaller");
  }

  /** A block of two inputs and two outputs: Dense(4) on {@code a}, LSTM(3) on {@code b}. */
  private static final JavaFileObject INNER = Compiled.source("test.Inner",
      "package test;",
      "import dev.paramcheck.*;",
      "public class Inner {",
      "  @Input(shape = {5, 8}) Object a;",
      "  @Input(shape = {5, 8}) Object b;",
      "  @From(\"a\") @Dense(units = 4) Object d;",
      "  @From(\"b\") @Lstm(units = 3, returnSequences = true) Object l;",
      "}");

  /**
   * Under the PyTorch convention a block of several inputs is one {@code nn.Module} with its layers'
   * parameters: torch counts 192 for {@code nn.Linear(8, 4)} and {@code nn.LSTM(8, 3)}, 384 for two
   * of them ({@code tools/corpus/blocks/block_examples.py}); the record lists the model's inputs and
   * each layer's inbound tensors, the block's outputs taken by index.
   */
  @ProcessorTest
  void aBlockOfTwoInputsIsOneTorchModuleAndItsRecordListsItsTensors(TestCompiler compiler) throws Exception {
    JavaFileObject outer = Compiled.source("test.Outer",
        "package test;",
        "import dev.paramcheck.*;",
        "@Convention(Framework.PYTORCH)",
        "public class Outer {",
        "  @Input(shape = {5, 8}) Object p;",
        "  @Input(shape = {5, 8}) Object q;",
        "  @From({\"p\", \"q\"}) @Block(Inner.class) Object inner;",
        "  @From({\"q\", \"p\"}) @Block(Inner.class) Object inner2;",
        "  @From({\"inner[0]\", \"inner[1]\", \"inner2[1]\"}) @Concatenate Object cat;",
        "}");
    Compilation c = compiler.compile(List.of(), List.of(INNER, outer));
    assertWithMessage("%s", TestCompiler.describe(c.errors())).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
    Map<String, Long> constants = Compiled.constants(c, "test.OuterSummary");
    assertThat(constants.get("INNER_PARAMS")).isEqualTo(192);
    assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(384);
    com.google.gson.JsonObject record = com.google.gson.JsonParser.parseString(TestCompiler.text(
        c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "META-INF/paramcheck/test.Outer.json").orElseThrow()))
        .getAsJsonObject();
    assertThat(record.get("inputs").toString())
        .isEqualTo("[{\"name\":\"p\",\"shape\":\"(None, 5, 8)\"},{\"name\":\"q\",\"shape\":\"(None, 5, 8)\"}]");
    List<String> inbound = new java.util.ArrayList<>();
    record.getAsJsonArray("layers").forEach(l -> inbound.add(l.getAsJsonObject().get("name").getAsString() + " "
        + l.getAsJsonObject().get("inbound")));
    assertThat(inbound).containsExactly("inner [\"p[0][0]\",\"q[0][0]\"]", "inner2 [\"q[0][0]\",\"p[0][0]\"]",
        "cat [\"inner[0][0]\",\"inner[0][1]\",\"inner2[0][1]\"]");
  }

  @ProcessorTest
  void aWrongNumberOfTensorsNamesTheBlocksInputs(TestCompiler compiler) {
    JavaFileObject outer = Compiled.source("test.Three",
        "package test;",
        "import dev.paramcheck.*;",
        "public class Three {",
        "  @Input(shape = {5, 8}) Object p;",
        "  @Input(shape = {5, 8}) Object q;",
        "  @From({\"p\", \"q\", \"p\"}) @Block(Inner.class) Object inner;",
        "}");
    compiler.assertOnlyError(compiler.compile(List.of(), List.of(INNER, outer)), outer,
        "[paramcheck:block-input-count] layer 'inner' (Inner) takes 2 tensors, one per @Input of block Inner ('a',"
            + " 'b'), but it gets 3: (None, 5, 8), (None, 5, 8), (None, 5, 8); name one tensor per input in @From, in"
            + " that order",
        "@Block(Inner.class) Object inner");
  }

  @ProcessorTest
  void aTensorOfAnotherShapeNamesTheInputAndBothShapes(TestCompiler compiler) {
    JavaFileObject outer = Compiled.source("test.Narrow",
        "package test;",
        "import dev.paramcheck.*;",
        "public class Narrow {",
        "  @Input(shape = {5, 8}) Object p;",
        "  @Input(shape = {5, 6}) Object r;",
        "  @From({\"p\", \"r\"}) @Block(Inner.class) Object inner;",
        "}");
    Compilation c = compiler.compile(List.of(), List.of(INNER, outer));
    compiler.assertOnlyError(c, outer,
        "[paramcheck:block-input] layer 'inner' (Inner) gets (None, 5, 6) for input 'b' (tensor 1 of @From), but"
            + " block Inner's @Input 'b' takes (None, 5, 8): give it a tensor of that shape; @From names one tensor"
            + " per @Input, in declaration order",
        "@Block(Inner.class) Object inner");
    if (compiler == TestCompiler.JAVAC) { // on the value "r"; ecj has no position inside @From
      assertThat(c.errors().get(0).getColumnNumber()).isEqualTo(15);
    }
  }

  /** Keras refuses to call a block with Conv1D(kernel 5) on a length of 3 ({@code block_examples.py}). */
  @ProcessorTest
  void aBlockIsWalkedAgainOnTheLengthItIsCalledOn(TestCompiler compiler) {
    JavaFileObject block = Compiled.source("test.ConvBlock",
        "package test;",
        "import dev.paramcheck.*;",
        "public class ConvBlock {",
        "  @Input(shape = {-1, 8}) Object x;",
        "  @Conv1d(filters = 4, kernelSize = 5) Object conv;",
        "}");
    JavaFileObject outer = Compiled.source("test.Short",
        "package test;",
        "import dev.paramcheck.*;",
        "public class Short {",
        "  @Input(shape = {3, 8}) Object s;",
        "  @Block(ConvBlock.class) Object conv;",
        "}");
    compiler.assertOnlyError(compiler.compile(List.of(), List.of(block, outer)), outer,
        "[paramcheck:block-input] layer 'conv' (ConvBlock): block ConvBlock cannot be called on (None, 3, 8):"
            + " [paramcheck:window-too-long]",
        "@Block(ConvBlock.class)");
  }
}
