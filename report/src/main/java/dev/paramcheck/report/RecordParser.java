package dev.paramcheck.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the text of one record into a {@link ModelRecord}, or says in one sentence what is wrong
 * with it. Unknown keys are ignored (forward compatible within a schema version); a newer schema
 * version is refused.
 */
final class RecordParser {
  private RecordParser() {}

  /** Why a text is not a record this report can use. */
  static final class InvalidRecord extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidRecord(String message) {
      super(message, null, false, false);
    }
  }

  static ModelRecord parse(String text, String origin) throws InvalidRecord {
    JsonElement root;
    try {
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      JsonReader reader = new JsonReader(new StringReader(body));
      reader.setStrictness(com.google.gson.Strictness.STRICT);
      root = JsonParser.parseReader(reader);
      if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
        throw new InvalidRecord("not valid JSON: text after the end of the record");
      }
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new InvalidRecord("not valid JSON (" + oneLine(innermost(e)) + ")");
    }
    if (!root.isJsonObject()) {
      throw new InvalidRecord("not a paramcheck record: the JSON is not an object");
    }
    JsonObject o = root.getAsJsonObject();
    if (!o.has("schemaVersion") || !o.has("model")) {
      throw new InvalidRecord(
          "not a paramcheck record: it has no \"schemaVersion\" and \"model\" (a file of another"
              + " tool under META-INF/paramcheck/?)");
    }
    long version = longValue(o, "schemaVersion", "schemaVersion");
    if (version > ModelRecord.SCHEMA_VERSION) {
      throw new InvalidRecord(
          "record schema version " + version + " is newer than this report reads (version "
              + ModelRecord.SCHEMA_VERSION + "): the record was written by a newer paramcheck;"
              + " use a paramcheck-report (or paramcheck-maven-plugin) at least as new as the"
              + " processor");
    }
    if (version < 1) {
      throw new InvalidRecord("\"schemaVersion\" must be 1 or more, not " + version);
    }

    String model = string(o, "model", "model");
    ModelRecord.Input input = input(object(o, "input", "input"));
    JsonArray layersJson = array(o, "layers", "layers");
    List<ModelRecord.Layer> layers = new ArrayList<>();
    for (int i = 0; i < layersJson.size(); i++) {
      layers.add(layer(element(layersJson, i, "layers"), "layers[" + i + "]"));
    }
    ModelRecord.Totals totals = totals(object(o, "totals", "totals"));
    JsonArray budgetsJson = array(o, "budgets", "budgets");
    List<ModelRecord.Budget> budgets = new ArrayList<>();
    for (int i = 0; i < budgetsJson.size(); i++) {
      budgets.add(budget(element(budgetsJson, i, "budgets"), "budgets[" + i + "]"));
    }
    return new ModelRecord(
        (int) version,
        string(o, "paramcheckVersion", "paramcheckVersion"),
        model,
        string(o, "summaryClass", "summaryClass"),
        string(o, "sourceFile", "sourceFile"),
        string(o, "convention", "convention"),
        string(o, "precision", "precision"),
        input,
        layers,
        totals,
        budgets,
        string(o, "table", "table"),
        origin);
  }

  private static ModelRecord.Input input(JsonObject o) throws InvalidRecord {
    return new ModelRecord.Input(
        nullableLong(o, "timesteps", "input.timesteps"),
        nullableLong(o, "features", "input.features"));
  }

  private static ModelRecord.Layer layer(JsonObject o, String path) throws InvalidRecord {
    JsonObject attrs = object(o, "attributes", path + ".attributes");
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : attrs.entrySet()) {
      attributes.put(e.getKey(), attribute(e.getValue(), path + ".attributes." + e.getKey()));
    }
    JsonArray weightsJson = array(o, "weights", path + ".weights");
    List<ModelRecord.Weight> weights = new ArrayList<>();
    for (int i = 0; i < weightsJson.size(); i++) {
      String wp = path + ".weights[" + i + "]";
      JsonObject w = element(weightsJson, i, path + ".weights");
      weights.add(new ModelRecord.Weight(
          string(w, "key", wp + ".key"),
          longValue(w, "count", wp + ".count"),
          bool(w, "trainable", wp + ".trainable")));
    }
    return new ModelRecord.Layer(
        string(o, "name", path + ".name"),
        string(o, "kerasClass", path + ".kerasClass"),
        string(o, "annotation", path + ".annotation"),
        attributes,
        string(o, "outputShape", path + ".outputShape"),
        longValue(o, "params", path + ".params"),
        longValue(o, "trainable", path + ".trainable"),
        longValue(o, "nonTrainable", path + ".nonTrainable"),
        string(o, "precision", path + ".precision"),
        longValue(o, "bytes", path + ".bytes"),
        nullableLong(o, "macs", path + ".macs"),
        weights);
  }

  private static Object attribute(JsonElement e, String path) throws InvalidRecord {
    if (e.isJsonPrimitive()) {
      JsonPrimitive p = e.getAsJsonPrimitive();
      if (p.isBoolean()) {
        return p.getAsBoolean();
      }
      if (p.isString()) {
        return p.getAsString();
      }
      if (p.isNumber()) {
        // whole numbers (units, features) as longs; a rate or a mask value is a double
        java.math.BigDecimal n = p.getAsBigDecimal();
        return n.stripTrailingZeros().scale() <= 0 ? integer(p, path) : (Object) p.getAsDouble();
      }
    }
    if (e.isJsonArray()) { // an array attribute (schema 0.2): kernelSize, outputShape, ...
      java.util.List<Object> items = new java.util.ArrayList<>(e.getAsJsonArray().size());
      int i = 0;
      for (JsonElement item : e.getAsJsonArray()) {
        if (item.isJsonArray()) {
          throw new InvalidRecord("\"" + path + "[" + i + "]\" must be a number, a boolean or a string");
        }
        items.add(attribute(item, path + "[" + i++ + "]"));
      }
      return java.util.List.copyOf(items);
    }
    throw new InvalidRecord("\"" + path + "\" must be a number, a boolean, a string or an array of them");
  }

  private static ModelRecord.Totals totals(JsonObject o) throws InvalidRecord {
    return new ModelRecord.Totals(
        longValue(o, "params", "totals.params"),
        longValue(o, "trainable", "totals.trainable"),
        longValue(o, "nonTrainable", "totals.nonTrainable"),
        longValue(o, "bytes", "totals.bytes"),
        longValue(o, "trainableBytes", "totals.trainableBytes"),
        longValue(o, "nonTrainableBytes", "totals.nonTrainableBytes"),
        nullableLong(o, "macs", "totals.macs"));
  }

  private static ModelRecord.Budget budget(JsonObject o, String path) throws InvalidRecord {
    return new ModelRecord.Budget(
        string(o, "kind", path + ".kind"),
        string(o, "scope", path + ".scope"),
        nullableString(o, "layer", path + ".layer"),
        string(o, "source", path + ".source"),
        longValue(o, "max", path + ".max"),
        longValue(o, "used", path + ".used"),
        longValue(o, "headroom", path + ".headroom"));
  }

  // --- typed access, each failure naming the key's path ---

  private static JsonElement required(JsonObject o, String key, String path) throws InvalidRecord {
    JsonElement e = o.get(key);
    if (e == null) {
      throw new InvalidRecord("\"" + path + "\" is missing");
    }
    return e;
  }

  private static JsonObject element(JsonArray a, int i, String path) throws InvalidRecord {
    JsonElement e = a.get(i);
    if (!e.isJsonObject()) {
      throw new InvalidRecord("\"" + path + "[" + i + "]\" must be an object");
    }
    return e.getAsJsonObject();
  }

  private static JsonObject object(JsonObject o, String key, String path) throws InvalidRecord {
    JsonElement e = required(o, key, path);
    if (!e.isJsonObject()) {
      throw new InvalidRecord("\"" + path + "\" must be an object");
    }
    return e.getAsJsonObject();
  }

  private static JsonArray array(JsonObject o, String key, String path) throws InvalidRecord {
    JsonElement e = required(o, key, path);
    if (!e.isJsonArray()) {
      throw new InvalidRecord("\"" + path + "\" must be an array");
    }
    return e.getAsJsonArray();
  }

  private static String string(JsonObject o, String key, String path) throws InvalidRecord {
    JsonElement e = required(o, key, path);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new InvalidRecord("\"" + path + "\" must be a string");
    }
    return e.getAsString();
  }

  private static String nullableString(JsonObject o, String key, String path)
      throws InvalidRecord {
    JsonElement e = required(o, key, path);
    return e.isJsonNull() ? null : string(o, key, path);
  }

  private static boolean bool(JsonObject o, String key, String path) throws InvalidRecord {
    JsonElement e = required(o, key, path);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw new InvalidRecord("\"" + path + "\" must be true or false");
    }
    return e.getAsBoolean();
  }

  private static long longValue(JsonObject o, String key, String path) throws InvalidRecord {
    JsonElement e = required(o, key, path);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new InvalidRecord("\"" + path + "\" must be an integer");
    }
    return integer(e.getAsJsonPrimitive(), path);
  }

  private static Long nullableLong(JsonObject o, String key, String path) throws InvalidRecord {
    JsonElement e = required(o, key, path);
    return e.isJsonNull() ? null : longValue(o, key, path);
  }

  private static long integer(JsonPrimitive p, String path) throws InvalidRecord {
    try {
      return new BigDecimal(p.getAsString()).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidRecord(
          "\"" + path + "\" must be an integer that fits in a long, not " + p.getAsString());
    }
  }

  /** Gson wraps the reader's exception; its message is the one that says where. */
  static String innermost(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause().getMessage() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  static String oneLine(String s) {
    if (s == null) {
      return "no detail";
    }
    String t = s.replaceAll("\\s+", " ").trim();
    return t.length() > 300 ? t.substring(0, 300) + "..." : t;
  }
}
