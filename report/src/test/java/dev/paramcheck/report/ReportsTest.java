package dev.paramcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three files, from records read as the report reads them. */
class ReportsTest {
  @TempDir Path tmp;

  private List<ModelRecord> all() {
    return Fixtures.records(tmp, Fixtures.ALL.toArray(new String[0]));
  }

  private static Comparison withBaseline(List<ModelRecord> records) {
    return Comparison.of(records, Optional.of(new Baseline(Map.of(
        Fixtures.SENTIMENT, new Baseline.Entry(100, 400, null),
        Fixtures.SEED, new Baseline.Entry(68, 272, null),
        Fixtures.GRU, new Baseline.Entry(361_866, 1_447_464, null),
        Fixtures.REVIEW, new Baseline.Entry(2_700_000, 10_800_000, null),
        "com.acme.Gone", new Baseline.Entry(10, 40, null)))));
  }

  @Test
  void markdownIsOneRowPerModelWithEveryColumn() {
    List<ModelRecord> records = all();
    String md = MarkdownReport.render(records, withBaseline(records));
    assertTrue(md.contains("| model | params | bytes | MACs | budget | headroom | change |\n"), md);
    assertTrue(md.contains("| dev.paramcheck.example.SentimentRnn | 120 | 480 | \u2014 |"
        + " 200 params | 80 (40.0%) | +20 (+20.0%) |\n"), md);
    assertTrue(md.contains("| dev.paramcheck.example.SeedClassifier | 68 | 272 | \u2014 |"
        + " 100 params | 32 (32.0%) | 0 |\n"), md);
    assertTrue(md.contains("| dev.paramcheck.example.GuideLstm | 164,106 | 656,424 | \u2014 |"
        + " 200,000 params | 35,894 (17.9%) | new |\n"), md);
    // The model's budget (11.1% left) binds before the encoder's own (25.5% left).
    assertTrue(md.contains("| dev.paramcheck.example.ReviewSentiment | 2,666,145 | 10,664,580 |"
        + " \u2014 | 3,000,000 params | 333,855 (11.1%) | -33,855 (-1.3%) |\n"), md);
    // MACs known, budgets of three kinds: 671 of 9,000 MACs left (7.5%) binds before 75 of 500
    // params (15%) and 1 MiB.
    assertTrue(md.contains("| dev.paramcheck.example.SensorLstm | 425 | 1,700 | 8,329 |"
        + " 9,000 MACs | 671 (7.5%) | new |\n"), md);
    assertTrue(md.contains("Removed since the baseline: com.acme.Gone (10 params)"), md);
    assertEquals(6, md.lines().filter(l -> l.startsWith("| dev.")).count());
  }

  @Test
  void withoutBaselineTheChangeColumnIsEmpty() {
    List<ModelRecord> records = all();
    String md = MarkdownReport.render(records, Comparison.of(records, Optional.empty()));
    assertTrue(md.contains("| 200 params | 80 (40.0%) | \u2014 |\n"), md);
    assertTrue(md.contains("no baseline to compare with"), md);
  }

