package dev.paramcheck.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The committed sizes to compare with ({@code paramcheck-baseline.json}): per model its
 * {@code params}, {@code bytes} and {@code macs}, sorted by model name, no dates, so the file only
 * changes when a model does.
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 1,
 *   "models": {
 *     "com.acme.ReviewSentiment": {
 *       "params": 164106,
 *       "bytes": 656424,
 *       "macs": null
 *     }
 *   }
 * }
 * }</pre>
 */
public record Baseline(Map<String, Entry> models) {
  public static final int SCHEMA_VERSION = 1;
  public static final String DEFAULT_FILE_NAME = "paramcheck-baseline.json";

  public Baseline {
    models = Collections.unmodifiableMap(new TreeMap<>(models));
  }

  /** One model's numbers; {@code macs} is {@code null} when unknown. */
  public record Entry(long params, long bytes, Long macs) {
    public static Entry of(ModelRecord r) {
      return new Entry(r.totals().params(), r.totals().bytes(), r.totals().macs());
    }
  }

  public static Baseline of(List<ModelRecord> records) {
    Map<String, Entry> m = new TreeMap<>();
    for (ModelRecord r : records) {
      m.put(r.model(), Entry.of(r));
    }
    return new Baseline(m);
  }

  /** A baseline larger than this is refused rather than read into memory. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  /**
   * Reads a baseline; empty when the file does not exist (no baseline committed yet). Messages
   * give the plugin's flag for a new baseline.
   *
   * @throws ReportException when the file exists but cannot be used, naming it
   */
  public static Optional<Baseline> read(Path file) throws ReportException {
    return read(file, Caller.MAVEN);
  }

  /**
   * Reads a baseline strictly ({@link StrictJson}): one JSON object and nothing after it,
   * {@code "schemaVersion"} and {@code "models"}, and per model {@code params}, {@code bytes} (whole
   * numbers from 0) and {@code macs} (one, or null); every problem of the file in one message,
   * with the fix in {@code caller}'s words. Empty when the file does not exist.
   *
   * @throws ReportException when the file exists but cannot be used, naming it
   */
  public static Optional<Baseline> read(Path file, Caller caller) throws ReportException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw problem(file, "cannot read the baseline: it is a directory; give the baseline file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw problem(file, "the baseline is larger than " + MAX_BYTES + " bytes, far more than"
            + " any baseline; " + fix(caller));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException | RuntimeException e) {
      throw problem(file, "cannot read the baseline (" + RecordReader.reason(e) + ")");
    }
    return Optional.of(parse(bytes, file, caller));
  }

  private static String fix(Caller caller) {
    return "fix it, or delete it and write a new baseline with " + caller.updateBaseline();
  }

  static Baseline parse(String text, Path file) throws ReportException {
    return parse(text.getBytes(StandardCharsets.UTF_8), file, Caller.MAVEN);
  }

  static Baseline parse(byte[] content, Path file, Caller caller) throws ReportException {
    JsonElement root;
    try {
      root = StrictJson.parse(content);
    } catch (StrictJson.Invalid e) {
      throw problem(file, "the baseline " + e.getMessage() + "; " + fix(caller));
    }
    if (!root.isJsonObject() || !root.getAsJsonObject().has("models")) {
      throw problem(file, "not a paramcheck baseline: it has no \"models\" object; "
          + fix(caller));
    }
    JsonObject o = root.getAsJsonObject();
    StrictJson.Fields f = new StrictJson.Fields();
    long version = f.count(o, "schemaVersion", "schemaVersion");
    if (f.ok() && version > SCHEMA_VERSION) {
      throw problem(file, "baseline schema version " + version
          + " is newer than this report reads (version " + SCHEMA_VERSION
          + "); use a paramcheck at least as new as the one that wrote it");
    }
    if (f.ok() && version < 1) {
      f.problem("\"schemaVersion\" must be 1, not " + version);
    }
    Map<String, Entry> models = new TreeMap<>();
    for (Map.Entry<String, JsonElement> e : f.object(o, "models", "models").entrySet()) {
      String name = e.getKey();
      String path = "models." + StrictJson.shorten(name);
      if (!e.getValue().isJsonObject()) {
        f.problem("\"" + path + "\" must be an object with params, bytes and macs");
        continue;
      }
      JsonObject m = e.getValue().getAsJsonObject();
      long params = f.count(m, "params", path + ".params");
      long bytes = f.count(m, "bytes", path + ".bytes");
      Long macs = f.nullableCount(m, "macs", path + ".macs");
      models.put(name, new Entry(params, bytes, macs));
    }
    if (!f.ok()) {
      throw problem(file, "the baseline cannot be used: " + String.join("; ", f.problems()) + "; "
          + fix(caller));
    }
    return new Baseline(models);
  }

  private static ReportException problem(Path file, String message) {
    return new ReportException(new Problem(file.toString(), message));
  }

  /** The file's text: 2-space indent, models sorted by name, a trailing newline. */
  public String toJson() {
    JsonObject root = new JsonObject();
    root.addProperty("schemaVersion", SCHEMA_VERSION);
    JsonObject ms = new JsonObject();
    for (Map.Entry<String, Entry> e : models.entrySet()) {
      JsonObject m = new JsonObject();
      m.addProperty("params", e.getValue().params());
      m.addProperty("bytes", e.getValue().bytes());
      m.add("macs", e.getValue().macs() == null
          ? JsonNull.INSTANCE : new JsonPrimitive(e.getValue().macs()));
      ms.add(e.getKey(), m);
    }
    root.add("models", ms);
    return GSON.toJson(root) + "\n";
  }

  /** Writes the file, creating its directory. */
  public void write(Path file) throws ReportException {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw problem(file, "cannot write the baseline (" + RecordReader.reason(e) + ")");
    }
  }

  static final Gson GSON = new GsonBuilder()
      .setPrettyPrinting()
      .serializeNulls()
      .disableHtmlEscaping()
      .create();
}
