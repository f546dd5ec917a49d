package dev.paramcheck.summary;

import dev.paramcheck.model.Numbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders a model exactly as torchinfo 1.8.0's default {@code summary()} prints it (columns
 * "Output Shape" and "Param #", {@code col_width=25}, row setting {@code depth}, {@code depth=3}):
 * one container row at depth 0, then every module in call order at its depth, numbered per depth
 * ({@code 1-1}, {@code 2-1}, {@code 1-2}, …) and drawn with torchinfo's tree prefixes; a module with
 * submodules shows only the parameters no row below it shows, unless it sits at the depth limit. The text ends with {@code "\n"} after the last divider, as {@code print(summary)}
 * writes it. See {@code docs/torchinfo-format.md} for the rules and their sources.
 *
 * <p>With {@link Sizes}, the layout torchinfo prints for a known input: the "Output Shape" column,
 * "Total mult-adds" and the four size lines (90 wide). Without, the layout torchinfo prints when
 * it is called without an input: the "Param #" column alone and the three params lines (65 wide).
 */
public final class TorchinfoTable {
  /** torchinfo's {@code col_width} default. */
  private static final int COL_WIDTH = 25;

  /** The layer-name column's starting width ({@code FormattingOptions.layer_name_width}). */
  private static final int LAYER_NAME_WIDTH = 40;

  /** {@code set_layer_name_width}'s {@code align_val}: per-depth indent and rounding step. */
  private static final int ALIGN = 5;

  /** torchinfo's default {@code depth=3}: rows deeper are not printed (but are counted). */
  static final int MAX_DEPTH = 3;

  /**
   * One module row, in call order. outputShape: torch's output shape with batch 1 (e.g. [1, 100,
   * 128]), or null when the input is not concrete.
   *
   * <p>{@code depth} is the nesting level (1 for the model's own children; the container at depth
   * 0 is not a row); {@code module} is the torch.nn class name ({@code Embedding}, {@code LSTM},
   * {@code Linear}, a block's class, …); {@code params} the module's parameter count with all its
   * submodules' (buffers excluded); {@code trainable} false when none of its parameters is
   * trainable, which torchinfo prints as {@code (n)}; {@code leaf} true when the module has no
   * submodule at all ({@code LayerInfo.is_leaf_layer}). An empty {@code outputShape} prints
   * {@code --}, as torchinfo prints an empty size.
   */
  public record Row(int depth, String module, List<Long> outputShape, long params, boolean trainable, boolean leaf) {
    public Row {
      Objects.requireNonNull(module, "module");
      if (params < 0) {
        throw new IllegalArgumentException(module + ": negative params " + params);
      }
      if (depth < 1) {
        throw new IllegalArgumentException(module + ": depth " + depth + " < 1");
      }
      outputShape = outputShape == null ? null : List.copyOf(outputShape);
    }

    /** A leaf module at depth 1: a layer of a flat model. */
    public Row(String module, List<Long> outputShape, long params, boolean trainable) {
      this(1, module, outputShape, params, trainable, true);
    }

    /** This row with its output shape replaced. */
    public Row withShape(List<Long> shape) {
      return new Row(depth, module, shape, params, trainable, leaf);
    }
  }

  /**
   * What torchinfo needs for its mult-adds and size lines; absent when the input size is unknown.
   *
   * <p>All four are exact integer sums; torchinfo divides each by 10⁶ only when printing:
   *
   * <ul>
   *   <li>{@code multAdds}: Σ of torchinfo's {@code calculate_macs} over the leaf modules — per parameter
   *       named {@code weight}/{@code bias}: count × {@code out[0]}, or for a class name containing
   *       {@code Conv} count × {@code out[0]} × {@code prod(out[2:])}; per other parameter whose name
   *       contains {@code weight}/{@code bias} (RNN/LSTM/GRU {@code weight_ih_l0}, …): count ×
   *       {@code out[0]} × {@code out[1]};
   *   <li>{@code inputBytes}: Σ over input tensors of {@code sys.getsizeof(tensor.storage())}, i.e.
   *       numel × element size (8 for int64 token ids, 4 for float32) <b>plus Python's storage
   *       object overhead</b>, 56 bytes on torch 1.13.1 (a {@code (1, 100)} int64 input is 856);
   *   <li>{@code forwardBackwardBytes}: Σ over the leaf modules <b>with parameters</b> of 2 ×
   *       element size × prod(output shape) (modules without parameters, and modules with
   *       submodules, count nothing);
   *   <li>{@code paramsBytes}: Σ over the leaf modules of element size × parameter count — 4 ×
   *       total params for a float32 model without {@code nn.MultiheadAttention}.
   * </ul>
   */
  public record Sizes(long multAdds, long inputBytes, long forwardBackwardBytes, long paramsBytes) {
    public Sizes {
      if (multAdds < 0 || inputBytes < 0 || forwardBackwardBytes < 0 || paramsBytes < 0) {
        throw new IllegalArgumentException("negative size in " + this);
      }
    }
  }

