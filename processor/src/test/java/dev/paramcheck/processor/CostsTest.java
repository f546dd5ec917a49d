package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.paramcheck.processor.Compiled.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Bytes at a precision, multiply-accumulates and the PyTorch convention, as a user reads them from
 * the generated summary. MACs are checked against worked examples computed by hand in the comments
 * and against torchinfo's published output; sizes against Keras 3's formula, {@code prod(shape) *
 * dtype_size(dtype) / 8} per weight ({@code keras/src/utils/summary_utils.py}, {@code
 * weight_memory_size}), and the sizes Keras prints for it.
 */
class CostsTest {
  private static JavaFileObject model(String... body) {
    String[] lines = new String[body.length + 2];
    lines[0] = "package test;";
    lines[1] = "import dev.paramcheck.*;";
    System.arraycopy(body, 0, lines, 2, body.length);
    return source("test.M", lines);
  }

  private static Map<String, Long> compiled(TestCompiler compiler, List<String> options, JavaFileObject f) {
    Compilation c = compiler.compile(options, f);
    compiler.assertSucceededWithoutWarnings(c);
    return Compiled.constants(c, "test.MSummary");
  }

  /** The keras.io RNN guide's first model: 164,106 parameters in its published Keras 3 summary. */
  private static final String[] GUIDE = {
    "  @Embedding(inputDim = 1000, outputDim = 64) Object embedding;",
    "  @Lstm(units = 128) Object lstm;",
    "  @Dense(units = 10) Object dense;",
    "}"
  };

  private static String[] guide(String... header) {
    String[] lines = new String[header.length + GUIDE.length];
    System.arraycopy(header, 0, lines, 0, header.length);
    System.arraycopy(GUIDE, 0, lines, header.length, GUIDE.length);
    return lines;
  }

  @ProcessorTest
  void bytesAtEachPrecisionAsKerasSizesThem(TestCompiler compiler) {
    // float32 (the default): 4 bytes each, "Total params: 164,106 (641.04 KB)" in the published summary
    Map<String, Long> f32 = compiled(compiler, List.of(), model(guide("public class M {")));
    assertThat(f32.get("TOTAL_BYTES")).isEqualTo(656_424L);
    assertThat(f32.get("LSTM_BYTES")).isEqualTo(395_264L);
    // float16 and bfloat16: 16 bits; float64: 64 bits (Keras's DTYPE_TO_SIZE)
    assertThat(compiled(compiler, List.of(), model(guide("@Precision(Dtype.FLOAT16)", "public class M {"))).get("TOTAL_BYTES"))
        .isEqualTo(328_212L);
    assertThat(compiled(compiler, List.of(), model(guide("@Precision(Dtype.BFLOAT16)", "public class M {"))).get("TOTAL_BYTES"))
        .isEqualTo(328_212L);
    assertThat(compiled(compiler, List.of(), model(guide("@Precision(Dtype.FLOAT64)", "public class M {"))).get("TOTAL_BYTES"))
        .isEqualTo(1_312_848L);
  }

  @ProcessorTest
  void aLayersPrecisionOverridesTheModels(TestCompiler compiler) {
    Compilation c = compiler.compile(List.of(), model(
        "@Precision(Dtype.FLOAT16)",
        "public class M {",
        "  @Precision(Dtype.FLOAT32) @Embedding(inputDim = 1000, outputDim = 64, trainable = false) Object embedding;",
        "  @Lstm(units = 128) Object lstm;",
        "  @Dense(units = 10) Object dense;",
        "}"));
    compiler.assertSucceededWithoutWarnings(c);
    Map<String, Long> constants = Compiled.constants(c, "test.MSummary");
    assertThat(constants.get("EMBEDDING_BYTES")).isEqualTo(256_000L); // 64,000 x 4
    assertThat(constants.get("LSTM_BYTES")).isEqualTo(197_632L); // 98,816 x 2
    assertThat(constants.get("TOTAL_BYTES")).isEqualTo(456_212L); // + 1,290 x 2
    assertThat(constants.get("NON_TRAINABLE_BYTES")).isEqualTo(256_000L);
    assertThat(constants.get("TRAINABLE_BYTES")).isEqualTo(200_212L);
    // as Keras's readable_memory_size prints the sums: 456,212 / 1024 = 445.52 KB, and so on
    assertThat(Compiled.table(c, "test.MSummary")).endsWith(
        " Total params: 164,106 (445.52 KB)\n"
            + " Trainable params: 100,106 (195.52 KB)\n"
            + " Non-trainable params: 64,000 (250.00 KB)\n");
  }

  @ProcessorTest
  void macsOfEachLayerKind(TestCompiler compiler) {
    Map<String, Long> c = compiled(compiler, List.of(), model(
        "public class M {",
        "  @Embedding(inputDim = 1000, outputDim = 8, timesteps = 100) Object tokens;",
        "  @Conv1d(filters = 16, kernelSize = 5) Object conv;",
        "  @BatchNormalization Object norm;",
        "  @MaxPooling1d(poolSize = 4) Object pool;",
        "  @Bidirectional @Gru(units = 8, returnSequences = true) Object gru;",
        "  @TimeDistributed @Dense(units = 4) Object perStep;",
        "  @Flatten Object flat;",
        "  @Dense(units = 1) Object out;",
        "}"));
    // worked by hand, parameters x positions:
    // tokens: a lookup costs 0
    assertThat(c.get("TOKENS_MACS")).isEqualTo(0L);
    // conv: 5 * 8 * 16 + 16 = 656 parameters at (100 - 5) / 1 + 1 = 96 output positions = 62,976
    assertThat(c.get("CONV_MACS")).isEqualTo(62_976L);
    // norm: normalization costs 0; pool: 96 / 4 = 24 steps, 0
    assertThat(c.get("NORM_MACS")).isEqualTo(0L);
    assertThat(c.get("POOL_MACS")).isEqualTo(0L);
    // gru: 2 directions x (3 x 8 x (16 + 8) + 2 x 3 x 8) = 2 x 624 = 1,248 parameters at 24 steps = 29,952
    assertThat(c.get("GRU_MACS")).isEqualTo(29_952L);
    // perStep: 16 * 4 + 4 = 68 parameters at 24 steps = 1,632
    assertThat(c.get("PER_STEP_MACS")).isEqualTo(1_632L);
    // out: 24 * 4 = 96 inputs, 97 parameters, on a vector = 97
    assertThat(c.get("OUT_MACS")).isEqualTo(97L);
    assertThat(c.get("TOTAL_MACS")).isEqualTo(62_976L + 29_952L + 1_632L + 97L);
  }

