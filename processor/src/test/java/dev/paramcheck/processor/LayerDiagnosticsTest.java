package dev.paramcheck.processor;

import static dev.paramcheck.processor.Compiled.model;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The errors of the layer kinds, costs and conventions, each with its exact text, file and line,
 * and that it is the only one, under javac and ecj.
 */
class LayerDiagnosticsTest {
  private static void onlyError(TestCompiler compiler, JavaFileObject file, String message, String line) {
    onlyError(compiler, List.of(), file, message, line);
  }

  private static void onlyError(
      TestCompiler compiler, List<String> options, JavaFileObject file, String message, String line) {
    compiler.assertOnlyError(compiler.compile(options, file), file, message, line);
  }

  @ProcessorTest
  void firstLayerThatCannotTakeTheInput(TestCompiler compiler) {
    onlyError(compiler, model("public class M {", "  @Dropout(rate = 0.5) Object drop;", "  @Dense(units = 2) Object out;", "}"),
        "[paramcheck:not-an-input-layer] layer 'drop' (Dropout) is the first layer, but it cannot take the"
            + " model's input: start the model with @SimpleRnn, @Lstm, @Gru, @Dense, @Embedding, @Conv1d,"
            + " @Masking or @TextVectorization, which declare the input with features (and timesteps), or"
            + " declare the input with an @Input field before it",
        "Object drop");
  }

