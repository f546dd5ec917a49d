package dev.paramcheck.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The records the tests read: written by the processor itself. Once per JVM, {@link #SOURCES} are
 * compiled with javac and the processor on the test class path ({@link RealCompilationTest#compile})
 * into a temporary directory, and {@link #text} reads {@code META-INF/paramcheck/<model>.json} from
 * its class output. No record is written by hand; a test that needs an odd one (corrupt, foreign,
 * of a newer schema, with names Java does not allow) edits a real one ({@link #edited}).
 *
 * <p>The counts the tests expect are not the processor's say-so: each model's comment gives them
 * from the published Keras numbers or the layer formulas, and {@link RealCompilationTest} checks the
 * records against them.
 */
final class Fixtures {
  private Fixtures() {}

  static final String SENTIMENT = "dev.paramcheck.example.SentimentRnn";
  static final String SEED = "dev.paramcheck.example.SeedClassifier";
  static final String LSTM = "dev.paramcheck.example.GuideLstm";
  static final String GRU = "dev.paramcheck.example.GuideGru";
  static final String REVIEW = "dev.paramcheck.example.ReviewSentiment";
  static final String SENSOR = "dev.paramcheck.example.SensorLstm";
  /** A nested model whose names hold what Java allows: {@code $}, {@code _}, non-ASCII letters. */
  static final String UNICODE = "dev.paramcheck.example.Wetter_Modèle$Schätzer$Ω";
  /** The ordinary models, sorted by name (UNICODE is kept for the escaping tests). */
  static final List<String> ALL = List.of(GRU, LSTM, REVIEW, SEED, SENSOR, SENTIMENT);

  /** The model sources, one top-level class each, by the model they declare. */
  static final Map<String, String> SOURCES = sources();

  private static Map<String, String> sources() {
    Map<String, String> s = new LinkedHashMap<>();
    // SimpleRNN: units * (features + units + 1) = 10 * 12 = 120 params, 480 bytes (float32).
    s.put(SENTIMENT, String.join("\n",
        "package dev.paramcheck.example;",
        "import dev.paramcheck.ParamBudget;",
        "import dev.paramcheck.SimpleRnn;",
        "@SimpleRnn(units = 10, features = 1)",
        "@ParamBudget(max = 200)",
        "public class SentimentRnn {}",
        ""));
    // SimpleRNN(5) on 4 features: 5 * 10 = 50; Dense(3) on 5: 3 * 6 = 18; 68 params, 272 bytes.
    s.put(SEED, String.join("\n",
        "package dev.paramcheck.example;",
        "import dev.paramcheck.Dense;",
        "import dev.paramcheck.ParamBudget;",
        "import dev.paramcheck.SimpleRnn;",
        "@ParamBudget(max = 100)",
        "public class SeedClassifier {",
        "  @SimpleRnn(units = 5, features = 4) Object hidden;",
        "  @Dense(units = 3) Object output;",
        "}",
        ""));
    // keras.io "Working with RNNs", first model: Keras prints Total params: 164,106.
    s.put(LSTM, String.join("\n",
        "package dev.paramcheck.example;",
        "import dev.paramcheck.Dense;",
        "import dev.paramcheck.Embedding;",
        "import dev.paramcheck.Lstm;",
        "import dev.paramcheck.ParamBudget;",
        "@ParamBudget(max = 200_000)",
        "public class GuideLstm {",
        "  @Embedding(inputDim = 1000, outputDim = 64) Object embedding;",
        "  @Lstm(units = 128) Object lstm;",
        "  @Dense(units = 10) Object dense;",
        "}",
        ""));
    // keras.io "Working with RNNs", second model: 361,866 params (Keras 3, GRU reset_after).
    s.put(GRU, String.join("\n",
        "package dev.paramcheck.example;",
        "import dev.paramcheck.Dense;",
        "import dev.paramcheck.Embedding;",
        "import dev.paramcheck.Gru;",
        "import dev.paramcheck.ParamBudget;",
        "import dev.paramcheck.SimpleRnn;",
        "@ParamBudget(max = 400_000)",
        "public class GuideGru {",
        "  @Embedding(inputDim = 1000, outputDim = 64) Object embedding;",
        "  @Gru(units = 256, returnSequences = true) Object gru;",
        "  @SimpleRnn(units = 128) Object simpleRnn;",
        "  @Dense(units = 10) Object dense;",
        "}",
        ""));
    // Embedding 20,000 x 128 = 2,560,000; Bidirectional GRU(64) on 128, reset_after:
    // 2 * 3 * 64 * (128 + 64 + 2) = 74,496; Bidirectional GRU(32) on 128 (concat):
    // 2 * 3 * 32 * (128 + 32 + 2) = 31,104; Dense(16) on 32 (sum): 528; Dense(1): 17.
    // 2,666,145 params; the encoder's own budget 100,000.
    s.put(REVIEW, String.join("\n",
        "package dev.paramcheck.example;",
        "import dev.paramcheck.Bidirectional;",
        "import dev.paramcheck.Dense;",
        "import dev.paramcheck.Embedding;",
        "import dev.paramcheck.Gru;",
        "import dev.paramcheck.ParamBudget;",
        "@ParamBudget(max = 3_000_000)",
        "public class ReviewSentiment {",
        "  @Embedding(inputDim = 20_000, outputDim = 128) Object tokens;",
        "  @ParamBudget(max = 100_000)",
        "  @Bidirectional",
        "  @Gru(units = 64, returnSequences = true) Object encoder;",
        "  @Bidirectional(merge = Bidirectional.Merge.SUM)",
        "  @Gru(units = 32) Object pooled;",
        "  @Dense(units = 16) Object hidden;",
        "  @Dense(units = 1) Object sentiment;",
        "}",
        ""));
    // MACs known: LSTM(8) on 4 features over 20 steps: 4 * 8 * (4 + 8 + 1) = 416 params,
    // 416 * 20 = 8,320 MACs (a recurrent layer's params once per step, as the processor's
    // RecordTest has it for the keras.io LSTM: 98,816 x 100 steps); Dense(1) on 8: 9 params,
    // 9 MACs. 425 params, 1,700 bytes, 8,329 MACs; budgets of three kinds, the MACs binding.
    s.put(SENSOR, String.join("\n",
        "package dev.paramcheck.example;",
        "import dev.paramcheck.Dense;",
        "import dev.paramcheck.Lstm;",
        "import dev.paramcheck.MacBudget;",
        "import dev.paramcheck.ParamBudget;",
        "import dev.paramcheck.SizeBudget;",
        "@ParamBudget(max = 500)",
        "@SizeBudget(max = \"1 MiB\")",
        "@MacBudget(max = 9_000)",
        "public class SensorLstm {",
        "  @Lstm(units = 8, features = 4, timesteps = 20) Object lstm;",
        "  @Dense(units = 1) Object reading;",
        "}",
        ""));
    // GRU(4) on 2 features over 3 steps, reset_after: 3 * 4 * (2 + 4 + 2) = 96 params, 288 MACs;
    // Dense(2) on 4: 10 params, 10 MACs. 106 params, 424 bytes, 298 MACs; the GRU's own budget
    // (100, 4 left) binds before the model's (128, 22 left).
    s.put(UNICODE, String.join("\n",
        "package dev.paramcheck.example;",
        "import dev.paramcheck.Dense;",
        "import dev.paramcheck.Gru;",
        "import dev.paramcheck.ParamBudget;",
        "public class Wetter_Modèle {",
        "  @ParamBudget(max = 128)",
        "  public static class Schätzer$Ω {",
        "    @ParamBudget(max = 100)",
        "    @Gru(units = 4, features = 2, timesteps = 3) Object größe_$1;",
        "    @Dense(units = 2) Object ausgabe_Ω;",
        "  }",
        "}",
        ""));
    return Map.copyOf(s);
  }

  static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
      .disableHtmlEscaping().create();

  private static Path compiled;

  /** The class output of one compilation of {@link #SOURCES} with the processor (once per JVM). */
  static synchronized Path compiled() {
    if (compiled == null) {
      try {
        Path root = Files.createTempDirectory("paramcheck-fixtures");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
        compiled = RealCompilationTest.compile(root, SOURCES.values().toArray(new String[0]));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return compiled;
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory; the system cleans it up eventually
    }
  }

  /** The record the processor wrote for {@code model}, byte for byte. */
  static String text(String model) {
    Path f = compiled().resolve(RecordReader.RECORD_DIRECTORY).resolve(model + ".json");
    if (!Files.isRegularFile(f)) {
      throw new AssertionError("the processor wrote no record for " + model + " (" + f + ")");
    }
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonObject json(String model) {
    return JsonParser.parseString(text(model)).getAsJsonObject();
  }

  /**
   * A real record changed by {@code edit}, written back as the processor writes records: how the
   * tests get records no compilation can give (a newer schema version, a missing key, names with
   * {@code <script>}).
   */
  static String edited(String model, Consumer<JsonObject> edit) {
    JsonObject o = json(model);
    edit.accept(o);
    return GSON.toJson(o) + "\n";
  }

  /** A class output directory holding the records of {@code models}. */
  static Path classes(Path root, String... models) {
    Path dir = root.resolve("classes");
    for (String m : models) {
      put(dir, m + ".json", text(m));
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** Writes {@code text} to {@code classes/META-INF/paramcheck/fileName}. */
  static Path put(Path classes, String fileName, String text) {
    try {
      Path f = classes.resolve(RecordReader.RECORD_DIRECTORY).resolve(fileName);
      Files.createDirectories(f.getParent());
      Files.writeString(f, text, StandardCharsets.UTF_8);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A jar holding the records of {@code models}, as a model library ships them. */
  static Path jar(Path file, String... models) {
    try {
      Files.createDirectories(file.getParent());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
        out.putNextEntry(new JarEntry("META-INF/"));
        out.putNextEntry(new JarEntry(RecordReader.RECORD_DIRECTORY));
        for (String m : models) {
          out.putNextEntry(new JarEntry(RecordReader.RECORD_DIRECTORY + m + ".json"));
          out.write(text(m).getBytes(StandardCharsets.UTF_8));
          out.closeEntry();
        }
        out.putNextEntry(new JarEntry("dev/paramcheck/example/Other.class"));
        out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
        out.closeEntry();
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ModelRecord> records(Path root, String... models) {
    RecordReader.Result r = new RecordReader().read(List.of(classes(root, models)));
    if (!r.ok()) {
      throw new AssertionError(r.problems().toString());
    }
    return r.records();
  }

  /** Every model compiled, sorted by name. */
  static List<String> everyModel() {
    List<String> all = new ArrayList<>(SOURCES.keySet());
    all.sort(null);
    return all;
  }
}
