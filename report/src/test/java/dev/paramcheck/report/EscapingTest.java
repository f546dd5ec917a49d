package dev.paramcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that need escaping: a real model whose class and field names hold what Java allows
 * ({@link Fixtures#UNICODE}: {@code $}, {@code _}, non-ASCII letters), and a record whose strings
 * hold {@code <script>}, {@code |} and backticks, which no Java name can: the page and the Markdown
 * show them all as text and no table breaks.
 */
class EscapingTest {
  // No "/" in the model: it names the record's file.
  static final String EVIL_MODEL = "com.acme.<script>alert(1)|`rm -rf`|Model";
  static final String EVIL_LAYER = "<img src=x onerror=alert(2)>|`layer`|\"q\"&'a'";
  static final String EVIL_TABLE = "Model: \"<script>alert(3)</script>\"\n| `x` |\n";

  @TempDir Path tmp;

  /**
   * The processor's real record of SeedClassifier, with its names replaced by ones no Java
   * identifier can hold (so no compilation can give this record).
   */
  static String evilRecord() {
    return Fixtures.edited(Fixtures.SEED, o -> {
      o.addProperty("model", EVIL_MODEL);
      o.addProperty("summaryClass", EVIL_MODEL + "Summary");
      o.addProperty("sourceFile", "com/acme/<b>Evil</b>|`x`.java");
      o.addProperty("convention", "KERAS<script>");
      o.addProperty("table", EVIL_TABLE);
      JsonObject layer = o.getAsJsonArray("layers").get(0).getAsJsonObject();
      layer.addProperty("name", EVIL_LAYER);
      layer.addProperty("kerasClass", "Simple`RNN`|<i>");
      JsonObject budget = o.getAsJsonArray("budgets").get(0).getAsJsonObject();
      budget.addProperty("scope", "LAYER");
      budget.addProperty("layer", EVIL_LAYER);
      budget.addProperty("used", 50);
      budget.addProperty("headroom", 50);
    });
  }

  /** The evil record and the real Unicode one, read from a class output as the report reads them. */
  static List<ModelRecord> records(Path tmp) {
    Path classes = Fixtures.classes(tmp, Fixtures.UNICODE);
    Fixtures.put(classes, EVIL_MODEL + ".json", evilRecord());
    RecordReader.Result r = new RecordReader().read(List.of(classes));
    assertTrue(r.ok(), r.problems().toString());
    return r.records();
  }

  @Test
  void markdownShowsEveryStringAsTextAndKeepsTheTable() {
    List<ModelRecord> records = records(tmp);
    Comparison c = Comparison.of(records, Optional.of(new Baseline(Map.of(
        "gone|`<script>`", new Baseline.Entry(1, 4, null)))));
    String md = MarkdownReport.render(records, c);
    assertFalse(md.contains("<script>"), md);
    assertFalse(md.contains("<img"), md);
    for (String line : md.lines().filter(l -> l.startsWith("|")).toList()) {
      assertEquals(8, unescapedPipes(line), "7 cells, 8 pipes: " + line);
      assertEquals(0, unescapedBackticks(line), line);
    }
    assertTrue(md.contains("com.acme.&lt;script&gt;alert\\(1\\)\\|\\`rm -rf\\`"
        + "\\|Model"), md);
    assertTrue(md.contains("(layer &lt;img src=x onerror=alert\\(2\\)&gt;\\|\\`layer\\`\\|"
        + "&quot;q&quot;&amp;'a')"), md);
    assertTrue(md.contains("Removed since the baseline: gone\\|\\`&lt;script&gt;\\`"), md);
    // The real names: Markdown punctuation escaped, letters as they are.
    assertTrue(md.contains("| dev.paramcheck.example.Wetter\\_Modèle\\$Schätzer\\$Ω | 106 | 424 |"
        + " 298 | 100 params (layer größe\\_\\$1) | 4 (4.0%) | new |"), md);
  }

  @Test
  void thePageShowsEveryStringAsText() {
    List<ModelRecord> records = records(tmp);
    String html = HtmlReport.render(records, Comparison.of(records, Optional.empty()));
    assertEquals(1, ReportsTest.count(html, "<script"), "only the page's own script");
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("<b>"), html);
    assertFalse(html.contains("<i>"), html);
    assertTrue(html.contains("com.acme.&lt;script&gt;alert(1)|`rm -rf`|Model"));
    assertTrue(html.contains("data-model=\"com.acme.&lt;script&gt;alert(1)|`rm -rf`|Model\""),
        "attributes escaped too");
    assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;|`layer`|&quot;q&quot;&amp;"
        + "&#39;a&#39;"));
    assertTrue(html.contains("Model: &quot;&lt;script&gt;alert(3)&lt;/script&gt;&quot;"));
    // The real names need no HTML escaping: shown as they are, in text and attributes.
    assertTrue(html.contains("data-model=\"" + Fixtures.UNICODE + "\""), html);
    assertTrue(html.contains(">größe_$1<") || html.contains("größe_$1 ("), html);
    assertTrue(html.contains("ausgabe_Ω"), html);
  }

  @Test
  void jsonKeepsTheStringsAsTheyAre() {
    List<ModelRecord> records = records(tmp);
    String json = JsonReport.render(records, Comparison.of(records, Optional.empty()));
    assertTrue(json.contains("\"model\": \"com.acme.<script>alert(1)|`rm -rf`|Model\""),
        json);
    assertTrue(json.contains("\"model\": \"" + Fixtures.UNICODE + "\""), json);
    assertTrue(json.contains("\"name\": \"größe_$1\""), json);
  }

  static int unescapedPipes(String line) {
    return unescaped(line, '|');
  }

  static int unescapedBackticks(String line) {
    return unescaped(line, '`');
  }

  private static int unescaped(String line, char c) {
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '\\') {
        i++;
      } else if (line.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