  @ProcessorTest
  void gaussianNoiseKeepsTheShapeAndHasNoWeights(TestCompiler compiler) {
    // TensorFlow.js 4.22, the same layers: Conv1D(8, 3) on [50, 4]: 104 [null,48,8];
    // GaussianNoise(0.1): 0 [null,48,8]; GlobalAveragePooling1D: 0 [null,8]; Dense(2): 18
    Compilation c = compiler.compile(List.of(), model(
        "public class M {",
        "  @Conv1d(filters = 8, kernelSize = 3, features = 4, timesteps = 50) Object conv;",
        "  @GaussianNoise(stddev = 0.1) Object noise;",
        "  @GlobalAveragePooling1d Object pool;",
        "  @Dense(units = 2) Object out;",
        "}"));
    compiler.assertSucceededWithoutWarnings(c);
    Map<String, Long> constants = Compiled.constants(c, "test.MSummary");
    assertThat(constants.get("NOISE_PARAMS")).isEqualTo(0L);
    assertThat(constants.get("TOTAL_PARAMS")).isEqualTo(104L + 18L);
    assertThat(Compiled.table(c, "test.MSummary")).contains("│ noise (GaussianNoise)                │ (None, 48, 8) ");
  }

  @ProcessorTest
  void noMacsWithoutTheInputLength(TestCompiler compiler) {
    Map<String, Long> c = compiled(compiler, List.of(), model(guide("public class M {")));
    assertThat(c).doesNotContainKey("TOTAL_MACS");
    assertThat(c).doesNotContainKey("LSTM_MACS");
  }

  @ProcessorTest
  void pytorchAgreesWithTorchinfosPublishedLstmOutput(TestCompiler compiler) {
    // torchinfo tests/test_output/lstm_custom_batch_size.out (processor/src/test/resources/torchinfo):
    // LSTMNet = Embedding(20, 300), LSTM(300, 512, num_layers=2), Linear(512, 20) on 100 tokens:
    // params 6,000 / 3,768,320 / 10,260, total 3,784,580, "Total mult-adds (M): 378.46",
    // "Params size (MB): 15.14". A two-layer nn.LSTM is two stacked @Lstm here.
    Map<String, Long> c = compiled(compiler, List.of(), model(
        "@Convention(Framework.PYTORCH)",
        "public class M {",
        "  @Embedding(inputDim = 20, outputDim = 300, timesteps = 100) Object embedding;",
        "  @Lstm(units = 512, returnSequences = true) Object l0;",
        "  @Lstm(units = 512, returnSequences = true) Object l1;",
        "  @Dense(units = 20) Object decoder;",
        "}"));
    assertThat(c.get("EMBEDDING_PARAMS")).isEqualTo(6_000L);
    assertThat(c.get("L0_PARAMS") + c.get("L1_PARAMS")).isEqualTo(3_768_320L);
    assertThat(c.get("DECODER_PARAMS")).isEqualTo(10_260L);
    assertThat(c.get("TOTAL_PARAMS")).isEqualTo(3_784_580L);
    assertThat(c.get("TOTAL_BYTES") / 1e6).isWithin(0.005).of(15.14);
    // torchinfo adds the Embedding's lookup as output_size[0] x params = 100 x 6,000 (batch_dim=1
    // puts the 100 steps first); paramcheck counts a lookup as 0 (docs/costs.md). The rest agrees:
    assertThat((c.get("TOTAL_MACS") + 100 * 6_000L) / 1e6).isWithin(0.005).of(378.46);
    assertThat(c.get("L0_WEIGHT_IH_L0_PARAMS")).isEqualTo(4 * 512 * 300L); // torch's weight_ih_l0 (2048, 300)
  }

  @ProcessorTest
  void pytorchTableIsTorchinfosLayout(TestCompiler compiler) {
    Compilation c = compiler.compile(List.of(), model(
        "@Convention(Framework.PYTORCH)",
        "@SimpleRnn(units = 10, features = 1)",
        "public class M {}"));
    compiler.assertSucceededWithoutWarnings(c);
    // nn.RNN(1, 10): 130 parameters (ANCHORS.md, torch 1.13); no input length: torchinfo's no-input layout
    assertThat(Compiled.table(c, "test.MSummary")).isEqualTo(
        "=================================================================\n"
            + "Layer (type:depth-idx)                   Param #\n"
            + "=================================================================\n"
            + "M                                        --\n"
            + "├─RNN: 1-1                               130\n"
            + "=================================================================\n"
            + "Total params: 130\n"
            + "Trainable params: 130\n"
            + "Non-trainable params: 0\n"
            + "=================================================================\n");
    assertThat(Compiled.constant(c, "test.MSummary", "SIMPLE_RNN_BIAS_HH_L0_PARAMS")).isEqualTo(10);
  }
}
