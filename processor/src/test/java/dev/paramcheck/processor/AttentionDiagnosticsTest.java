package dev.paramcheck.processor;

import static dev.paramcheck.processor.Compiled.model;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The errors of the attention layers and keras_hub's Transformer layers, each with its exact text,
 * on the annotation, attribute or {@code @From} at fault, under javac and ecj.
 */
class AttentionDiagnosticsTest {
  private static void onlyError(TestCompiler compiler, JavaFileObject file, String message, String line) {
    compiler.assertOnlyError(compiler.compile(List.of(), file), file, message, line);
  }

  @ProcessorTest
  void keyLongerThanValue(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {12, 16}) Object query;",
            "  @Input(shape = {10, 16}) Object value;",
            "  @Input(shape = {9, 16}) Object key;",
            "  @From({\"query\", \"value\", \"key\"})",
            "  @MultiHeadAttention(numHeads = 2, keyDim = 8) Object mha;",
            "}"),
        "[paramcheck:attention-shapes] layer 'mha' (MultiHeadAttention) cannot attend: Keras's \"All dime"
            + "nsions of `value` and `key`, except the last one, must be equal\", but the value is (None, 10, 1"
            + "6) and the key (None, 9, 16); give the key the value's length (one key per value)",
        "@From({\"query\", \"value\", \"key\"})");
  }

  @ProcessorTest
  void zeroHeads(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {12, 16}) Object x;",
            "  @From({\"x\", \"x\"}) @MultiHeadAttention(numHeads = 0, keyDim = 8) Object mha;",
            "}"),
        "[paramcheck:invalid-value] numHeads = 0 on layer 'mha' (MultiHeadAttention): numHeads must be a"
            + "t least 1",
        "numHeads = 0");
  }

  @ProcessorTest
  void attentionOverDifferentWidths(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {7, 20}) Object query;",
            "  @Input(shape = {9, 32}) Object value;",
            "  @From({\"query\", \"value\"})",
            "  @Attention Object att;",
            "}"),
        "[paramcheck:attention-shapes] layer 'att' (Attention) cannot score a query of width 20 against "
            + "a key of width 32 (query (None, 7, 20), key (None, 9, 32)): Keras builds the layer but the mode"
            + "l fails when it runs; project them to the same width first, for example with @Dense(units = 32)"
            + " on the query",
        "@From({\"query\", \"value\"})");
  }

  @ProcessorTest
  void encoderWithMoreHeadsThanFeatures(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {7, 4}) Object x;",
            "  @From(\"x\") @TransformerEncoder(intermediateDim = 16, numHeads = 8) Object enc;",
            "}"),
        "[paramcheck:invalid-value] numHeads on layer 'enc' (TransformerEncoder): keras_hub's \"Attention"
            + " `key_dim` computed cannot be zero\": the input's width 4 is less than numHeads = 8, so each hea"
            + "d would have no features (input (None, 7, 4)); use at most 4 heads",
        "numHeads = 8");
  }

  @ProcessorTest
  void attentionOverAVector(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {7}) Object x;",
            "  @Input(shape = {7, 4}) Object y;",
            "  @From({\"x\", \"y\"}) @AdditiveAttention Object att;",
            "}"),
        "[paramcheck:attention-shapes] layer 'att' (AdditiveAttention) attends over sequences, but its q"
            + "uery is (None, 7): take a sequence (None, T, features), or add @RepeatVector or @Reshape before"
            + " it",
        "@From({\"x\", \"y\"})");
  }

  @ProcessorTest
  void dropoutOverOne(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {7, 4}) Object x;",
            "  @From({\"x\", \"x\"}) @MultiHeadAttention(numHeads = 2, keyDim = 8, dropout = 1.5) Object mha;",
            "}"),
        "[paramcheck:invalid-value] dropout = 1.5 on layer 'mha' (MultiHeadAttention): dropout must be f"
            + "rom 0 to 1, the fraction of attention scores dropped, as Keras's Dropout accepts",
        "dropout = 1.5");
  }

  @ProcessorTest
  void tokenEmbeddingOnASequence(TestCompiler compiler) {
    onlyError(compiler, model(
            "public class M {",
            "  @Input(shape = {12, 8}) Object x;",
            "  @TokenAndPositionEmbedding(vocabularySize = 100, sequenceLength = 12, embeddingDim = 8) Object emb;",
            "}"),
        "[paramcheck:token-ids] layer 'emb' (TokenAndPositionEmbedding) takes token ids (None, T), but i"
            + "t gets (None, 12, 8) from layer 'x' (InputLayer): take an @Input(shape = {T}, dtype = \"int32\")",
        "@TokenAndPositionEmbedding");
  }

  @ProcessorTest
  void decoderWithoutEncoderUnderPyTorch(TestCompiler compiler) {
    onlyError(compiler, model(
            "@Convention(Framework.PYTORCH)",
            "public class M {",
            "  @Input(shape = {12, 8}) Object x;",
            "  @TransformerDecoder(intermediateDim = 16, numHeads = 2) Object dec;",
            "}"),
        "[paramcheck:not-in-pytorch] layer 'dec' (TransformerDecoder): a TransformerDecoder without an e"
            + "ncoder sequence has no PyTorch equivalent (torch.nn.TransformerDecoderLayer always attends to a"
            + " memory of its own width), so the model cannot be counted under the PyTorch convention; use @Tr"
            + "ansformerEncoder for a decoder-only block, or count the model under the Keras convention",
        "@TransformerDecoder");
  }

  @ProcessorTest
  void headsThatDoNotSplitTheQueryUnderPyTorch(TestCompiler compiler) {
    onlyError(compiler, model(
            "@Convention(Framework.PYTORCH)",
            "public class M {",
            "  @Input(shape = {12, 8}) Object x;",
            "  @From({\"x\", \"x\"}) @MultiHeadAttention(numHeads = 2, keyDim = 16) Object mha;",
            "}"),
        "[paramcheck:not-in-pytorch] layer 'mha' (MultiHeadAttention): numHeads * keyDim = 32 on a query"
            + " of width 8 has no PyTorch equivalent (torch.nn.MultiheadAttention projects to the query's widt"
            + "h, split among its heads), so the model cannot be counted under the PyTorch convention; set key"
            + "Dim = 4, or count the model under the Keras convention",
        "keyDim = 16");
  }
}
