package dev.paramcheck.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code report.json}: every model with its numbers, budgets, layers and change against the
 * baseline, for tools. Models sorted by name, no dates, no paths of this machine: the same records
 * give the same bytes.
 */
public final class JsonReport {
  /** The version of report.json's own layout. */
  public static final int REPORT_VERSION = 1;

  private JsonReport() {}

  public static String render(List<ModelRecord> records, Comparison comparison) {
    JsonObject root = new JsonObject();
    root.addProperty("reportVersion", REPORT_VERSION);
    root.addProperty("hasBaseline", comparison.hasBaseline());
    JsonArray models = new JsonArray();
    for (ModelRecord r : records) {
      models.add(model(r, comparison.change(r.model())));
    }
    root.add("models", models);
    JsonArray removed = new JsonArray();
    for (Comparison.Removed rm : comparison.removed()) {
      JsonObject o = new JsonObject();
      o.addProperty("model", rm.model());
      o.add("baseline", entry(rm.before()));
      removed.add(o);
    }
    root.add("removed", removed);
    return Baseline.GSON.toJson(root) + "\n";
  }

  private static JsonObject model(ModelRecord r, Optional<Comparison.Change> change) {
    JsonObject o = new JsonObject();
    o.addProperty("model", r.model());
    o.addProperty("summaryClass", r.summaryClass());
    o.addProperty("sourceFile", r.sourceFile());
    o.addProperty("paramcheckVersion", r.paramcheckVersion());
    o.addProperty("convention", r.convention());
    o.addProperty("precision", r.precision());
    o.addProperty("params", r.totals().params());
    o.addProperty("trainable", r.totals().trainable());
    o.addProperty("nonTrainable", r.totals().nonTrainable());
    o.addProperty("bytes", r.totals().bytes());
    o.add("macs", num(r.totals().macs()));
    Optional<ModelRecord.Budget> tight = r.tightestBudget();
    o.add("tightestBudget", tight.<JsonElement>map(JsonReport::budget).orElse(JsonNull.INSTANCE));
    JsonArray budgets = new JsonArray();
    r.budgets().forEach(b -> budgets.add(budget(b)));
    o.add("budgets", budgets);
    o.add("change", change.<JsonElement>map(JsonReport::change).orElse(JsonNull.INSTANCE));
    JsonArray layers = new JsonArray();
    long total = r.totals().params();
    for (ModelRecord.Layer l : r.layers()) {
      JsonObject lo = new JsonObject();
      lo.addProperty("name", l.name());
      lo.addProperty("kerasClass", l.kerasClass());
      lo.addProperty("outputShape", l.outputShape());
      lo.addProperty("params", l.params());
      lo.addProperty("bytes", l.bytes());
      lo.add("macs", num(l.macs()));
      lo.add("share", total <= 0 ? JsonNull.INSTANCE
          : plain(new BigDecimal(l.params()).divide(new BigDecimal(total),
              new java.math.MathContext(6))));
      lo.add("attributes", attributes(l.attributes()));
      layers.add(lo);
    }
    o.add("layers", layers);
    return o;
  }

  private static JsonObject budget(ModelRecord.Budget b) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", b.kind());
    o.addProperty("scope", b.scope());
    o.add("layer", b.layer() == null ? JsonNull.INSTANCE : new JsonPrimitive(b.layer()));
    o.addProperty("source", b.source());
    o.addProperty("max", b.max());
    o.addProperty("used", b.used());
    o.addProperty("headroom", b.headroom());
    return o;
  }

  private static JsonObject change(Comparison.Change c) {
    JsonObject o = new JsonObject();
    o.addProperty("status", c.status().name());
    o.add("baseline", c.before() == null ? JsonNull.INSTANCE : entry(c.before()));
    o.add("paramsGrowthPercent", pct(c.paramsGrowth()));
    o.add("bytesGrowthPercent", pct(c.bytesGrowth()));
    o.add("macsGrowthPercent", pct(c.macsGrowth()));
    return o;
  }

  private static JsonElement pct(BigDecimal p) {
    if (p == null) {
      return JsonNull.INSTANCE;
    }
    if (p.abs().compareTo(Comparison.INFINITE) >= 0) {
      return new JsonPrimitive(p.signum() > 0 ? "infinite" : "-infinite");
    }
    return plain(p.round(new java.math.MathContext(6)));
  }

  /** A decimal as JSON writes it without an exponent: 100, 0.25, 16.6667. */
  private static JsonPrimitive plain(BigDecimal d) {
    return new JsonPrimitive(new BigDecimal(d.stripTrailingZeros().toPlainString()));
  }

  private static JsonObject entry(Baseline.Entry e) {
    JsonObject o = new JsonObject();
    o.addProperty("params", e.params());
    o.addProperty("bytes", e.bytes());
    o.add("macs", num(e.macs()));
    return o;
  }

  private static JsonObject attributes(Map<String, Object> attrs) {
    JsonObject o = new JsonObject();
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Boolean) {
        o.addProperty(e.getKey(), (Boolean) v);
      } else if (v instanceof Number) {
        o.addProperty(e.getKey(), (Number) v);
      } else {
        o.addProperty(e.getKey(), String.valueOf(v));
      }
    }
    return o;
  }

  private static JsonElement num(Long n) {
    return n == null ? JsonNull.INSTANCE : new JsonPrimitive(n);
  }
}
