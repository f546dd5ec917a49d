package dev.paramcheck.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the text of one record into a {@link ModelRecord}, or says in one message everything that
 * is wrong with it. The text is read by {@link StrictJson} (nothing after the JSON, no key twice,
 * UTF-8), every required key must be there, counts are whole numbers from 0, and the totals must be
 * the sums of the layers, as the processor writes them. Unknown keys are ignored (forward
 * compatible within a schema version); a newer schema version is refused.
 */
public final class RecordParser {
  private RecordParser() {}

  /** Why a text is not a record this report can use. */
  public static final class InvalidRecord extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidRecord(String message) {
      super(message, null, false, false);
    }
  }

  /** The fix for a record that is not as the processor wrote it. */
  static final String REBUILD = "rebuild with mvn clean compile (or a clean build of your tool),"
      + " which rewrites every record";

  public static ModelRecord parse(String text, String origin) throws InvalidRecord {
    JsonElement root;
    try {
      root = StrictJson.parse(text);
    } catch (StrictJson.Invalid e) {
      throw new InvalidRecord("the record " + e.getMessage() + "; " + REBUILD);
    }
    return parse(root, origin);
  }

  /** Parses the bytes of one record; {@code origin} says where it was read, for messages. */
  public static ModelRecord parse(byte[] bytes, String origin) throws InvalidRecord {
    JsonElement root;
    try {
      root = StrictJson.parse(bytes);
    } catch (StrictJson.Invalid e) {
      throw new InvalidRecord("the record " + e.getMessage() + "; " + REBUILD);
    }
    return parse(root, origin);
  }

  private static ModelRecord parse(JsonElement root, String origin) throws InvalidRecord {
    if (!root.isJsonObject()) {
      throw new InvalidRecord("not a paramcheck record: the JSON is not an object");
    }
    JsonObject o = root.getAsJsonObject();
    if (!o.has("schemaVersion") || !o.has("model")) {
      throw new InvalidRecord(
          "not a paramcheck record: it has no \"schemaVersion\" and \"model\" (a file of another"
              + " tool under META-INF/paramcheck/? move it elsewhere)");
    }
    StrictJson.Fields f = new StrictJson.Fields();
    long version = f.count(o, "schemaVersion", "schemaVersion");
    if (!f.ok()) {
      throw new InvalidRecord(f.problems().get(0) + "; " + REBUILD);
    }
    if (version > ModelRecord.SCHEMA_VERSION) {
      throw new InvalidRecord(
          "record schema version " + version + " is newer than this report reads (version "
              + ModelRecord.SCHEMA_VERSION + "): the record was written by a newer paramcheck;"
              + " use a paramcheck-report (or paramcheck-maven-plugin) at least as new as the"
              + " processor");
    }
    if (version < 1) {
      throw new InvalidRecord("\"schemaVersion\" must be 1 or more, not " + version + "; " + REBUILD);
    }

    String model = f.string(o, "model", "model");
    JsonObject inputJson = f.object(o, "input", "input");
    ModelRecord.Input input = new ModelRecord.Input(
        f.nullableCount(inputJson, "timesteps", "input.timesteps"),
        f.nullableCount(inputJson, "features", "input.features"));
    JsonArray layersJson = f.array(o, "layers", "layers");
    List<ModelRecord.Layer> layers = new ArrayList<>();
    for (int i = 0; i < layersJson.size(); i++) {
      layers.add(layer(f, f.element(layersJson, i, "layers"), "layers[" + i + "]"));
    }
    ModelRecord.Totals totals = totals(f, f.object(o, "totals", "totals"));
    JsonArray budgetsJson = f.array(o, "budgets", "budgets");
    List<ModelRecord.Budget> budgets = new ArrayList<>();
    for (int i = 0; i < budgetsJson.size(); i++) {
      budgets.add(budget(f, f.element(budgetsJson, i, "budgets"), "budgets[" + i + "]"));
    }
    ModelRecord r = new ModelRecord(
        (int) version,
        f.string(o, "paramcheckVersion", "paramcheckVersion"),
        model,
        f.string(o, "summaryClass", "summaryClass"),
        f.string(o, "sourceFile", "sourceFile"),
        f.string(o, "convention", "convention"),
        f.string(o, "precision", "precision"),
        input,
        layers,
        totals,
        budgets,
        f.string(o, "table", "table"),
        origin);
    if (f.ok()) {
      consistent(r, f);
    }
    if (!f.ok()) {
      throw new InvalidRecord(String.join("; ", f.problems()) + "; " + REBUILD);
    }
    return r;
  }

  /** The numbers must agree with one another, as the processor writes them. */
  private static void consistent(ModelRecord r, StrictJson.Fields f) {
    long params = 0;
    long trainable = 0;
    long nonTrainable = 0;
    long bytes = 0;
    Long macs = 0L;
    try {
      for (int i = 0; i < r.layers().size(); i++) {
        ModelRecord.Layer l = r.layers().get(i);
        String at = "layers[" + i + "]";
        if (l.params() != Math.addExact(l.trainable(), l.nonTrainable())) {
          f.problem(sum(at + ".params", l.params(), at + ".trainable + " + at + ".nonTrainable",
              Math.addExact(l.trainable(), l.nonTrainable())));
        }
        if (!l.weights().isEmpty()) {
          long w = 0;
          for (ModelRecord.Weight weight : l.weights()) {
            w = Math.addExact(w, weight.count());
          }
          if (w != l.params()) {
            f.problem(sum(at + ".params", l.params(), "the counts of " + at + ".weights", w));
          }
        }
        params = Math.addExact(params, l.params());
        trainable = Math.addExact(trainable, l.trainable());
        nonTrainable = Math.addExact(nonTrainable, l.nonTrainable());
        bytes = Math.addExact(bytes, l.bytes());
        macs = macs == null || l.macs() == null ? null : Math.addExact(macs, l.macs());
      }
      ModelRecord.Totals t = r.totals();
      if (t.params() != params) {
        f.problem(sum("totals.params", t.params(), "the layers' params", params));
      }
      if (t.trainable() != trainable) {
        f.problem(sum("totals.trainable", t.trainable(), "the layers' trainable", trainable));
      }
      if (t.nonTrainable() != nonTrainable) {
        f.problem(sum("totals.nonTrainable", t.nonTrainable(), "the layers' nonTrainable",
            nonTrainable));
      }
      if (t.bytes() != bytes) {
        f.problem(sum("totals.bytes", t.bytes(), "the layers' bytes", bytes));
      }
      if (t.bytes() != Math.addExact(t.trainableBytes(), t.nonTrainableBytes())) {
        f.problem(sum("totals.bytes", t.bytes(), "totals.trainableBytes + totals.nonTrainableBytes",
            Math.addExact(t.trainableBytes(), t.nonTrainableBytes())));
      }
      if (t.macs() != null && macs != null && !t.macs().equals(macs)) {
        f.problem(sum("totals.macs", t.macs(), "the layers' macs", macs));
      }
      for (int i = 0; i < r.budgets().size(); i++) {
        ModelRecord.Budget b = r.budgets().get(i);
        long h = Math.subtractExact(b.max(), b.used());
        if (b.headroom() != h) {
          f.problem(sum("budgets[" + i + "].headroom", b.headroom(),
              "budgets[" + i + "].max - budgets[" + i + "].used", h));
        }
      }
    } catch (ArithmeticException e) {
      f.problem("the counts add up to more than " + Long.MAX_VALUE + ", which no model has");
    }
  }

  private static String sum(String key, long value, String of, long expected) {
    return "\"" + key + "\" is " + value + " but " + of + " make " + expected;
  }

  private static ModelRecord.Layer layer(StrictJson.Fields f, JsonObject o, String path) {
    JsonObject attrs = f.object(o, "attributes", path + ".attributes");
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : attrs.entrySet()) {
      attributes.put(e.getKey(), attribute(f, e.getValue(), path + ".attributes." + e.getKey()));
    }
    JsonArray weightsJson = f.array(o, "weights", path + ".weights");
    List<ModelRecord.Weight> weights = new ArrayList<>();
    for (int i = 0; i < weightsJson.size(); i++) {
      String wp = path + ".weights[" + i + "]";
      JsonObject w = f.element(weightsJson, i, path + ".weights");
      weights.add(new ModelRecord.Weight(
          f.string(w, "key", wp + ".key"),
          f.count(w, "count", wp + ".count"),
          f.bool(w, "trainable", wp + ".trainable")));
    }
    return new ModelRecord.Layer(
        f.string(o, "name", path + ".name"),
        f.string(o, "kerasClass", path + ".kerasClass"),
        f.string(o, "annotation", path + ".annotation"),
        attributes,
        f.string(o, "outputShape", path + ".outputShape"),
        f.count(o, "params", path + ".params"),
        f.count(o, "trainable", path + ".trainable"),
        f.count(o, "nonTrainable", path + ".nonTrainable"),
        f.string(o, "precision", path + ".precision"),
        f.count(o, "bytes", path + ".bytes"),
        f.nullableCount(o, "macs", path + ".macs"),
        weights,
        inbound(f, o, path));
  }

  /** A functional model's layer: the tensors it takes ({@code inbound}); none in a sequential model. */
  private static List<String> inbound(StrictJson.Fields f, JsonObject o, String path) {
    if (!o.has("inbound")) {
      return List.of();
    }
    JsonArray array = f.array(o, "inbound", path + ".inbound");
    List<String> tensors = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonElement e = array.get(i);
      if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
        tensors.add(e.getAsString());
      } else {
        f.problem("\"" + path + ".inbound[" + i + "]\" must be a string such as \"encoder[0][1]\"");
      }
    }
    return List.copyOf(tensors);
  }

  private static Object attribute(StrictJson.Fields f, JsonElement e, String path) {
    if (e.isJsonArray()) { // an array attribute: a shape, @From's fields
      List<Object> values = new ArrayList<>();
      JsonArray array = e.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isJsonArray()) {
          f.problem("\"" + path + "[" + i + "]\" must be a number, a boolean or a string");
        } else {
          values.add(attribute(f, array.get(i), path + "[" + i + "]"));
        }
      }
      return List.copyOf(values);
    }
    if (e.isJsonPrimitive()) {
      JsonPrimitive p = e.getAsJsonPrimitive();
      if (p.isBoolean()) {
        return p.getAsBoolean();
      }
      if (p.isString()) {
        return p.getAsString();
      }
      if (p.isNumber()) {
        String text = p.getAsString();
        if (text.length() > 40) {
          f.problem("\"" + path + "\" is not a number any layer takes: " + StrictJson.shorten(text));
          return 0L;
        }
        // whole numbers (units, features) as longs; a rate or a mask value is a double
        BigDecimal n = new BigDecimal(text);
        if (n.stripTrailingZeros().scale() <= 0) {
          try {
            return n.longValueExact();
          } catch (ArithmeticException ex) {
            f.problem("\"" + path + "\" is too large: " + text + " does not fit in a long");
            return 0L;
          }
        }
        return n.doubleValue();
      }
    }
    f.problem("\"" + path + "\" must be a number, a boolean, a string or an array of them");
    return "";
  }

  private static ModelRecord.Totals totals(StrictJson.Fields f, JsonObject o) {
    return new ModelRecord.Totals(
        f.count(o, "params", "totals.params"),
        f.count(o, "trainable", "totals.trainable"),
        f.count(o, "nonTrainable", "totals.nonTrainable"),
        f.count(o, "bytes", "totals.bytes"),
        f.count(o, "trainableBytes", "totals.trainableBytes"),
        f.count(o, "nonTrainableBytes", "totals.nonTrainableBytes"),
        f.nullableCount(o, "macs", "totals.macs"));
  }

  private static ModelRecord.Budget budget(StrictJson.Fields f, JsonObject o, String path) {
    return new ModelRecord.Budget(
        f.string(o, "kind", path + ".kind"),
        f.string(o, "scope", path + ".scope"),
        f.nullableString(o, "layer", path + ".layer"),
        f.string(o, "source", path + ".source"),
        f.count(o, "max", path + ".max"),
        f.count(o, "used", path + ".used"),
        f.signed(o, "headroom", path + ".headroom"));
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
