package dev.paramcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Models far larger than anyone writes by hand still give a class javac can compile. */
class LargeModelTest {
  static JavaFileObject stack(int layers) {
    List<String> lines = new ArrayList<>();
    lines.add("package test;");
    lines.add("import dev.paramcheck.*;");
    lines.add("class Deep {");
    lines.add("  @Lstm(units = 2, features = 2, returnSequences = true) Object layer0;");
    for (int i = 1; i < layers; i++) {
      lines.add("  @Lstm(units = 2, returnSequences = true) Object layer" + i + ";");
    }
    lines.add("}");
    return Compiled.source("test.Deep", lines.toArray(new String[0]));
  }

  @Test
  void aModelTooLargeForTheBreakdownKeepsItsLayerCounts() {
    // 17,000 layers x 4 constants would overflow the class file's 65,535 constants
    Compilation c = Compiled.compile(stack(17_000));
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("[paramcheck:breakdown-left-out] test.Deep has 17000 layers");
    Map<String, Long> constants = Compiled.constants(c, "test.DeepSummary");
    // TensorFlow.js: LSTM(2) on 2 features has 40 parameters
    assertThat(constants).containsEntry("LAYER16999_PARAMS", 40L);
    assertThat(constants).containsEntry("TOTAL_PARAMS", 680_000L);
    assertThat(constants).doesNotContainKey("LAYER0_KERNEL_PARAMS");
    assertThat(Compiled.table(c, "test.DeepSummary")).contains(" Total params: 680,000 (2.59 MB)\n");
  }
}
