package dev.paramcheck.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
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

  /**
   * Reads a baseline; empty when the file does not exist (no baseline committed yet).
   *
   * @throws ReportException when the file exists but cannot be used, naming it
   */
  public static Optional<Baseline> read(Path file) throws ReportException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw problem(file, "cannot read the baseline (" + RecordReader.reason(e) + ")");
    }
    return Optional.of(parse(text, file));
  }

  static Baseline parse(String text, Path file) throws ReportException {
    JsonElement root;
    try {
      JsonReader reader = new JsonReader(new StringReader(
          text.startsWith("\uFEFF") ? text.substring(1) : text));
      reader.setStrictness(Strictness.STRICT);
      root = JsonParser.parseReader(reader);
    } catch (JsonParseException | IllegalStateException e) {
      throw problem(file, "the baseline is not valid JSON ("
          + RecordParser.oneLine(RecordParser.innermost(e))
          + "); fix it, or delete it and write a new one with -Dparamcheck.updateBaseline");
    }
    if (!root.isJsonObject() || !root.getAsJsonObject().has("models")
        || !root.getAsJsonObject().get("models").isJsonObject()) {
      throw problem(file, "not a paramcheck baseline: it has no \"models\" object");
    }
    JsonObject o = root.getAsJsonObject();
    JsonElement v = o.get("schemaVersion");
    if (v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()
        && v.getAsBigDecimal().compareTo(BigDecimal.valueOf(SCHEMA_VERSION)) > 0) {
      throw problem(file, "baseline schema version " + v.getAsString()
          + " is newer than this report reads (version " + SCHEMA_VERSION
          + "); use a paramcheck at least as new as the one that wrote it");
    }
    Map<String, Entry> models = new TreeMap<>();
    for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("models").entrySet()) {
      String name = e.getKey();
      if (!e.getValue().isJsonObject()) {
        throw problem(file, "model " + name + ": must be an object with params, bytes and macs");
      }
      JsonObject m = e.getValue().getAsJsonObject();
      Long params = number(m, "params", name, file, false);
      Long bytes = number(m, "bytes", name, file, false);
      Long macs = number(m, "macs", name, file, true);
      models.put(name, new Entry(params, bytes, macs));
    }
    return new Baseline(models);
  }

  private static Long number(JsonObject m, String key, String model, Path file, boolean nullable)
      throws ReportException {
    JsonElement e = m.get(key);
    if ((e == null || e.isJsonNull()) && nullable) {
      return null;
    }
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw problem(file, "model " + model + ": \"" + key + "\" must be an integer"
          + (nullable ? " or null" : ""));
    }
    try {
      return new BigDecimal(e.getAsString()).longValueExact();
    } catch (NumberFormatException | ArithmeticException ex) {
      throw problem(file, "model " + model + ": \"" + key + "\" must be an integer, not "
          + e.getAsString());
    }
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
