package dev.paramcheck.model;

import static com.google.common.truth.Truth.assertThat;

import dev.paramcheck.Bidirectional.Merge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java model, without javac. Expected counts are the seeds' and published Keras
 * summaries' numbers (see each test), never recomputed with the formula under test.
 */
class ModelCheckerTest {
  private static OptionalInt f(int features) {
    return OptionalInt.of(features);
  }

  private static final OptionalInt INFERRED = OptionalInt.empty();

  private static ModelDeclaration fields(Member... fields) {
    List<Member> members = new ArrayList<>();
    members.add(Member.type("Model", List.of()));
    members.addAll(Arrays.asList(fields));
    return new ModelDeclaration("Model", members);
  }

  private static ModelSummary counted(ModelDeclaration model) {
    Analysis analysis = ModelChecker.check(model);
    assertThat(analysis.problems()).isEmpty();
    return analysis.summary().orElseThrow();
  }

  private static List<Problem> problems(ModelDeclaration model) {
    return ModelChecker.check(model).problems();
  }

  @Test
  void seedSimpleRnnOfTenUnitsOnOneFeatureHas120() {
    // seeds/002: model.summary() prints "simple_rnn_1 (SimpleRNN) (None, 10) 120"
    ModelSummary s = counted(new ModelDeclaration(
        "M", List.of(Member.type("M", List.of(LayerSpec.simpleRnn(10, f(1), true, false))))));
    assertThat(s.totalParams()).isEqualTo(120);
    LayerSummary layer = s.layers().get(0);
    assertThat(layer.name()).isEqualTo("simple_rnn");
    assertThat(layer.paramsConstant()).isEqualTo("SIMPLE_RNN_PARAMS");
    assertThat(layer.output().toString()).isEqualTo("(None, 10)");
    // seeds/002: "10*10 + 1*10 + 10 = 120"
    assertThat(layer.weights().stream().map(Weight::count).toList()).containsExactly(10L, 100L, 10L).inOrder();
  }

  @Test
  void seedFourFeaturesFiveUnitsThreeOutputsHas68() {
    // seeds/000: 20 input weights + (25 + 5) recurrent and biases + (15 + 3) output = 68
    ModelSummary s = counted(fields(
        Member.field("hidden", LayerSpec.simpleRnn(5, f(4), true, false)),
        Member.field("output", LayerSpec.dense(3, INFERRED, true))));
    assertThat(s.totalParams()).isEqualTo(68);
    assertThat(s.layers().get(0).weights().stream().map(Weight::count).toList())
        .containsExactly(20L, 25L, 5L).inOrder();
    assertThat(s.layers().get(1).weights().stream().map(Weight::count).toList())
        .containsExactly(15L, 3L).inOrder();
    assertThat(s.layers().get(1).output().toString()).isEqualTo("(None, 3)");
  }

  @Test
  void seedThreeFeaturesFourUnitsWithDenseOfFour() {
    // seeds/000: input 12, recurrent 4*4 + 4 = 20, minimum 32; a Dense of 4 on it adds 4*4 + 4 = 20
    ModelSummary s = counted(fields(
        Member.field("rnn", LayerSpec.simpleRnn(4, f(3), true, false)),
        Member.field("out", LayerSpec.dense(4, INFERRED, true))));
    assertThat(s.layers().get(0).params()).isEqualTo(32);
    assertThat(s.layers().get(1).params()).isEqualTo(20);
  }

  @Test
  void seedSimpleRnnWithoutBias() {
    // seeds/002: 4 units on 3 input dimensions: "the number of weights is 16 (4 * 4) + 12 (3 * 4) = 28"
    ModelSummary s = counted(fields(Member.field("rnn", LayerSpec.simpleRnn(4, f(3), false, false))));
    assertThat(s.totalParams()).isEqualTo(28);
    assertThat(s.layers().get(0).weights().get(2).count()).isEqualTo(0);
  }

  @Test
  void kerasGuideEmbeddingLstmDense() {
    // keras.io "Working with RNNs": embedding 64,000; lstm 98,816; dense 1,290; total 164,106
    ModelSummary s = counted(fields(
        Member.field("embedding", LayerSpec.embedding(1000, 64)),
        Member.field("lstm", LayerSpec.lstm(128, INFERRED, true, false)),
        Member.field("dense", LayerSpec.dense(10, INFERRED, true))));
    assertThat(s.layers().stream().map(LayerSummary::params).toList())
        .containsExactly(64_000L, 98_816L, 1_290L).inOrder();
    assertThat(s.totalParams()).isEqualTo(164_106);
    assertThat(s.layers().get(0).output().toString()).isEqualTo("(None, None, 64)");
  }

