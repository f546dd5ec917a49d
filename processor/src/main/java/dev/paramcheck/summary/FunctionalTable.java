package dev.paramcheck.summary;

import dev.paramcheck.model.Functional;
import dev.paramcheck.model.ModelSummary;
import dev.paramcheck.model.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a functional model's summary exactly as Keras 3's {@code model.summary()} prints it
 * ({@code keras/src/utils/summary_utils.py}, {@code print_summary}): the InputLayer and operation
 * rows, rows in Keras's order, and "Connected to" unless the graph is a chain. A chain keeps the
 * sequential layout (positions {@code [0.45, 0.80, 1.0]}, 88 wide in a terminal); any other graph
 * uses positions {@code [0.3, 0.56, 0.74, 1.0]} and 108. Column budgets are {@code int(p * L)}
 * minus the ones before; rich then takes the excess over the line length back with {@code
 * ratio_reduce}, so every line is exactly {@code L} wide. Text wraps and is cut as in {@link
 * SummaryTable}.
 */
public final class FunctionalTable {
  /** Keras's default line length for a functional model printed with "Connected to". */
  public static final int DEFAULT_WIDTH = 108;

  private static final double[] CHAIN = {0.45, 0.80, 1.0};
  private static final double[] GRAPH = {0.3, 0.56, 0.74, 1.0};

  private FunctionalTable() {}

  /** The summary at {@code width}, or at Keras's default for the layout when it is 0. */
  public static String render(ModelSummary summary, int width) {
    Functional functional = summary.functional().orElseThrow();
    boolean chain = functional.chain();
    int line = width != 0 ? width : chain ? SummaryTable.DEFAULT_WIDTH : DEFAULT_WIDTH;
    if (line < SummaryTable.MIN_WIDTH || line > SummaryTable.MAX_WIDTH) {
      throw new IllegalArgumentException("width " + line + " is not in range");
    }
    int[] cells = cells(chain ? CHAIN : GRAPH, line);
    boolean[] right = chain ? new boolean[] {false, false, true} : new boolean[] {false, false, true, false};
    StringBuilder out = new StringBuilder(256 + functional.rows().size() * 3 * (line + 1));
    out.append("Model: \"").append(summary.name()).append("\"\n");
    SummaryTable.border(out, cells, '\u250f', '\u2501', '\u2533', '\u2513');
    List<String> header = chain
        ? List.of("Layer (type)", "Output Shape", "Param #")
        : List.of("Layer (type)", "Output Shape", "Param #", "Connected to");
    row(out, cells, right, '\u2503', header);
    SummaryTable.border(out, cells, '\u2521', '\u2501', '\u2547', '\u2529');
    for (int i = 0; i < functional.rows().size(); i++) {
      if (i > 0) {
        SummaryTable.border(out, cells, '\u251c', '\u2500', '\u253c', '\u2524');
      }
      Functional.Row r = functional.rows().get(i);
      List<String> texts = new ArrayList<>(4);
      texts.add(r.name() + " (" + r.type() + ")");
      texts.add(r.output());
      texts.add(Numbers.grouped(r.params()));
      if (!chain) {
        texts.add(r.connectedTo());
      }
      row(out, cells, right, '\u2502', texts);
    }
    SummaryTable.border(out, cells, '\u2514', '\u2500', '\u2534', '\u2518');
    SummaryTable.footer(out, "Total params", summary.totalParams(), summary.totalBytes());
    SummaryTable.footer(out, "Trainable params", summary.trainableParams(), summary.trainableBytes());
    SummaryTable.footer(out, "Non-trainable params", summary.nonTrainableParams(), summary.nonTrainableBytes());
    summary.macs().ifPresent(macs -> out.append(" MACs per sample: ").append(Numbers.grouped(macs)).append('\n'));
    return out.toString();
  }

  /**
   * Each column's width between the bars, padding included: Keras's budgets {@code int(p * L)}
   * minus the previous ones, plus rich's padding of 2, less rich's {@code ratio_reduce} of the
   * excess ({@code 3n + 1} for {@code n} columns) with equal ratios and Python's rounding.
   */
  static int[] cells(double[] positions, int line) {
    int n = positions.length;
    int[] cells = new int[n];
    int used = 0;
    for (int i = 0; i < n; i++) {
      int budget = (int) (positions[i] * line) - used;
      used += budget;
      cells[i] = budget + 2;
    }
    long remaining = 3L * n + 1;
    int ratios = n;
    for (int i = 0; i < n; i++) {
      long distributed = Math.min(cells[i], (long) Math.rint((double) remaining / ratios));
      cells[i] -= (int) distributed;
      remaining -= distributed;
      ratios--;
    }
    return cells;
  }

  private static void row(StringBuilder out, int[] cells, boolean[] right, char bar, List<String> texts) {
    List<List<String>> columns = new ArrayList<>(cells.length);
    int height = 1;
    for (int c = 0; c < cells.length; c++) {
      List<String> lines = SummaryTable.wrap(texts.get(c), cells[c] - 2, right[c]);
      columns.add(lines);
      height = Math.max(height, lines.size());
    }
    for (int l = 0; l < height; l++) {
      out.append(bar);
      for (int c = 0; c < cells.length; c++) {
        List<String> lines = columns.get(c);
        out.append(' ').append(l < lines.size() ? lines.get(l) : " ".repeat(cells[c] - 2)).append(' ').append(bar);
      }
      out.append('\n');
    }
  }
}
