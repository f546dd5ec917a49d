package bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the benchmark's sources and an argfile ({@code sources.txt}) listing them.
 *
 * <pre>
 * java bench.Gen models    DIR N   N paramcheck models, package bench.m
 * java bench.Gen autovalue DIR N   N AutoValue classes as simple, package bench.av
 * java bench.Gen layers    DIR L   one paramcheck model of L layers, package bench.l
 * java bench.Gen graph     DIR L   one functional model of L layers in a branchy graph, package bench.g
 * </pre>
 *
 * Every model is valid: Embedding, two stacked LSTMs (the first returns sequences), a GRU and a
 * Dense, under a budget it stays within, so the processor writes one summary per model.
 */
public final class Gen {
  private Gen() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: Gen models|autovalue|layers|graph DIR COUNT");
    }
    Path dir = Path.of(args[1]);
    int count = Integer.parseInt(args[2]);
    List<Path> files;
    switch (args[0]) {
      case "models":
        files = models(dir, count);
        break;
      case "autovalue":
        files = autoValues(dir, count);
        break;
      case "layers":
        files = List.of(deepModel(dir, count));
        break;
      case "graph":
        files = List.of(graphModel(dir, count));
        break;
      default:
        throw new IllegalArgumentException(args[0]);
    }
    StringBuilder list = new StringBuilder();
    for (Path f : files) {
      list.append(f.toAbsolutePath()).append('\n');
    }
    Files.writeString(dir.resolve("sources.txt"), list, StandardCharsets.UTF_8);
  }

  private static List<Path> models(Path dir, int n) throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("bench/m"));
    List<Path> files = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = "Model" + i;
      // Sizes vary a little per model so that no two summaries are the same; at most about
      // 800,000 parameters, within the budget.
      int vocabulary = 1000 + i % 10_000;
      int units = 32 + i % 32;
      Path file = pkg.resolve(name + ".java");
      write(file,
          "package bench.m;\n"
              + "\n"
              + "import dev.paramcheck.*;\n"
              + "\n"
              + "@ParamBudget(max = 10_000_000)\n"
              + "public class " + name + " {\n"
              + "  @Embedding(inputDim = " + vocabulary + ", outputDim = 64) Object embedding;\n"
              + "  @Lstm(units = 128, returnSequences = true) Object lstm1;\n"
              + "  @Lstm(units = 64, returnSequences = true) Object lstm2;\n"
              + "  @Gru(units = " + units + ") Object gru;\n"
              + "  @Dense(units = 10) Object out;\n"
              + "}\n");
      files.add(file);
    }
    return files;
  }

  /** As simple as a model: one annotation, six members (one per layer and the budget). */
  private static List<Path> autoValues(Path dir, int n) throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("bench/av"));
    List<Path> files = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = "Value" + i;
      Path file = pkg.resolve(name + ".java");
      // No factory calling AutoValue_ValueN, so that the same sources also compile with -proc:none.
      write(file,
          "package bench.av;\n"
              + "\n"
              + "import com.google.auto.value.AutoValue;\n"
              + "\n"
              + "@AutoValue\n"
              + "public abstract class " + name + " {\n"
              + "  public abstract int embedding();\n"
              + "  public abstract int lstm1();\n"
              + "  public abstract int lstm2();\n"
              + "  public abstract int gru();\n"
              + "  public abstract int out();\n"
              + "  public abstract long budget();\n"
              + "}\n");
      files.add(file);
    }
    return files;
  }

  /**
   * One model of {@code layers} layers: an Embedding, {@code layers - 2} recurrent layers
   * alternating LSTM and GRU (all returning sequences but the last) and a Dense.
   */
  private static Path deepModel(Path dir, int layers) throws IOException {
    if (layers < 3) {
      throw new IllegalArgumentException("at least 3 layers");
    }
    Path pkg = Files.createDirectories(dir.resolve("bench/l"));
    String name = "Deep" + layers;
    Path file = pkg.resolve(name + ".java");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("package bench.l;\n\nimport dev.paramcheck.*;\n\n");
      w.write("@ParamBudget(max = 1_000_000_000_000L)\n");
      w.write("public class " + name + " {\n");
      w.write("  @Embedding(inputDim = 1000, outputDim = 16) Object embedding;\n");
      int recurrent = layers - 2;
      for (int i = 1; i <= recurrent; i++) {
        String sequences = i < recurrent ? ", returnSequences = true" : "";
        if (i % 2 == 1) {
          w.write("  @Lstm(units = 16" + sequences + ") Object lstm" + i + ";\n");
        } else {
          w.write("  @Gru(units = 16" + sequences + ") Object gru" + i + ";\n");
        }
      }
      w.write("  @Dense(units = 10) Object out;\n");
      w.write("}\n");
    }
    return file;
  }

  /**
   * A functional model of about {@code layers} layers: an input, then blocks of three where two
   * Dense branches from the block's input meet in an Add, every tenth block also concatenating a
   * second input's projection back, so that rows interleave by depth as in real graphs.
   */
  private static Path graphModel(Path dir, int layers) throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("bench/g"));
    String name = "Graph" + layers;
    Path file = pkg.resolve(name + ".java");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("package bench.g;\n\nimport dev.paramcheck.*;\n\n");
      w.write("@ParamBudget(max = 1_000_000_000_000L)\n");
      w.write("public class " + name + " {\n");
      w.write("  @Input(shape = {16}) Object x;\n");
      w.write("  @Input(shape = {4}) Object side;\n");
      w.write("  @From(\"side\") @Dense(units = 16) Object sideProjection;\n");
      String previous = "x";
      for (int b = 0; 3 * b + 3 < layers; b++) {
        w.write("  @From(\"" + previous + "\") @Dense(units = 16) Object left" + b + ";\n");
        w.write("  @From(\"" + previous + "\") @Dense(units = 16) Object right" + b + ";\n");
        if (b % 10 == 9) {
          w.write("  @From({\"left" + b + "\", \"right" + b + "\", \"sideProjection\"}) @Add Object join" + b + ";\n");
        } else {
          w.write("  @From({\"left" + b + "\", \"right" + b + "\"}) @Add Object join" + b + ";\n");
        }
        previous = "join" + b;
      }
      w.write("}\n");
    }
    return file;
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