  @Test
  void kerasGuideBidirectionalLstmStack() {
    // keras.io "Working with RNNs": bidirectional 38,400; bidirectional_1 41,216; dense 650; 80,266
    ModelSummary s = counted(fields(
        Member.field("bidirectional", LayerSpec.lstm(64, f(10), true, true)).with(LayerSpec.bidirectional(Merge.CONCAT)),
        Member.field("bidirectional1", LayerSpec.lstm(32, INFERRED, true, false)).with(LayerSpec.bidirectional(Merge.CONCAT)),
        Member.field("dense", LayerSpec.dense(10, INFERRED, true))));
    assertThat(s.layers().stream().map(LayerSummary::params).toList())
        .containsExactly(38_400L, 41_216L, 650L).inOrder();
    assertThat(s.layers().get(0).output().toString()).isEqualTo("(None, None, 128)");
    assertThat(s.layers().get(0).kerasClass()).isEqualTo("Bidirectional");
    assertThat(s.layers().get(0).weights().stream().map(Weight::key).toList())
        .containsExactly(
            "FORWARD_KERNEL", "FORWARD_RECURRENT_KERNEL", "FORWARD_BIAS",
            "BACKWARD_KERNEL", "BACKWARD_RECURRENT_KERNEL", "BACKWARD_BIAS")
        .inOrder();
  }

  @Test
  void gruResetAfterKeepsTwoBiasVectors() {
    // keras.io guide, Keras 3: GRU(256, return_sequences=True) on Embedding(1000, 64) has 247,296;
    // corpus c0008 (TensorFlow.js, reset_after=False): GRU(1) on 1 feature has 9
    assertThat(counted(fields(
            Member.field("e", LayerSpec.embedding(1000, 64)),
            Member.field("g", LayerSpec.gru(256, INFERRED, true, true, true))))
        .layers().get(1).params()).isEqualTo(247_296);
    assertThat(counted(fields(Member.field("g", LayerSpec.gru(1, f(1), true, false, false))))
        .totalParams()).isEqualTo(9);
  }

  @Test
  void denseOnASequenceKeepsTheTimeAxis() {
    ModelSummary s = counted(fields(
        Member.field("rnn", LayerSpec.simpleRnn(4, f(3), true, true)),
        Member.field("dense", LayerSpec.dense(2, INFERRED, true)),
        Member.field("next", LayerSpec.lstm(2, INFERRED, true, false))));
    assertThat(s.layers().get(1).output().toString()).isEqualTo("(None, None, 2)");
  }

  @Test
  void recurrentAfterNoSequenceNamesTheLayerToFix() {
    List<Problem> p = problems(fields(
        Member.field("encoder", LayerSpec.lstm(8, f(3), true, false)),
        Member.field("decoder", LayerSpec.lstm(8, INFERRED, true, false))));
    assertThat(p).hasSize(1);
    assertThat(p.get(0).message()).isEqualTo(Message.NEEDS_SEQUENCE);
    assertThat(p.get(0).site()).isEqualTo(new Site(2, 0, null));
    assertThat(p.get(0).text())
        .isEqualTo("[paramcheck:needs-sequence] layer 'decoder' (LSTM) needs an input with a time axis,"
            + " but layer 'encoder' (LSTM) outputs (None, 8): set returnSequences = true on it so that"
            + " it outputs the whole sequence");
  }

  @Test
  void independentMistakesAreAllReportedButNoneTwice() {
    List<Problem> p = problems(fields(
        Member.field("a", LayerSpec.lstm(8, f(3), true, false)),
        Member.field("b", LayerSpec.lstm(8, f(5), true, true)),
        Member.field("c", LayerSpec.dense(0, INFERRED, true))));
    assertThat(p.stream().map(Problem::message).toList())
        .containsExactly(Message.INVALID_VALUE, Message.FEATURES_MISMATCH, Message.NEEDS_SEQUENCE)
        .inOrder();
  }

  @Test
  void invalidLayerStopsShapeChecksAfterIt() {
    // 'b' has units = 0: its output is unknown, so 'c' after it is not checked against it
    List<Problem> p = problems(fields(
        Member.field("a", LayerSpec.lstm(8, f(3), true, true)),
        Member.field("b", LayerSpec.lstm(0, INFERRED, true, false)),
        Member.field("c", LayerSpec.lstm(8, f(99), true, false))));
    assertThat(p).hasSize(1);
    assertThat(p.get(0).site()).isEqualTo(new Site(2, 0, "units"));
  }

