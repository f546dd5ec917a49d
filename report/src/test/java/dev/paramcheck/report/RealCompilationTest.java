package dev.paramcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records from a real compilation: javac with the processor (on this test class path) compiles
 * the {@link Fixtures} models, and the report reads what it wrote to the class output, validated
 * against docs/record-schema.json. A processor that writes no record, or a record the schema
 * refuses, fails here (and every other test, which reads the same records through Fixtures).
 */
class RealCompilationTest {
  @TempDir Path tmp;

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern CLASS = Pattern.compile("(?m)^public class ([\\p{L}\\p{N}_$]+)");

  /**
   * Compiles the sources (each with a package and one top-level public class) with the processor;
   * returns the class output directory, {@code root/classes}.
   */
  static Path compile(Path root, String... sources) throws java.io.IOException {
    Path classes = Files.createDirectories(root.resolve("classes"));
    List<String> args = new ArrayList<>(List.of(
        "-d", classes.toString(),
        "-encoding", "UTF-8",
        "-classpath", System.getProperty("java.class.path"),
        "-processorpath", System.getProperty("java.class.path")));
    for (String s : sources) {
      Matcher pkg = PACKAGE.matcher(s);
      Matcher cls = CLASS.matcher(s);
      if (!pkg.find() || !cls.find()) {
        throw new IllegalArgumentException("no package or public class in\n" + s);
      }
      Path f = root.resolve("src").resolve(pkg.group(1).replace('.', '/'))
          .resolve(cls.group(1) + ".java");
      Files.createDirectories(f.getParent());
      Files.writeString(f, s, StandardCharsets.UTF_8);
      args.add(f.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = javac.run(null, null, err, args.toArray(new String[0]));
    assertEquals(0, code, () -> "javac with the processor:\n" + err.toString(StandardCharsets.UTF_8));
    return classes;
  }

  @Test
  void theProcessorWritesARecordPerModelThatTheSchemaAccepts() throws Exception {
    Path classes = compile(tmp, Fixtures.SOURCES.values().toArray(new String[0]));
    assertTrue(Files.isRegularFile(classes.resolve("dev/paramcheck/example/SentimentRnnSummary.class")),
        "the processor ran");
    Path records = classes.resolve(RecordReader.RECORD_DIRECTORY);
    assertTrue(Files.isDirectory(records), "the processor wrote no records to " + records);
    List<String> written;
    try (Stream<Path> files = Files.list(records)) {
      written = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(Fixtures.everyModel().stream().map(m -> m + ".json").toList(), written);
    for (String model : Fixtures.everyModel()) {
      String text = Files.readString(records.resolve(model + ".json"), StandardCharsets.UTF_8);
      assertEquals(List.of(), RecordSchemaTest.validate(text), model);
      assertEquals(text, Fixtures.text(model), "the same bytes on every compilation: " + model);
    }
  }

  @Test
  void theReportReadsWhatTheProcessorWrote() throws Exception {
    Path classes = compile(tmp, Fixtures.SOURCES.values().toArray(new String[0]));
    RecordReader.Result r = new RecordReader().read(List.of(classes));
    assertTrue(r.ok(), r.problems().toString());
    assertEquals(Fixtures.everyModel(), r.records().stream().map(ModelRecord::model).toList());

    // The expected numbers are not the processor's: published by keras.io (the guide models), or
    // from the Keras layer formulas worked out in Fixtures' comments.
    Map<String, Long> params = Map.of(
        Fixtures.SENTIMENT, 120L,
        Fixtures.SEED, 68L,
        Fixtures.LSTM, 164_106L,
        Fixtures.GRU, 361_866L,
        Fixtures.REVIEW, 2_666_145L,
        Fixtures.SENSOR, 425L,
        Fixtures.UNICODE, 106L);
    Map<String, Long> macs = Map.of(Fixtures.SENSOR, 8_329L, Fixtures.UNICODE, 298L);
    for (ModelRecord m : r.records()) {
      assertEquals(params.get(m.model()), m.totals().params(), m.model());
      assertEquals(4 * params.get(m.model()), m.totals().bytes(), m.model() + ": float32");
      assertEquals(macs.get(m.model()), m.totals().macs(), m.model() + ": MACs");
    }
    ModelRecord sensor = record(r, Fixtures.SENSOR);
    assertEquals(List.of("PARAMS", "BYTES", "MACS"),
        sensor.budgets().stream().map(ModelRecord.Budget::kind).toList());
    assertEquals(1_048_576, sensor.budgets().get(1).max(), "1 MiB");
    assertEquals(20L, sensor.input().timesteps());
    assertEquals(List.of(8_320L, 9L), sensor.layers().stream().map(ModelRecord.Layer::macs).toList());
    ModelRecord unicode = record(r, Fixtures.UNICODE);
    assertEquals(List.of("größe_$1", "ausgabe_Ω"),
        unicode.layers().stream().map(ModelRecord.Layer::name).toList());
    assertEquals("dev/paramcheck/example/Wetter_Modèle.java", unicode.sourceFile());

    String md = MarkdownReport.render(r.records(), Comparison.of(r.records(), Optional.empty()));
    assertTrue(md.contains("| dev.paramcheck.example.SentimentRnn | 120 | 480 | \u2014 |"), md);
    assertTrue(md.contains("| dev.paramcheck.example.SensorLstm | 425 | 1,700 | 8,329 |"), md);
  }

  private static ModelRecord record(RecordReader.Result r, String model) {
    return r.records().stream().filter(m -> m.model().equals(model)).findFirst().orElseThrow();
  }
}
