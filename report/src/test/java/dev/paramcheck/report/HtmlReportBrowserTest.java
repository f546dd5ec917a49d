package dev.paramcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * index.html opened in a real headless browser (Debian's chromium, installed by
 * src/test/chromium.sh when missing): every model's row and bar is rendered with a width, the
 * page's own script runs under its Content-Security-Policy and sorts by headroom, a record's
 * {@code <script>} stays text. The screenshot is kept in target/browser/; with
 * {@code -Dparamcheck.updateScreenshot=true} it replaces docs/report-screenshot.png.
 */
class HtmlReportBrowserTest {
  /** Measures what the browser laid out, clicks "headroom", and writes it all into the DOM. */
  static final String PROBE = String.join("\n",
      "<script>",
      "window.addEventListener('load', function () {",
      "  function w(e) { return e ? String(Math.round(e.getBoundingClientRect().width)) : 'none'; }",
      "  document.querySelectorAll('tr.model-row').forEach(function (r) {",
      "    var bar = r.querySelector('.budget-bar');",
      "    r.setAttribute('data-probe-bar', w(bar));",
      "    r.setAttribute('data-probe-used', w(bar && bar.querySelector('.used')));",
      "    var a = r.querySelector('td.name a');",
      "    r.setAttribute('data-probe-text', String(a && a.textContent === r.getAttribute('data-model')));",
      "  });",
      "  document.querySelectorAll('.layer-bar').forEach(function (b) {",
      "    b.setAttribute('data-probe-bar', w(b));",
      "    b.setAttribute('data-probe-used', w(b.querySelector('.used')));",
      "  });",
      "  document.body.setAttribute('data-probe-scripts', String(document.scripts.length));",
      "  document.body.setAttribute('data-probe-imgs', String(document.images.length));",
      "  document.querySelector('th[data-sort=headroom]').click();",
      "  document.body.setAttribute('data-probe', 'done');",
      "});",
      "</script>");

  static Path chromium;

  @TempDir Path tmp;