  @Test
  void countsNeverWrap() {
    int max = Integer.MAX_VALUE;
    // 3 gates x (max x max + max x max + 2 biases) > Long.MAX_VALUE
    List<Problem> p = problems(fields(Member.field("huge", LayerSpec.gru(max, f(max), true, false, true))));
    assertThat(p).hasSize(1);
    assertThat(p.get(0).message()).isEqualTo(Message.COUNT_OVERFLOW);
    // each layer fits, the total does not
    List<Member> many = new ArrayList<>();
    many.add(Member.field("e", LayerSpec.embedding(max, max))); // 4.6e18 each
    many.add(Member.field("d1", LayerSpec.dense(max, INFERRED, true)));
    many.add(Member.field("d2", LayerSpec.dense(max, INFERRED, true)));
    // at float16, 2 bytes each: (2^31 - 1)^2 * 2 = 2^63 - 2^33 + 2 bytes still fit
    Member half = Member.type("M", List.of(LayerSpec.precision("FLOAT16")));
    ModelDeclaration oneHuge = new ModelDeclaration("M", List.of(half, many.get(0)));
    assertThat(problems(oneHuge)).isEmpty();
    List<Member> members = new ArrayList<>(List.of(half));
    members.addAll(many);
    p = problems(new ModelDeclaration("M", members));
    assertThat(p).hasSize(1);
    assertThat(p.get(0).message()).isEqualTo(Message.TOTAL_OVERFLOW);
    // at float32 (4 bytes) the same layer's size does not fit: an error on the size, not the count
    p = problems(new ModelDeclaration("M", List.of(Member.type("M", List.of()), many.get(0))));
    assertThat(p).hasSize(1);
    assertThat(p.get(0).text()).isEqualTo("[paramcheck:overflow] layer 'e' (Embedding) has more than"
        + " 9,223,372,036,854,775,807 bytes (Long.MAX_VALUE) with its 4,611,686,014,132,420,609 parameters at"
        + " float32: make it smaller or lower its precision");
  }

  @Test
  void overBudgetStatesCountBudgetExcessAndLargestLayers() {
    ModelDeclaration model = new ModelDeclaration("Guide", List.of(
        Member.type("Guide", List.of()).with(LayerSpec.budget(150_000)),
        Member.field("embedding", LayerSpec.embedding(1000, 64)),
        Member.field("lstm", LayerSpec.lstm(128, INFERRED, true, false)),
        Member.field("dense", LayerSpec.dense(10, INFERRED, true))));
    Analysis a = ModelChecker.check(model);
    assertThat(a.summary()).isPresent(); // an over-budget model is still counted
    assertThat(a.problems()).hasSize(1);
    assertThat(a.problems().get(0).text())
        .isEqualTo("[paramcheck:over-budget] model Guide has 164,106 parameters, 14,106 over its budget"
            + " of 150,000. Largest layers: lstm 98,816 (60.2%), embedding 64,000 (39.0%), dense 1,290"
            + " (0.8%). Raise max or make those layers smaller");
    assertThat(a.problems().get(0).site()).isEqualTo(new Site(0, 0, "max"));
  }

  @Test
  void budgetIsInclusive() {
    ModelDeclaration model = new ModelDeclaration("M", List.of(
        Member.type("M", List.of(LayerSpec.simpleRnn(10, f(1), true, false))).with(LayerSpec.budget(120))));
    assertThat(problems(model)).isEmpty();
  }

  @Test
  void constantNamesMustNotClash() {
    List<Problem> p = problems(fields(
        Member.field("total", LayerSpec.dense(2, f(2), true))));
    assertThat(p).hasSize(1);
    assertThat(p.get(0).text())
        .isEqualTo("[paramcheck:name-clash] field 'total' would generate the constant TOTAL_PARAMS,"
            + " which the model total generates too: rename the field");
    p = problems(fields(
        Member.field("encoderKernel", LayerSpec.dense(2, f(2), true)),
        Member.field("encoder", LayerSpec.dense(2, INFERRED, true))));
    assertThat(p.get(0).text()).contains("ENCODER_KERNEL_PARAMS, which field 'encoderKernel' generates too");
  }
}
