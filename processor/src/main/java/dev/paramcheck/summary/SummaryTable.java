package dev.paramcheck.summary;

import dev.paramcheck.model.LayerSummary;
import dev.paramcheck.model.ModelSummary;
import dev.paramcheck.model.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a model summary exactly as Keras 3's {@code model.summary()} prints it for a
 * Sequential model: the title, a rich {@code HEAVY_HEAD} table with the columns "Layer (type)",
 * "Output Shape" and "Param #", and the footer with float32 sizes.
 *
 * <p>Keras sizes the columns from the line length (88 in a terminal, 76 where stdout is not one,
 * as in notebooks): budgets at 45% and 80% of it, from which rich takes 3, 4 and 3 cells. Text
 * that does not fit wraps at spaces onto more lines of the same row; a word longer than its
 * column is cut with an ellipsis. See {@code docs/keras-summary-format.md} for the sources.
 */
public final class SummaryTable {
  /** Keras's default line length for a Sequential model in a terminal. */
  public static final int DEFAULT_WIDTH = 88;

  /** The narrowest table Keras can lay out (each column needs a few cells). */
  public static final int MIN_WIDTH = 40;

  public static final int MAX_WIDTH = 400;

  private static final Pattern WORD = Pattern.compile("\\s*\\S+\\s*");

  /** One row as text: the layer cell, the shape cell and the params cell. */
  public record Row(String layer, String shape, String params) {}

  private SummaryTable() {}

  /** The summary of {@code summary} at Keras's terminal width. */
  public static String render(ModelSummary summary) {
    return render(summary, DEFAULT_WIDTH);
  }

  public static String render(ModelSummary summary, int width) {
    List<Row> rows = new ArrayList<>(summary.layers().size());
    for (LayerSummary layer : summary.layers()) {
      rows.add(new Row(
          layer.name() + " (" + layer.type() + ")", layer.output().toString(), Numbers.grouped(layer.params())));
    }
    StringBuilder out = new StringBuilder(render(summary.name(), rows, width));
    footer(out, "Total params", summary.totalParams(), summary.totalBytes());
    footer(out, "Trainable params", summary.trainableParams(), summary.trainableBytes());
    footer(out, "Non-trainable params", summary.nonTrainableParams(), summary.nonTrainableBytes());
    summary.macs().ifPresent(macs -> out.append(" MACs per sample: ").append(Numbers.grouped(macs)).append('\n'));
    return out.toString();
  }

  /** The summary with these rows and totals, float32, {@code width} cells wide. */
  public static String render(String title, List<Row> rows, long total, long trainable, long nonTrainable, int width) {
    StringBuilder out = new StringBuilder(render(title, rows, width));
    footer(out, "Total params", total, total * 4);
    footer(out, "Trainable params", trainable, trainable * 4);
    footer(out, "Non-trainable params", nonTrainable, nonTrainable * 4);
    return out.toString();
  }

  /** The title and the table of these rows, {@code width} cells wide, without the footer. */
  private static String render(String title, List<Row> rows, int width) {
    if (width < MIN_WIDTH || width > MAX_WIDTH) {
      throw new IllegalArgumentException("width " + width + " is not in [" + MIN_WIDTH + ", " + MAX_WIDTH + "]");
    }
    int first = (int) (0.45 * width);
    int second = (int) (0.80 * width);
    // Keras's budgets, less what rich's ratio_reduce takes from each to fit the borders and padding
    int[] cells = {first - 1, second - first - 2, width - second - 1};
    StringBuilder out = new StringBuilder(128 + (rows.size() * 2 + 5) * (width + 1));
    out.append("Model: \"").append(title).append("\"\n");
    border(out, cells, '\u250f', '\u2501', '\u2533', '\u2513');
    row(out, cells, '\u2503', "Layer (type)", "Output Shape", "Param #");
    border(out, cells, '\u2521', '\u2501', '\u2547', '\u2529');
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        border(out, cells, '\u251c', '\u2500', '\u253c', '\u2524');
      }
      Row r = rows.get(i);
      row(out, cells, '\u2502', r.layer(), r.shape(), r.params());
    }
    border(out, cells, '\u2514', '\u2500', '\u2534', '\u2518');
    return out.toString();
  }

  /** One border line of a rich box: {@code left}, each cell of {@code fill}, {@code divider}s, {@code right}. */
  static void border(StringBuilder out, int[] cells, char left, char fill, char divider, char right) {
    out.append(left);
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(divider);
      }
      out.append(String.valueOf(fill).repeat(cells[i]));
    }
    out.append(right).append('\n');
  }

  private static void row(StringBuilder out, int[] cells, char bar, String layer, String shape, String params) {
    List<List<String>> columns = List.of(
        wrap(layer, cells[0] - 2, false), wrap(shape, cells[1] - 2, false), wrap(params, cells[2] - 2, true));
    int height = columns.stream().mapToInt(List::size).max().orElse(1);
    for (int line = 0; line < height; line++) {
      out.append(bar);
      for (int c = 0; c < cells.length; c++) {
        List<String> lines = columns.get(c);
        out.append(' ').append(line < lines.size() ? lines.get(line) : " ".repeat(cells[c] - 2)).append(' ').append(bar);
      }
      out.append('\n');
    }
  }

  /**
   * rich's {@code Text.wrap} with {@code overflow="ellipsis"}: the lines of {@code text} in a
   * column {@code width} cells wide, each justified to exactly that width.
   */
  static List<String> wrap(String text, int width, boolean right) {
    List<Integer> breaks = new ArrayList<>();
    int offset = 0;
    Matcher words = WORD.matcher(text);
    while (words.find()) {
      int start = words.start();
      String word = words.group();
      int length = word.stripTrailing().length();
      if (width - offset >= length) {
        offset += word.length();
      } else if (length > width) {
        if (start > 0) {
          breaks.add(start);
        }
        offset = word.length();
      } else if (offset > 0 && start > 0) {
        breaks.add(start);
        offset = word.length();
      }
    }
    List<String> lines = new ArrayList<>(breaks.size() + 1);
    int from = 0;
    for (int at : breaks) {
      lines.add(text.substring(from, at));
      from = at;
    }
    lines.add(text.substring(from));
    List<String> justified = new ArrayList<>(lines.size());
    for (String line : lines) {
      if (line.length() > width) { // rich's rstrip_end: drop trailing spaces, at most the excess
        int spaces = line.length() - line.stripTrailing().length();
        line = line.substring(0, line.length() - Math.min(spaces, line.length() - width));
      }
      if (right) {
        line = line.stripTrailing();
      }
      if (line.length() > width) {
        line = line.substring(0, width - 1) + '\u2026';
      }
      String pad = " ".repeat(width - line.length());
      justified.add(right ? pad + line : line + pad);
    }
    return justified;
  }

  /** A footer line as Keras prints it: the count and the weights' size at their dtypes. */
  static void footer(StringBuilder out, String label, long params, long bytes) {
    out.append(' ').append(label).append(": ").append(Numbers.grouped(params))
        .append(" (").append(Numbers.kerasSize(bytes)).append(")\n");
  }
}
