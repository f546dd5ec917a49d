package dev.paramcheck.processor;

import static dev.paramcheck.processor.Compiled.model;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The errors of functional models ({@code @Input}, {@code @From}, merges, states), each with its
 * exact text, and on the exact {@code @From} value at fault, under javac and ecj.
 */
class FunctionalDiagnosticsTest {
  private static void onlyError(TestCompiler compiler, JavaFileObject file, String message, String line) {
    compiler.assertOnlyError(compiler.compile(List.of(), file), file, message, line);
  }

  /**
   * The line of an array element at fault: javac points at the element; ecj hands processors no
   * position for an array's elements, so its error sits on the annotation (documented in the README).
   */
  private static String arrayElement(TestCompiler compiler, String javac, String ecj) {
    return compiler == TestCompiler.ECJ ? ecj : javac;
  }

  @ProcessorTest
  void unknownFieldInFrom(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {8}) Object left;",
            "  @Input(shape = {8}) Object right;",
            "  @From({\"left\",",
            "         \"rigth\"})",
            "  @Add Object sum;",
            "}"),
        "[paramcheck:from-unknown] @From(value = \"rigth\") on field 'sum': there is no field 'rigth'; name a"
            + " field of M declared with a layer or @Input (right, left, sum)",
        arrayElement(compiler, "\"rigth\"", "@From({\"left\","));
  }

  @ProcessorTest
  void indexPastTheOutputs(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(features = 4) Object x;",
            "  @Lstm(units = 8) Object encoder;",
            "  @Input(features = 4) Object y;",
            "  @From(value = \"y\", initialState = {\"encoder[1]\", \"encoder[2]\"})",
            "  @Lstm(units = 8) Object decoder;",
            "}"),
        "[paramcheck:from-index] @From(initialState = \"encoder[1]\") on field 'decoder': layer 'encoder'"
            + " (LSTM) has 1 output tensor(s) ((None, 8)), so the index must be from 0 to 0; set returnState"
            + " = true on it to take its states",
        "initialState");
  }

  @ProcessorTest
  void cycle(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {8}) Object x;",
            "  @From({\"x\", \"b\"}) @Add Object a;",
            "  @From(\"a\") @Dense(units = 8) Object b;",
            "}"),
        "[paramcheck:from-cycle] @From(value = \"b\") on field 'a' closes a cycle: b -> a -> b; a model's"
            + " layers must form a graph from the inputs to the outputs, so take this input from an earlier"
            + " layer",
        "@From({\"x\", \"b\"})");
  }

  @ProcessorTest
  void unusedInput(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {8}) Object x;",
            "  @Dense(units = 4) Object hidden;",
            "  @Input(shape = {3}) Object extra;",
            "}"),
        "[paramcheck:input-unused] @Input field 'extra' is not used by any layer: connect it with @From on"
            + " the layer that takes it, or remove it (Keras refuses a model input that no output depends on)",
        "Object extra");
  }

  @ProcessorTest
  void stateOfTheWrongSize(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(features = 4) Object x;",
            "  @Lstm(units = 16, returnState = true) Object encoder;",
            "  @Input(features = 4) Object y;",
            "  @From(value = \"y\",",
            "        initialState = {\"encoder[1]\",",
            "                        \"encoder[2]\"})",
            "  @Lstm(units = 8) Object decoder;",
            "}"),
        "[paramcheck:initial-state] @From(initialState = \"encoder[1]\") on field 'decoder' is (None, 16),"
            + " but layer 'decoder' (LSTM) needs (None, 8) for this state (h and c): take a state of 8 units,"
            + " or set units = 16",
        arrayElement(compiler, "initialState = {\"encoder[1]\",", "@From(value = \"y\","));
  }

  @ProcessorTest
  void concatenateOnTheWrongAxis(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {5, 8}) Object a;",
            "  @Input(shape = {6, 8}) Object b;",
            "  @From({\"a\", \"b\"}) @Concatenate Object both;",
            "}"),
        "[paramcheck:merge-shapes] layer 'both' (Concatenate) cannot merge (None, 5, 8) and (None, 6, 8):"
            + " Keras requires matching shapes except for the concatenation axis (axis = -1), but axis 1 has 5"
            + " and 6; concatenate on the axis that differs, or make the others equal",
        "@Concatenate");
  }

  @ProcessorTest
  void addOfIncompatibleShapes(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {8}) Object a;",
            "  @Input(shape = {4}) Object b;",
            "  @From({\"a\", \"b\"}) @Add Object sum;",
            "}"),
        "[paramcheck:merge-shapes] layer 'sum' (Add) cannot merge (None, 8) and (None, 4): Keras's \"Inputs"
            + " have incompatible shapes\": sizes 8 and 4 differ and neither is 1; make the inputs' shapes equal"
            + " (a size of 1 broadcasts)",
        "@Add");
  }

  @ProcessorTest
  void fromWithoutInput(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Lstm(units = 8, features = 4) Object a;",
            "  @From(\"a\") @Dense(units = 2) Object b;",
            "}"),
        "[paramcheck:from-without-input] @From on field 'b' connects layers, which needs a functional model:"
            + " declare its inputs with @Input fields (for example @Input(features = 8) Object inputs;) before"
            + " the layers",
        "@From(\"a\")");
  }

  @ProcessorTest
  void oneInputLayerGivenTwo(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {8}) Object a;",
            "  @Input(shape = {8}) Object b;",
            "  @From({\"a\", \"b\"}) @Dense(units = 2) Object d;",
            "}"),
        "[paramcheck:input-count] layer 'd' (Dense) takes one input, but @From names 2 ((None, 8), (None,"
            + " 8)): take one, or merge them first with @Concatenate, @Add or another merge layer",
        "@From({\"a\", \"b\"})");
  }

  @ProcessorTest
  void reshapeOfAnotherSize(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {6, 4}) Object x;",
            "  @Reshape(targetShape = {5, 5}) Object r;",
            "}"),
        "[paramcheck:reshape] layer 'r' (Reshape) cannot reshape (None, 6, 4) into (None, 5, 5): it has 24"
            + " elements, the target 25 (Keras: \"The total size of the tensor must be unchanged\"); write a"
            + " targetShape with as many elements, or one -1",
        "targetShape = {5, 5}");
  }
}
