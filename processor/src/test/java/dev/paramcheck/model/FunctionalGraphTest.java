package dev.paramcheck.model;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The functional graph in the plain-Java core, without a compiler: Keras's row order, and that
 * large or cyclic graphs are checked without recursion. Expected orders and counts are Keras 3.15's
 * own (the example app's TicketClassifier, printed by Keras in the same order).
 */
class FunctionalGraphTest {
  private static ModelDeclaration model(Member... fields) {
    List<Member> members = new ArrayList<>();
    members.add(Member.type("M", List.of()));
    members.addAll(List.of(fields));
    return new ModelDeclaration("M", members);
  }

  private static Member field(String name, Written... annotations) {
    return Member.field(name, annotations);
  }

  @Test
  void rowsFollowKerasDepthOrderNotDeclarationOrder() {
    // keras.io functional API guide's ticket model; Keras 3.15 prints: title, body, titleFeatures,
    // bodyFeatures, titleEncoded, bodyEncoded, tags, features, priority, department
    ModelDeclaration ticket = model(
        field("title", LayerSpec.input(-1)),
        field("body", LayerSpec.input(-1)),
        field("tags", LayerSpec.input(12)),
        field("titleFeatures", LayerSpec.from("title"), LayerSpec.embedding(10_000, 64)),
        field("bodyFeatures", LayerSpec.from("body"), LayerSpec.embedding(10_000, 64)),
        field("titleEncoded", LayerSpec.from("titleFeatures"), LayerSpec.lstm(128, OptionalInt.empty(), true, false)),
        field("bodyEncoded", LayerSpec.from("bodyFeatures"), LayerSpec.lstm(32, OptionalInt.empty(), true, false)),
        field("features", LayerSpec.from("titleEncoded", "bodyEncoded", "tags"), LayerSpec.concatenate()),
        field("priority", LayerSpec.dense(1, OptionalInt.empty(), true)),
        field("department", LayerSpec.from("features"), LayerSpec.dense(4, OptionalInt.empty(), true)));
    Analysis analysis = ModelChecker.check(ticket);
    assertThat(analysis.problems()).isEmpty();
    ModelSummary summary = analysis.summary().orElseThrow();
    assertThat(summary.totalParams()).isEqualTo(1_392_097);
    assertThat(summary.functional().orElseThrow().rows().stream().map(Functional.Row::name).toList())
        .containsExactly("title", "body", "titleFeatures", "bodyFeatures", "titleEncoded", "bodyEncoded", "tags",
            "features", "priority", "department")
        .inOrder();
    assertThat(summary.functional().orElseThrow().chain()).isFalse();
  }

  @Test
  void aLongCycleIsOneErrorWithoutRecursion() {
    int n = 20_000;
    List<Member> fields = new ArrayList<>();
    fields.add(field("x", LayerSpec.input(8)));
    // d0 takes x and the last layer: a cycle through all of them
    fields.add(field("d0", LayerSpec.from("x", "d" + (n - 1)), LayerSpec.add()));
    for (int i = 1; i < n; i++) {
      fields.add(field("d" + i, LayerSpec.dense(8, OptionalInt.empty(), true)));
    }
    List<Problem> problems = ModelChecker.check(model(fields.toArray(new Member[0]))).problems();
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message()).isEqualTo(Message.FROM_CYCLE);
    assertThat(problems.get(0).site().attribute()).isEqualTo("value[1]");
    assertThat(problems.get(0).text()).startsWith("[paramcheck:from-cycle] @From(value = \"d19999\") on field 'd0'"
        + " closes a cycle: d19999 -> d0 -> d1 -> ");
  }

  @Test
  void aBranchyGraphOfTenThousandLayersIsCounted() {
    List<Member> fields = new ArrayList<>();
    fields.add(field("x", LayerSpec.input(16)));
    String previous = "x";
    for (int b = 0; b < 3_333; b++) {
      fields.add(field("l" + b, LayerSpec.from(previous), LayerSpec.dense(16, OptionalInt.empty(), true)));
      fields.add(field("r" + b, LayerSpec.from(previous), LayerSpec.dense(16, OptionalInt.empty(), true)));
      fields.add(field("j" + b, LayerSpec.from("l" + b, "r" + b), LayerSpec.add()));
      previous = "j" + b;
    }
    Analysis analysis = ModelChecker.check(model(fields.toArray(new Member[0])));
    assertThat(analysis.problems()).isEmpty();
    // Keras: Dense(16) on 16 features has 272 parameters
    assertThat(analysis.summary().orElseThrow().totalParams()).isEqualTo(2L * 3_333 * 272);
    assertThat(analysis.summary().orElseThrow().functional().orElseThrow().rows()).hasSize(1 + 3 * 3_333);
  }
}