  @ProcessorTest
  void kernelLongerThanItsInput(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Conv1d(filters = 4, kernelSize = 3, features = 2, timesteps = 8) Object first;",
            "  @Conv1d(filters = 4, kernelSize = 5, dilationRate = 2) Object conv;",
            "}"),
        "[paramcheck:window-too-long] layer 'conv' (Conv1D): kernelSize 5 with dilationRate 2 needs 9"
            + " timesteps, but it gets 6 from layer 'first' (Conv1D), so the output would be empty; use a"
            + " smaller kernelSize, padding SAME, or a longer input",
        "Object conv");
  }

  @ProcessorTest
  void poolLongerThanItsInput(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Lstm(units = 4, features = 2, timesteps = 3, returnSequences = true) Object lstm;",
            "  @MaxPooling1d(poolSize = 4) Object pool;",
            "}"),
        "[paramcheck:window-too-long] layer 'pool' (MaxPooling1D): poolSize 4 needs 4 timesteps, but it"
            + " gets 3 from layer 'lstm' (LSTM), so the output would be empty",
        "poolSize = 4");
  }

  @ProcessorTest
  void sequenceLayerAfterAVector(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Conv1d(filters = 8, kernelSize = 3, features = 2) Object conv;",
            "  @GlobalMaxPooling1d Object pool;",
            "  @Conv1d(filters = 8, kernelSize = 3) Object again;",
            "}"),
        "[paramcheck:needs-sequence] layer 'again' (Conv1D) needs an input with a time axis, but layer"
            + " 'pool' (GlobalMaxPooling1D) outputs (None, 8): layer 'pool' (GlobalMaxPooling1D) removes the"
            + " time axis: move it after this layer, or remove it",
        "Object again");
  }

  @ProcessorTest
  void repeatVectorAfterASequence(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Lstm(units = 4, features = 2, returnSequences = true) Object encoder;",
            "  @RepeatVector(n = 10) Object repeat;",
            "}"),
        "[paramcheck:needs-vector] layer 'repeat' (RepeatVector) needs a plain vector, but layer 'encoder'"
            + " (LSTM) before it outputs (None, None, 4): set returnSequences = false on the recurrent layer"
            + " before it, or add @GlobalAveragePooling1d or @Flatten before it",
        "Object repeat");
  }

  @ProcessorTest
  void flattenOfAnUnknownLength(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Embedding(inputDim = 100, outputDim = 8) Object tokens;",
            "  @Flatten Object flat;",
            "}"),
        "[paramcheck:unknown-length] layer 'flat' (Flatten) flattens the sequence (None, None, 8) from"
            + " layer 'tokens' (Embedding), whose length is unknown: set timesteps on the first layer, or"
            + " use @GlobalAveragePooling1d or @GlobalMaxPooling1d, which need no length",
        "Object flat");
  }

  @ProcessorTest
  void groupsThatDoNotDivideTheFeatures(TestCompiler compiler) {
    onlyError(compiler, model("public class M {", "  @Conv1d(filters = 6, kernelSize = 3, groups = 3, features = 4) Object conv;", "}"),
        "[paramcheck:groups-mismatch] groups = 3 on layer 'conv' (Conv1D) does not divide the 4 input"
            + " features that the model's input outputs: use a divisor of 4, or change the features",
        "groups = 3");
  }

  @ProcessorTest
  void groupsThatDoNotDivideTheFilters(TestCompiler compiler) {
    onlyError(compiler, model("public class M {", "  @Conv1d(filters = 5, kernelSize = 3, groups = 2, features = 4) Object conv;", "}"),
        "[paramcheck:groups-mismatch] groups = 2 on layer 'conv' (Conv1D) does not divide filters = 5:"
            + " Keras splits the filters into groups; use a divisor of 5",
        "groups = 2");
  }

  @ProcessorTest
  void stridesWithDilation(TestCompiler compiler) {
    onlyError(compiler, model("public class M {", "  @Conv1d(filters = 4, kernelSize = 3, strides = 2, dilationRate = 2, features = 4) Object conv;", "}"),
        "[paramcheck:strides-with-dilation] strides = 2 with dilationRate = 2 on layer 'conv' (Conv1D):"
            + " Keras does not support strides > 1 together with dilationRate > 1; set one of them to 1",
        "dilationRate = 2");
  }

  @ProcessorTest
  void causalPooling(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Conv1d(filters = 4, kernelSize = 3, features = 4) Object conv;",
            "  @AveragePooling1d(padding = Padding.CAUSAL) Object pool;",
            "}"),
        "[paramcheck:causal-pooling] padding = CAUSAL on layer 'pool' (AveragePooling1D): Keras pools with"
            + " VALID or SAME padding only; use one of those",
        "Padding.CAUSAL");
  }

  @ProcessorTest
  void unknownActivation(TestCompiler compiler) {
    onlyError(compiler, model("public class M {", "  @Dense(units = 4, features = 4) Object dense;", "  @Activation(\"rectified\") Object act;", "}"),
        "[paramcheck:unknown-activation] value = \"rectified\" on layer 'act' (Activation) is not a Keras"
            + " activation: use one of relu, leaky_relu, relu6, softmax, elu, selu, softplus, softsign, silu,"
            + " swish, gelu, tanh, sigmoid, exponential, hard_sigmoid, hard_silu, hard_swish, linear, mish,"
            + " log_softmax, crelu",
        "\"rectified\"");
  }

  @ProcessorTest
  void rateAboveOne(TestCompiler compiler) {
    onlyError(compiler, model("public class M {", "  @Dense(units = 4, features = 4) Object dense;", "  @SpatialDropout1d(rate = 1.5) Object drop;", "}"),
        "[paramcheck:invalid-value] rate = 1.5 on layer 'drop' (SpatialDropout1D): rate must be from 0 to 1,"
            + " the fraction of units dropped, as Keras accepts",
        "rate = 1.5");
  }

  @ProcessorTest
  void noiseAboveOne(TestCompiler compiler) {
    onlyError(compiler, model("public class M {", "  @Dense(units = 4, features = 4) Object dense;", "  @GaussianNoise(stddev = 2) Object noise;", "}"),
        "[paramcheck:invalid-value] stddev = 2.0 on layer 'noise' (GaussianNoise): stddev must be from 0 to"
            + " 1, the noise's standard deviation, as Keras accepts",
        "stddev = 2");
  }

  @ProcessorTest
  void timestepsAssertionThatDiffers(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Conv1d(filters = 4, kernelSize = 5, features = 2, timesteps = 100) Object conv;",
            "  @Lstm(timesteps = 100, units = 4) Object lstm;",
            "}"),
        "[paramcheck:timesteps-mismatch] timesteps = 100 on layer 'lstm' (LSTM), but layer 'conv' (Conv1D)"
            + " before it outputs (None, 96, 4): remove timesteps to infer it, or set it to 96",
        "@Lstm(timesteps = 100");
  }

  @ProcessorTest
  void timeDistributedBesideARecurrentLayer(TestCompiler compiler) {
    onlyError(compiler, model("public class M {", "  @Lstm(units = 4, features = 2)", "  @TimeDistributed Object lstm;", "}"),
        "[paramcheck:time-distributed-not-dense] @TimeDistributed cannot wrap layer 'lstm' (LSTM):"
            + " paramcheck applies only @Dense to every time step; remove @TimeDistributed",
        "@TimeDistributed");
  }

  @ProcessorTest
  void timeDistributedBesideNothing(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Lstm(units = 4, features = 2, returnSequences = true) Object lstm;",
            "  @TimeDistributed Object nothing;",
            "}"),
        "[paramcheck:time-distributed-without-layer] @TimeDistributed on field 'nothing' wraps nothing: put"
            + " it beside @Dense on the same field, or remove it",
        "Object nothing");
  }

  // ------------------------------------------------------------------ costs and conventions

  @ProcessorTest
  void sizeThatIsNotASize(TestCompiler compiler) {
    onlyError(compiler, model("@SizeBudget(max = \"2 KB\")", "@SimpleRnn(units = 10, features = 1)", "public class M {}"),
        "[paramcheck:invalid-size] max = \"2 KB\" on @SizeBudget of model M is not a size (KB is ambiguous:"
            + " Keras prints 1024-based sizes as \"KB\"; write KiB for 1,024 bytes or kB for 1,000): write a"
            + " number and a unit: B, KiB, MiB, GiB (1024-based) or kB, MB, GB (1000-based), such as \"2 MiB\","
            + " \"1.5 MB\" or \"640 B\"",
        "\"2 KB\"");
  }

  @ProcessorTest
  void overSizeBudgetAtItsPrecision(TestCompiler compiler) {
    // keras.io guide model, 164,106 parameters; Keras 3: prod(shape) * 16 / 8 bytes at float16
    onlyError(compiler, model(
            "@Precision(Dtype.FLOAT16)",
            "@SizeBudget(max = \"300 KiB\")",
            "public class M {",
            "  @Embedding(inputDim = 1000, outputDim = 64) Object embedding;",
            "  @Lstm(units = 128) Object lstm;",
            "  @Dense(units = 10) Object dense;",
            "}"),
        "[paramcheck:over-budget] model M takes 328,212 bytes (320.52 KiB) at its precision, 21,012 bytes"
            + " (20.52 KiB) over its size budget of 300 KiB = 307,200 bytes. Largest layers: lstm 197,632"
            + " (60.2%), embedding 128,000 (39.0%), dense 2,580 (0.8%). Raise max, lower the precision"
            + " (@Precision) or make those layers smaller",
        "\"300 KiB\"");
  }

  @ProcessorTest
  void overTrainableBudget(TestCompiler compiler) {
    onlyError(compiler, model(
            "@ParamBudget(max = 40_000, trainableOnly = true)",
            "public class M {",
            "  @Embedding(inputDim = 1000, outputDim = 64, trainable = false) Object embedding;",
            "  @Lstm(units = 128) Object lstm;",
            "  @Dense(units = 10) Object dense;",
            "}"),
        "[paramcheck:over-budget] model M has 100,106 trainable parameters, 60,106 over its budget of 40,000"
            + " (trainableOnly = true). Largest trainable layers: lstm 98,816 (98.7%), dense 1,290 (1.3%),"
            + " embedding 0 (0.0%). Raise max, freeze layers (trainable = false) or make them smaller",
        "max = 40_000");
  }

  @ProcessorTest
  void overMacBudget(TestCompiler compiler) {
    // worked by hand: LSTM(64) on 128 features: 4 * 64 * (128 + 64) + 4 * 64 = 49,408 parameters,
    // applied at each of 100 steps: 4,940,800 multiply-accumulates per sample
    onlyError(compiler, model(
            "@MacBudget(max = 4_000_000)",
            "public class M {",
            "  @Lstm(units = 64, features = 128, timesteps = 100) Object lstm;",
            "}"),
        "[paramcheck:over-budget] model M costs 4,940,800 multiply-accumulates per sample, 940,800 over its"
            + " budget of 4,000,000. Largest layers: lstm 4,940,800 (100.0%). Raise max, shorten the input or"
            + " make those layers smaller",
        "max = 4_000_000");
  }

  @ProcessorTest
  void macBudgetWithoutAKnownLength(TestCompiler compiler) {
    onlyError(compiler, model("@MacBudget(max = 1_000)", "public class M {", "  @Lstm(units = 4, features = 2) Object lstm;", "}"),
        "[paramcheck:macs-unknown] @MacBudget on model M needs the length of the input to count"
            + " multiply-accumulates, but the model's input has no timesteps: set timesteps on the first layer"
            + " (layer 'lstm')",
        "@MacBudget");
  }

  @ProcessorTest
  void gruWithoutResetAfterUnderPyTorch(TestCompiler compiler) {
    onlyError(compiler, model(
            "@Convention(Framework.PYTORCH)",
            "public class M {",
            "  @Gru(units = 4, features = 2, resetAfter = false) Object gru;",
            "}"),
        "[paramcheck:not-in-pytorch] layer 'gru' (GRU): resetAfter = false has no PyTorch equivalent"
            + " (torch.nn.GRU applies the reset gate after the recurrent matrix, as Keras's reset_after ="
            + " true), so the model cannot be counted under the PyTorch convention; set resetAfter = true, or"
            + " count the model under the Keras convention",
        "resetAfter = false");
  }

  @ProcessorTest
  void mergeModeUnderPyTorchFromTheOption(TestCompiler compiler) {
    onlyError(compiler, List.of("-Aparamcheck.convention=pytorch"), model(
            "public class M {",
            "  @Bidirectional(merge = Bidirectional.Merge.SUM) @Lstm(units = 4, features = 2) Object lstm;",
            "}"),
        "[paramcheck:not-in-pytorch] layer 'lstm' (LSTM): @Bidirectional(merge = SUM) has no PyTorch"
            + " equivalent (a bidirectional torch.nn layer always concatenates the two directions)",
        "Bidirectional.Merge.SUM");
  }

  @ProcessorTest
  void normalizationWithCenterButNoScaleUnderPyTorch(TestCompiler compiler) {
    onlyError(compiler, model(
            "@Convention(Framework.PYTORCH)",
            "public class M {",
            "  @Dense(units = 4, features = 2) Object dense;",
            "  @LayerNormalization(scale = false) Object norm;",
            "}"),
        "[paramcheck:not-in-pytorch] layer 'norm' (LayerNormalization): center = true with scale = false"
            + " has no PyTorch equivalent (torch.nn.LayerNorm has both weight and bias (affine) or neither)",
        "Object norm");
  }

  @ProcessorTest
  void invalidConventionOption(TestCompiler compiler) {
    compiler.assertOnlyErrorWithoutFile(
        compiler.compile(List.of("-Aparamcheck.convention=torch"), model("@Dense(units = 1, features = 1)", "public class M {}")),
        "[paramcheck:invalid-option] -Aparamcheck.convention=torch is not a valid value: use keras (the"
            + " default) or pytorch");
  }

  @ProcessorTest
  void precisionOnAFieldWithoutALayer(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Dense(units = 4, features = 2) Object dense;",
            "  @Precision(Dtype.FLOAT16) Object nothing;",
            "}"),
        "[paramcheck:precision-without-layer] @Precision on field 'nothing' sets a layer's precision, but the"
            + " field has no layer annotation",
        "Object nothing");
  }
}