  @BeforeAll
  static void findOrInstallChromium() throws Exception {
    String script = System.getProperty("paramcheck.chromiumScript", "src/test/chromium.sh");
    Process p = new ProcessBuilder("bash", script)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(script + " did not finish in 15 minutes");
    }
    assertEquals(0, p.exitValue(), script + " could not find or install chromium");
    chromium = Path.of(out);
  }

  /** Runs headless chromium with {@code args} on the file; returns its stdout. */
  private String chromium(Path page, String... args) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "profile");
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
    cmd.addAll(List.of(args));
    cmd.add(page.toUri().toString());
    Path log = tmp.resolve("chromium-" + System.nanoTime() + ".log");
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(log));
    }
    assertEquals(0, p.exitValue(), () -> "chromium failed: " + readQuietly(log));
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String readQuietly(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** The page with the probe, and without the CSP that (rightly) refuses the probe. */
  private static String probed(String html) {
    String noCsp = html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
    return noCsp.replace("</body>", PROBE + "\n</body>");
  }

  record Row(String model, int bar, int used, boolean text) {}

  private static List<Row> rows(String dom) {
    Matcher m = Pattern.compile("<tr class=\"model-row\" data-model=\"([^\"]*)\"[^>]*?"
        + "data-probe-bar=\"(\\d+)\" data-probe-used=\"(\\d+)\" data-probe-text=\"(\\w+)\"")
        .matcher(dom);
    List<Row> rows = new ArrayList<>();
    while (m.find()) {
      rows.add(new Row(m.group(1).replace("&quot;", "\"").replace("&lt;", "<")
          .replace("&gt;", ">").replace("&amp;", "&"),
          Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          Boolean.parseBoolean(m.group(4))));
    }
    return rows;
  }

  @Test
  void everyModelRowAndBarIsRenderedAndSortsByHeadroom() throws Exception {
    Path classes = Fixtures.classes(tmp, Fixtures.ALL.toArray(new String[0]));
    List<ModelRecord> records = new RecordReader().read(List.of(classes)).records();
    Comparison comparison = Comparison.of(records, Optional.of(new Baseline(Map.of(
        Fixtures.SENTIMENT, new Baseline.Entry(100, 400, null),
        Fixtures.SEED, new Baseline.Entry(68, 272, null),
        Fixtures.GRU, new Baseline.Entry(361_866, 1_447_464, null),
        Fixtures.REVIEW, new Baseline.Entry(2_700_000, 10_800_000, null)))));
    String html = HtmlReport.render(records, comparison);
    Path dir = Path.of("target", "browser");
    Path page = write(dir, "index.html", html);

    // The page as shipped: its one script runs under its own CSP.
    String dom = chromium(page, "--dump-dom");
    assertTrue(dom.contains("<html lang=\"en\" data-sortable=\"ready\">"),
        "the page's script ran under its Content-Security-Policy");

    // With the probe: what was laid out, and the order after a click on "headroom".
    String probedDom = chromium(write(dir, "index-probe.html", probed(html)), "--dump-dom");
    assertTrue(probedDom.contains("data-probe=\"done\""), probedDom);
    List<Row> rows = rows(probedDom);
    List<String> byHeadroom = records.stream()
        .sorted(Comparator.comparingDouble(r -> r.tightestBudget().orElseThrow().headroomFraction()))
        .map(ModelRecord::model).toList();
    assertEquals(byHeadroom, rows.stream().map(Row::model).toList(),
        "a row per model, sorted by headroom after the click");
    for (Row r : rows) {
      ModelRecord rec = records.stream().filter(x -> x.model().equals(r.model())).findFirst()
          .orElseThrow();
      double used = rec.tightestBudget().orElseThrow().usedFraction();
      assertTrue(r.bar() >= 100, r + ": the bar is laid out");
      assertTrue(Math.abs(r.used() - used * r.bar()) <= 2, r + ": the used part is " + used);
      assertTrue(r.text(), r + ": the name is shown as text");
    }
    Matcher layerBars = Pattern.compile("class=\"bar layer-bar\"[^>]*data-probe-bar=\"(\\d+)\"")
        .matcher(probedDom);
    int layerCount = 0;
    while (layerBars.find()) {
      assertTrue(Integer.parseInt(layerBars.group(1)) > 0, "a layer's bar is laid out");
      layerCount++;
    }
    assertEquals(records.stream().mapToInt(r -> r.layers().size()).sum(), layerCount);

    Path shot = dir.resolve("report-screenshot.png");
    Files.deleteIfExists(shot);
    chromium(page, "--screenshot=" + shot.toAbsolutePath(), "--window-size=1280,1400");
    assertTrue(Files.size(shot) > 10_000, "a screenshot of the page");
    if (Boolean.getBoolean("paramcheck.updateScreenshot")) {
      Path docs = Path.of(System.getProperty("paramcheck.docs", "../docs"));
      Files.copy(shot, docs.resolve("report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void aRecordsScriptStaysText() throws Exception {
    List<ModelRecord> records = EscapingTest.records(tmp);
    String html = HtmlReport.render(records, Comparison.of(records, Optional.empty()));
    Path dir = Path.of("target", "browser");
    String dom = chromium(write(dir, "escaping-probe.html", probed(html)), "--dump-dom");
    assertTrue(dom.contains("data-probe=\"done\""), dom);
    assertTrue(dom.contains("data-probe-scripts=\"2\""), "the page's script and the probe only");
    assertTrue(dom.contains("data-probe-imgs=\"0\""), "no <img> from a layer name");
    List<Row> rows = rows(dom);
    assertEquals(List.of(EscapingTest.EVIL_MODEL, Fixtures.UNICODE),
        rows.stream().map(Row::model).sorted().toList());
    rows.forEach(r -> assertTrue(r.text(), r + ": shown as text"));
  }
}
