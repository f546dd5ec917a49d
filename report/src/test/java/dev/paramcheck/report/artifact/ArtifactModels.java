package dev.paramcheck.report.artifact;

import dev.paramcheck.report.ModelRecord;
import dev.paramcheck.report.RecordReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The declarations of the models in src/test/resources/artifacts (made by
 * tools/corpus/artifacts/generate.py from the same architectures), compiled once per JVM through
 * the processor; each model once in Keras's convention and once, with a {@code Torch} suffix, in
 * PyTorch's.
 */
final class ArtifactModels {
  private ArtifactModels() {}

  static final Path RESOURCES = Path.of("src/test/resources/artifacts");

  private static final Map<String, String> BODIES = new LinkedHashMap<>();

  static {
    BODIES.put("Tagger", String.join("\n",
        "  @Embedding(inputDim = 100, outputDim = 8) Object tokens;",
        "  @Lstm(units = 16) Object encoder;",
        "  @Dense(units = 4) Object tag;"));
    BODIES.put("Sensor", String.join("\n",
        "  @Conv1d(filters = 8, kernelSize = 3, features = 6, timesteps = 7) Object conv;",
        "  @Gru(units = 12) Object context;",
        "  @Dense(units = 2) Object head;"));
    BODIES.put("Echo", String.join("\n",
        "  @SimpleRnn(units = 10, features = 3) Object rnn;",
        "  @LayerNormalization Object norm;",
        "  @Dense(units = 5) Object out;"));
    BODIES.put("Folded", String.join("\n",
        "  @Conv1d(filters = 8, kernelSize = 3, features = 4, useBias = false) Object conv;",
        "  @BatchNormalization Object norm;",
        "  @GlobalAveragePooling1d Object pool;",
        "  @Dense(units = 1) Object score;"));
  }

  private static Map<String, ModelRecord> records;
  private static Path classes;

  /** The class output the declarations were compiled into, with their records. */
  static synchronized Path classes() {
    record("Tagger");
    return classes;
  }

  /** The record of {@code fixtures.NAME} ({@code Tagger}, {@code TaggerTorch}, ...). */
  static synchronized ModelRecord record(String simpleName) {
    if (records == null) {
      records = compile();
    }
    ModelRecord r = records.get("fixtures." + simpleName);
    if (r == null) {
      throw new IllegalArgumentException("no model " + simpleName + " in " + records.keySet());
    }
    return r;
  }

  static List<String> sources() {
    List<String> s = new ArrayList<>();
    for (Map.Entry<String, String> e : BODIES.entrySet()) {
      s.add(source(e.getKey(), "", e.getValue()));
      s.add(source(e.getKey() + "Torch", "@Convention(Framework.PYTORCH)\n", e.getValue()));
    }
    return s;
  }

  static String source(String name, String annotations, String body) {
    return "package fixtures;\nimport dev.paramcheck.*;\n" + annotations + "public class " + name
        + " {\n" + body + "\n}\n";
  }

  /** Compiles {@code fixtures.NAME} sources (name, text) and reads their records. */
  static Map<String, ModelRecord> compile(Map<String, String> sources) {
    return compile(sources, null);
  }

  static Map<String, ModelRecord> compile(Map<String, String> sources, Path[] classesOut) {
    try {
      Path root = Files.createTempDirectory("paramcheck-artifacts");
      Path classes = Files.createDirectories(root.resolve("classes"));
      if (classesOut != null) {
        classesOut[0] = classes;
      }
      Path src = Files.createDirectories(root.resolve("src/fixtures"));
      List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-encoding", "UTF-8",
          "-classpath", System.getProperty("java.class.path"),
          "-processorpath", System.getProperty("java.class.path")));
      for (Map.Entry<String, String> e : sources.entrySet()) {
        Path f = src.resolve(e.getKey() + ".java");
        Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        args.add(f.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = javac.run(null, null, err, args.toArray(new String[0]));
      if (code != 0) {
        throw new IllegalStateException("javac: " + err.toString(StandardCharsets.UTF_8));
      }
      RecordReader.Result r = new RecordReader().read(List.of(classes));
      if (!r.ok()) {
        throw new IllegalStateException(r.problems().toString());
      }
      Map<String, ModelRecord> out = new LinkedHashMap<>();
      r.records().forEach(m -> out.put(m.model(), m));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, ModelRecord> compile() {
    Map<String, String> s = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : BODIES.entrySet()) {
      s.put(e.getKey(), source(e.getKey(), "", e.getValue()));
      s.put(e.getKey() + "Torch",
          source(e.getKey() + "Torch", "@Convention(Framework.PYTORCH)\n", e.getValue()));
    }
    Path[] out = new Path[1];
    Map<String, ModelRecord> r = compile(s, out);
    classes = out[0];
    return r;
  }

  static Artifact read(String file) throws ArtifactException {
    return ArtifactReaders.read(RESOURCES.resolve(file), file);
  }

  static Verification verify(String model, String file) throws ArtifactException {
    return ArtifactVerifier.verify(record(model), read(file));
  }
}