  private TorchinfoTable() {}

  /**
   * The summary torchinfo 1.8.0 prints for a container named {@code container} whose children, in
   * call order, are {@code rows}.
   *
   * <p>The container row's output shape is the last row's (the output of a flat sequential model
   * is its last layer's); with no rows it prints {@code --}. With {@code sizes} present every row
   * must have an output shape.
   *
   * @param container the top-level module's class name, printed with {@code --} params
   * @param totalParams Σ params, printed as "Total params"
   * @param trainableParams Σ trainable params; "Non-trainable params" is the difference
   */
  public static String render(
      String container, List<Row> rows, long totalParams, long trainableParams, Optional<Sizes> sizes) {
    return render(container, containerOutput(rows), rows, totalParams, trainableParams, sizes);
  }

  /**
   * The summary torchinfo 1.8.0 prints for a container named {@code container} whose output is
   * {@code containerShape} (null or empty: {@code --}) and whose modules, in call order with their
   * depths, are {@code rows}: rows deeper than torchinfo's default {@code depth=3} are not printed
   * but still widen the name column, as torchinfo's {@code set_layer_name_width} counts them.
   */
  public static String render(String container, List<Long> containerShape, List<Row> rows, long totalParams,
      long trainableParams, Optional<Sizes> sizes) {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(sizes, "sizes");
    if (trainableParams < 0 || trainableParams > totalParams) {
      throw new IllegalArgumentException(
          "trainable params " + trainableParams + " not in [0, total params " + totalParams + "]");
    }
    boolean withInput = sizes.isPresent();

    List<String> names = new ArrayList<>(rows.size());
    // set_children_layers: one counter per depth over the whole list, in order
    Map<Integer, Integer> index = new HashMap<>();
    // set_layer_name_width: len(name without tree prefix) + depth * 5 + 1, over every row (printed or not)
    int longest = length(container) + 1;
    int previous = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (withInput && row.outputShape() == null) {
        throw new IllegalArgumentException(
            "row " + (i + 1) + " (" + row.module() + ") has no output shape but sizes are given");
      }
      if (row.depth() > previous + 1) {
        throw new IllegalArgumentException(
            "row " + (i + 1) + " (" + row.module() + ") at depth " + row.depth() + " has no parent at depth "
                + (row.depth() - 1));
      }
      previous = row.depth();
      int k = index.merge(row.depth(), 1, Integer::sum);
      String name = row.module() + ": " + row.depth() + "-" + k;
      names.add(name);
      longest = Math.max(longest, length(name) + row.depth() * ALIGN + 1);
    }
    int nameWidth = longest >= LAYER_NAME_WIDTH ? ceilDiv(longest, ALIGN) * ALIGN : LAYER_NAME_WIDTH;
    int columns = withInput ? 2 : 1;
    String divider = "=".repeat(columns * COL_WIDTH + nameWidth) + "\n";

