package dev.paramcheck.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The records the tests read.
 *
 * <p>TODO(main): these are the records the processor will write for the example app's models
 * (their tables are the processor's own output, their counts the ones its tests check), kept as
 * resources because the processor does not write records on this branch yet. Once it does, build
 * them with {@link RealCompilationTest#compile} instead and delete src/test/resources/records.
 */
final class Fixtures {
  private Fixtures() {}

  static final String SENTIMENT = "dev.paramcheck.example.SentimentRnn";
  static final String SEED = "dev.paramcheck.example.SeedClassifier";
  static final String LSTM = "dev.paramcheck.example.GuideLstm";
  static final String GRU = "dev.paramcheck.example.GuideGru";
  static final String REVIEW = "dev.paramcheck.example.ReviewSentiment";
  static final List<String> ALL = List.of(GRU, LSTM, REVIEW, SEED, SENTIMENT);

  static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
      .disableHtmlEscaping().create();

  static String text(String model) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/records/" + model + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture for " + model);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonObject json(String model) {
    return JsonParser.parseString(text(model)).getAsJsonObject();
  }

  /** A record changed by {@code edit}, written back as the processor writes records. */
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
}