  @Test
  void jsonHasEveryModelWithItsNumbersSortedByName() {
    List<ModelRecord> records = all();
    JsonObject root = JsonParser.parseString(JsonReport.render(records, withBaseline(records)))
        .getAsJsonObject();
    JsonArray models = root.getAsJsonArray("models");
    assertEquals(6, models.size());
    assertEquals(Fixtures.ALL, models.asList().stream()
        .map(m -> m.getAsJsonObject().get("model").getAsString()).toList());
    JsonObject sensor = models.get(4).getAsJsonObject();
    assertEquals(8_329, sensor.get("macs").getAsLong());
    assertEquals("MACS", sensor.getAsJsonObject("tightestBudget").get("kind").getAsString());
    assertEquals(3, sensor.getAsJsonArray("budgets").size());
    assertEquals(8_320, sensor.getAsJsonArray("layers").get(0).getAsJsonObject().get("macs")
        .getAsLong());
    JsonObject sentiment = models.get(5).getAsJsonObject();
    assertEquals(120, sentiment.get("params").getAsLong());
    assertEquals(480, sentiment.get("bytes").getAsLong());
    assertTrue(sentiment.get("macs").isJsonNull());
    assertEquals(80, sentiment.getAsJsonObject("tightestBudget").get("headroom").getAsLong());
    assertEquals("CHANGED", sentiment.getAsJsonObject("change").get("status").getAsString());
    assertEquals("20", sentiment.getAsJsonObject("change").get("paramsGrowthPercent")
        .getAsString());
    assertEquals("1", sentiment.getAsJsonArray("layers").get(0).getAsJsonObject().get("share")
        .getAsString());
    assertEquals("com.acme.Gone", root.getAsJsonArray("removed").get(0).getAsJsonObject()
        .get("model").getAsString());
  }

  @Test
  void theOutputIsDeterministic() throws Exception {
    Path out1 = tmp.resolve("out1");
    Path out2 = tmp.resolve("out2");
    Path classes = Fixtures.classes(tmp, Fixtures.ALL.toArray(new String[0]));
    for (Path out : List.of(out1, out2)) {
      ReportRun.run(new ReportRun.Request(List.of(classes), out, tmp.resolve("none.json"),
          Check.Rules.defaults(), false, false));
    }
    for (String f : List.of("report.json", "report.md", "index.html")) {
      assertEquals(Files.readString(out1.resolve(f)), Files.readString(out2.resolve(f)), f);
    }
  }

  @Test
  void thePageIsSelfContained() {
    List<ModelRecord> records = all();
    String html = HtmlReport.render(records, withBaseline(records));
    assertFalse(html.contains("http://"), "no network");
    assertFalse(html.contains("https://"), "no network");
    assertFalse(html.contains("<link"), "no external stylesheet");
    assertFalse(html.contains(" src="), "no external script or image");
    assertFalse(html.contains("url("), "no external font or image");
    assertFalse(html.contains("@import"));
    assertEquals(1, count(html, "<script>"), "one inline script");
    assertTrue(html.contains("script-src '" + HtmlReport.scriptHash() + "'"), "CSP by hash");
    assertTrue(html.contains("default-src 'none'"));
    assertEquals(6, count(html, "<tr class=\"model-row\""));
    assertEquals(6, count(html, "class=\"bar budget-bar"));
    assertEquals(6, count(html, "<section class=\"model\""));
    assertEquals(2 + 2 + 1 + 3 + 4 + 5, count(html, "class=\"bar layer-bar\""));
    assertTrue(html.contains("data-headroom=\"0.111285\""), "the model's budget binds");
    assertTrue(html.contains("100,000 budget") || html.contains("params budget of layer encoder"),
        "the layer's budget is listed too");
  }

  @Test
  void aModelOverBudgetShowsAFullRedBar() {
    Path classes = tmp.resolve("over");
    Fixtures.put(classes, Fixtures.SEED + ".json", Fixtures.edited(Fixtures.SEED, o -> {
      JsonObject b = o.getAsJsonArray("budgets").get(0).getAsJsonObject();
      b.addProperty("max", 60);
      b.addProperty("headroom", -8);
    }));
    List<ModelRecord> records = new RecordReader().read(List.of(classes)).records();
    String html = HtmlReport.render(records, Comparison.of(records, Optional.empty()));
    assertTrue(html.contains("<div class=\"bar budget-bar over\""), html);
    assertTrue(html.contains("style=\"width:100%\""));
    assertTrue(html.contains("over by 8"));
    String md = MarkdownReport.render(records, Comparison.of(records, Optional.empty()));
    assertTrue(md.contains("| 60 params | **over by 8** |"), md);
  }

  static int count(String s, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