    StringBuilder out = new StringBuilder(256 + (rows.size() + 16) * 96);
    out.append(divider);
    line(out, nameWidth, withInput, "Layer (type:depth-idx)", "Output Shape", "Param #");
    out.append(divider);
    line(out, nameWidth, withInput, container, shape(containerShape), "--");
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (row.depth() > MAX_DEPTH) {
        continue; // layers_to_str: deeper rows are not printed
      }
      line(out, nameWidth, withInput, prefix(row.depth()) + names.get(i), shape(row.outputShape()), params(rows, i));
    }
    out.append(divider);
    out.append("Total params: ").append(Numbers.grouped(totalParams)).append('\n');
    out.append("Trainable params: ").append(Numbers.grouped(trainableParams)).append('\n');
    out.append("Non-trainable params: ").append(Numbers.grouped(totalParams - trainableParams)).append('\n');
    if (withInput) {
      Sizes s = sizes.get();
      out.append("Total mult-adds").append(multAdds(s.multAdds())).append('\n');
      out.append(divider);
      out.append("Input size (MB): ").append(megabytes(s.inputBytes())).append('\n');
      out.append("Forward/backward pass size (MB): ").append(megabytes(s.forwardBackwardBytes())).append('\n');
      out.append("Params size (MB): ").append(megabytes(s.paramsBytes())).append('\n');
      long total = Math.addExact(Math.addExact(s.inputBytes(), s.forwardBackwardBytes()), s.paramsBytes());
      out.append("Estimated Total Size (MB): ").append(megabytes(total)).append('\n');
    }
    out.append(divider);
    return out.toString();
  }

  /** {@code format_row}: each cell left-justified ({@code f"{s:<{w}}"}, never cut), then rstrip. */
  private static void line(
      StringBuilder out, int nameWidth, boolean withInput, String name, String shape, String params) {
    StringBuilder line = new StringBuilder(128);
    pad(line, name, nameWidth);
    if (withInput) {
      pad(line, shape, COL_WIDTH);
    }
    pad(line, params, COL_WIDTH);
    int end = line.length();
    while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    out.append(line, 0, end).append('\n');
  }

  private static void pad(StringBuilder line, String cell, int width) {
    line.append(cell).append(" ".repeat(Math.max(0, width - length(cell)))).append(' ');
  }

  /** Python's {@code len}: code points, not UTF-16 units. */
  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /** {@code str_(output_size)}: Python's list notation, {@code --} when empty. */
  private static String shape(List<Long> shape) {
    return shape == null || shape.isEmpty() ? "--" : shape.toString();
  }

  /**
   * {@code num_params_to_str} (layer_info.py): {@code --} without parameters; a leaf or a row at
   * the depth limit prints its whole count, parenthesized when nothing trains; any other row prints
   * its leftover, the parameters no row below it shows, or {@code --}.
   */
  private static String params(List<Row> rows, int i) {
    Row row = rows.get(i);
    if (row.params() == 0) {
      return "--";
    }
    if (row.leaf() || row.depth() == MAX_DEPTH) {
      String n = Numbers.grouped(row.params());
      return row.trainable() ? n : "(" + n + ")";
    }
    long leftover = leftover(rows, i);
    return leftover > 0 ? Numbers.grouped(leftover) : "--";
  }

  /**
   * {@code leftover_params}: the row's count less, over every row below it ({@code
   * get_children_layers}: all descendants, not only children), a leaf's count or another row's
   * leftover.
   */
  static long leftover(List<Row> rows, int i) {
    Row row = rows.get(i);
    long below = 0;
    for (int j = i + 1; j < rows.size() && rows.get(j).depth() > row.depth(); j++) {
      below += rows.get(j).leaf() ? rows.get(j).params() : leftover(rows, j);
    }
    return row.params() - below;
  }

  /** {@code get_start_str}: none at depth 0, {@code ├─} at 1, {@code "│    " * (d - 1) + "└─"} below. */
  private static String prefix(int depth) {
    return depth == 1 ? "\u251c\u2500" : "\u2502    ".repeat(depth - 1) + "\u2514\u2500";
  }

  /** The model's output: its last depth-1 row's; null (printed {@code --}) without rows. */
  private static List<Long> containerOutput(List<Row> rows) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      if (rows.get(i).depth() == 1) {
        return rows.get(i).outputShape();
      }
    }
    return null;
  }

  /**
   * torchinfo 1.8.0's {@code format_output_num(num, Units.AUTO)}: T at ≥ 10¹², G at ≥ 10⁹, else M;
   * a whole converted value printed as an integer ({@code :,d}), any other with {@code :,.2f}.
   */
  private static String multAdds(long macs) {
    String unit;
    double converted;
    if (macs >= 1e12) {
      unit = "T";
      converted = macs / 1e12;
    } else if (macs >= 1e9) {
      unit = "G";
      converted = macs / 1e9;
    } else {
      unit = "M";
      converted = macs / 1e6;
    }
    String number;
    if (converted == Math.rint(converted)) {
      number = Numbers.grouped((long) converted);
    } else {
      String fixed = Numbers.twoDecimals(converted);
      int dot = fixed.indexOf('.');
      number = Numbers.grouped(Long.parseLong(fixed.substring(0, dot))) + fixed.substring(dot);
    }
    return " (" + unit + "): " + number;
  }

  /** {@code f"{num / 1e6:0.2f}"}: MB of 10⁶ bytes, two decimals, no grouping. */
  private static String megabytes(long bytes) {
    return Numbers.twoDecimals(bytes / 1e6);
  }
}
