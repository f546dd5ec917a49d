package dev.paramcheck.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code index.html}: one self-contained page, no network, no external script or font. A row per
 * model with a bar of budget used against headroom, sortable by any number column (headroom
 * among them); per model, each layer's share of the parameters as a bar, with the Keras table
 * beside it. Every text from a record is escaped; a Content-Security-Policy allows only the one
 * inline script by its hash, so even a mistake in escaping could not run a script from a record.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** Sorts the models table by a column (click or Enter on its header); empty cells go last. */
  static final String SCRIPT = String.join("\n",
      "(function () {",
      "  var table = document.getElementById('models');",
      "  if (!table) { return; }",
      "  var body = table.tBodies[0];",
      "  var heads = table.querySelectorAll('th[data-sort]');",
      "  function value(row, key, numeric) {",
      "    var v = row.getAttribute('data-' + key);",
      "    if (v === null || v === '') { return null; }",
      "    return numeric ? parseFloat(v) : v;",
      "  }",
      "  function sortBy(th) {",
      "    var key = th.getAttribute('data-sort');",
      "    var numeric = th.getAttribute('data-type') === 'number';",
      "    var asc = th.getAttribute('aria-sort') !== 'ascending';",
      "    for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute('aria-sort'); }",
      "    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');",
      "    var rows = Array.prototype.slice.call(body.rows);",
      "    rows.sort(function (a, b) {",
      "      var x = value(a, key, numeric), y = value(b, key, numeric);",
      "      if (x === null || y === null) {",
      "        if (x === y) { return 0; }",
      "        return x === null ? 1 : -1;",
      "      }",
      "      var c = x < y ? -1 : x > y ? 1 : 0;",
      "      if (c === 0) {",
      "        var m = a.getAttribute('data-model'), n = b.getAttribute('data-model');",
      "        return m < n ? -1 : m > n ? 1 : 0;",
      "      }",
      "      return asc ? c : -c;",
      "    });",
      "    for (var j = 0; j < rows.length; j++) { body.appendChild(rows[j]); }",
      "  }",
      "  Array.prototype.forEach.call(heads, function (th) {",
      "    th.tabIndex = 0;",
      "    th.addEventListener('click', function () { sortBy(th); });",
      "    th.addEventListener('keydown', function (e) {",
      "      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(th); }",
      "    });",
      "  });",
      "  document.documentElement.setAttribute('data-sortable', 'ready');",
      "})();");

  static final String STYLE = String.join("\n",
      ":root { color-scheme: light; --ok: #2e7d4f; --warn: #c77c02; --over: #c62828;"
          + " --track: #e3e8ee; --ink: #1d2329; --muted: #5f6b76; }",
      "* { box-sizing: border-box; }",
      "body { margin: 0; padding: 24px 32px; font: 14px/1.45 system-ui, -apple-system,"
          + " 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: var(--ink);"
          + " background: #fff; }",
      "h1 { font-size: 22px; margin: 0 0 4px; }",
      "h2 { font-size: 17px; margin: 0 0 4px; word-break: break-all; }",
      ".meta { color: var(--muted); margin: 0 0 16px; word-break: break-word; }",
      "table.models { border-collapse: collapse; width: 100%; margin-bottom: 32px; }",
      "table.models th, table.models td { padding: 6px 10px; border-bottom: 1px solid #e6e9ed;"
          + " text-align: left; vertical-align: middle; }",
      "table.models th { font-weight: 600; white-space: nowrap; background: #f6f8fa; }",
      "table.models th[data-sort] { cursor: pointer; user-select: none; }",
      "table.models th[data-sort]::after { content: ' \\2195'; color: #9aa5b1; }",
      "table.models th[aria-sort=ascending]::after { content: ' \\2191'; color: var(--ink); }",
      "table.models th[aria-sort=descending]::after { content: ' \\2193'; color: var(--ink); }",
      "table.models td.num, table.models th.num, .num { text-align: right; font-variant-numeric: tabular-nums;"
          + " white-space: nowrap; }",
      "td.name { word-break: break-all; }",
      "td.name a { color: inherit; }",
      ".bar { position: relative; height: 12px; min-width: 160px; background: var(--track);"
          + " border-radius: 6px; overflow: hidden; }",
      ".bar > .used { display: block; height: 100%; background: var(--ok); }",
      ".bar.warn > .used { background: var(--warn); }",
      ".bar.over > .used { background: var(--over); }",
      ".bar.none { background: repeating-linear-gradient(45deg, #eef1f4, #eef1f4 4px, #f8f9fa"
          + " 4px, #f8f9fa 8px); }",
      ".budget-label { display: block; font-size: 12px; color: var(--muted); margin-top: 2px; }",
      ".over-text { color: var(--over); font-weight: 600; }",
      "section.model { border-top: 1px solid #d8dee4; padding: 20px 0; }",
      "ul.budgets { margin: 0 0 12px; padding-left: 18px; }",
      ".detail { display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap; }",
      ".layers { flex: 1 1 320px; min-width: 280px; }",
      ".layer { margin-bottom: 8px; }",
      ".layer-head { display: flex; justify-content: space-between; gap: 8px; }",
      ".layer-name { word-break: break-all; }",
      ".layer-type { color: var(--muted); }",
      ".layer-inbound { color: var(--muted); font-size: 0.9em; }",
      ".layer .bar > .used { background: #3b6ea8; }",
      "pre.keras-table { flex: 0 1 auto; margin: 0; padding: 12px; background: #f6f8fa;"
          + " border-radius: 6px; overflow-x: auto; font: 12px/1.2 ui-monospace, 'DejaVu Sans"
          + " Mono', Menlo, Consolas, monospace; max-width: 100%; }",
      "ul.removed { padding-left: 18px; }",
      "tr.failing > td { background: #fdecea; }",
      "tr.failing > td.name { box-shadow: inset 4px 0 0 var(--over); }",
      ".fail-text { display: block; color: var(--over); font-weight: 600; font-size: 12px;"
          + " word-break: normal; overflow-wrap: anywhere; }",
      "p.failed { color: var(--over); font-weight: 600; }");

  public static String render(List<ModelRecord> records, Comparison comparison) {
    return render(records, comparison, null);
  }

  /**
   * The page; the rows of the models that fail {@code check} (null: no check) are red, with the
   * reasons under the model's name.
   */
  public static String render(
      List<ModelRecord> records, Comparison comparison, Check.Result check) {
    java.util.Map<String, List<String>> failing = MarkdownReport.failing(check);
    StringBuilder sb = new StringBuilder(16_384);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    sb.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
        + " style-src 'unsafe-inline'; script-src '").append(scriptHash())
        .append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n");
    sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sb.append("<title>paramcheck report</title>\n<style>\n").append(STYLE)
        .append("\n</style>\n</head>\n<body>\n");
    sb.append("<header>\n<h1>paramcheck: model sizes</h1>\n<p class=\"meta\">")
        .append(records.size()).append(records.size() == 1 ? " model" : " models")
        .append(comparison.hasBaseline() ? "; change in params against the baseline"
            : "; no baseline to compare with")
        .append(". Click a column to sort; headroom is that of the budget closest to its limit.")
        .append("</p>\n</header>\n<main>\n");

    if (records.isEmpty()) {
      sb.append("<p>No paramcheck records found.</p>\n");
    } else {
      if (!failing.isEmpty()) {
        sb.append("<p class=\"failed\">").append(failing.size())
            .append(failing.size() == 1 ? " model fails" : " models fail")
            .append(" the check (red rows).</p>\n");
      }
      table(sb, records, comparison, failing);
    }
    if (!comparison.removed().isEmpty()) {
      sb.append("<h2>Removed since the baseline</h2>\n<ul class=\"removed\">\n");
      for (Comparison.Removed rm : comparison.removed()) {
        sb.append("<li>").append(escape(rm.model())).append(" (")
            .append(Format.count(rm.before().params())).append(" params)</li>\n");
      }
      sb.append("</ul>\n");
    }
    for (int i = 0; i < records.size(); i++) {
      details(sb, records.get(i), i + 1);
    }
    sb.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static void table(StringBuilder sb, List<ModelRecord> records, Comparison comparison,
      java.util.Map<String, List<String>> failing) {
    sb.append("<table id=\"models\" class=\"models\">\n<thead><tr>")
        .append("<th data-sort=\"model\" data-type=\"text\" aria-sort=\"ascending\">model</th>")
        .append("<th class=\"num\" data-sort=\"params\" data-type=\"number\">params</th>")
        .append("<th class=\"num\" data-sort=\"bytes\" data-type=\"number\">bytes</th>")
        .append("<th class=\"num\" data-sort=\"macs\" data-type=\"number\">MACs</th>")
        .append("<th data-sort=\"used\" data-type=\"number\">budget used</th>")
        .append("<th class=\"num\" data-sort=\"headroom\" data-type=\"number\">headroom</th>")
        .append("<th class=\"num\" data-sort=\"change\" data-type=\"number\">change</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < records.size(); i++) {
      ModelRecord r = records.get(i);
      Optional<ModelRecord.Budget> b = r.tightestBudget();
      Optional<Comparison.Change> c = comparison.change(r.model());
      List<String> fails = failing.get(r.model());
      sb.append("<tr class=\"model-row").append(fails == null ? "" : " failing")
          .append("\" data-model=\"").append(escape(r.model()))
          .append("\" data-params=\"").append(r.totals().params())
          .append("\" data-bytes=\"").append(r.totals().bytes())
          .append("\" data-macs=\"").append(r.totals().macs() == null ? "" : r.totals().macs())
          .append("\" data-used=\"").append(b.map(x -> number(x.usedFraction())).orElse(""))
          .append("\" data-headroom=\"")
          .append(b.map(x -> number(x.headroomFraction())).orElse(""))
          .append("\" data-change=\"").append(c.map(HtmlReport::changeNumber).orElse(""))
          .append("\">");
      sb.append("<td class=\"name\"><a href=\"#model-").append(i + 1).append("\">")
          .append(escape(r.model())).append("</a>");
      if (fails != null) {
        sb.append("<span class=\"fail-text\">fails: ")
            .append(escape(String.join("; ", fails))).append("</span>");
      }
      sb.append("</td>");
      sb.append("<td class=\"num\">").append(Format.count(r.totals().params())).append("</td>");
      sb.append("<td class=\"num\">").append(Format.count(r.totals().bytes())).append("</td>");
      sb.append("<td class=\"num\">").append(Format.count(r.totals().macs())).append("</td>");
      sb.append("<td class=\"budget\">");
      if (b.isPresent()) {
        ModelRecord.Budget x = b.get();
        double used = x.usedFraction();
        String level = used > 1 ? " over" : used >= 0.9 ? " warn" : "";
        String label = Format.count(x.used()) + " of " + Format.count(x.max()) + " "
            + Format.unit(x.kind())
            + ("LAYER".equals(x.scope()) && x.layer() != null ? " (layer " + x.layer() + ")" : "");
        sb.append("<div class=\"bar budget-bar").append(level)
            .append("\" role=\"img\" aria-label=\"").append(escape("budget used "
                + Format.percent(used) + ": " + label))
            .append("\" title=\"").append(escape(label)).append("\">")
            .append("<span class=\"used\" style=\"width:").append(Format.cssPercent(used))
            .append("\"></span></div><span class=\"budget-label\">").append(escape(label))
            .append("</span>");
      } else {
        sb.append("<div class=\"bar budget-bar none\" role=\"img\" aria-label=\"no budget\""
            + " title=\"no budget\"><span class=\"used\" style=\"width:0%\"></span></div>"
            + "<span class=\"budget-label\">no budget</span>");
      }
      sb.append("</td>");
      sb.append("<td class=\"num\">");
      if (b.isEmpty()) {
        sb.append("\u2014");
      } else if (b.get().headroom() < 0) {
        sb.append("<span class=\"over-text\">over by ").append(Format.count(-b.get().headroom()))
            .append("</span>");
      } else {
        sb.append(Format.count(b.get().headroom())).append(" (")
            .append(Format.percent(b.get().headroomFraction())).append(")");
      }
      sb.append("</td>");
      sb.append("<td class=\"num\">").append(escape(unescapedChange(c))).append("</td>");
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }

  private static void details(StringBuilder sb, ModelRecord r, int index) {
    sb.append("<section class=\"model\" id=\"model-").append(index).append("\" data-model=\"")
        .append(escape(r.model())).append("\">\n<h2>").append(escape(r.model())).append("</h2>\n");
    sb.append("<p class=\"meta\">").append(escape(r.sourceFile())).append(" \u00b7 summary ")
        .append(escape(r.summaryClass())).append(" \u00b7 ").append(escape(r.convention()))
        .append(" \u00b7 ").append(escape(r.precision())).append(" \u00b7 ")
        .append(Format.count(r.totals().params())).append(" params, ")
        .append(Format.count(r.totals().bytes())).append(" bytes, ")
        .append(r.totals().macs() == null ? "MACs unknown" : Format.count(r.totals().macs())
            + " MACs")
        .append("</p>\n");
    if (!r.budgets().isEmpty()) {
      sb.append("<ul class=\"budgets\">\n");
      for (ModelRecord.Budget b : r.budgets()) {
        sb.append("<li>").append(escape(Format.unit(b.kind()))).append(" budget");
        if ("LAYER".equals(b.scope()) && b.layer() != null) {
          sb.append(" of layer ").append(escape(b.layer()));
        }
        sb.append(" (").append(escape(b.source().toLowerCase(java.util.Locale.ROOT)))
            .append("): ").append(Format.count(b.used())).append(" of ")
            .append(Format.count(b.max())).append(", ");
        if (b.headroom() < 0) {
          sb.append("<span class=\"over-text\">over by ").append(Format.count(-b.headroom()))
              .append("</span>");
        } else {
          sb.append("headroom ").append(Format.count(b.headroom()));
        }
        sb.append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    sb.append("<div class=\"detail\">\n<div class=\"layers\">\n");
    long total = r.totals().params();
    for (ModelRecord.Layer l : r.layers()) {
      double share = total <= 0 ? 0 : (double) l.params() / total;
      sb.append("<div class=\"layer\" data-layer=\"").append(escape(l.name())).append("\">")
          .append("<div class=\"layer-head\"><span class=\"layer-name\">")
          .append(escape(l.name())).append(" <span class=\"layer-type\">(")
          .append(escape(l.kerasClass())).append(")</span>")
          .append(l.inbound().isEmpty() ? "" : " <span class=\"layer-inbound\">\u2190 "
              + escape(String.join(", ", l.inbound())) + "</span>")
          .append("</span><span class=\"num\">")
          .append(Format.count(l.params())).append(" \u00b7 ").append(Format.percent(share))
          .append("</span></div>")
          .append("<div class=\"bar layer-bar\" role=\"img\" aria-label=\"")
          .append(escape(l.name() + ": " + Format.percent(share) + " of the parameters"))
          .append("\"><span class=\"used\" style=\"width:").append(Format.cssPercent(share))
          .append("\"></span></div></div>\n");
    }
    sb.append("</div>\n<pre class=\"keras-table\">").append(escape(r.table()))
        .append("</pre>\n</div>\n</section>\n");
  }

  private static String unescapedChange(Optional<Comparison.Change> c) {
    // MarkdownReport.change holds numbers, signs, % and words only: no Markdown to undo.
    return MarkdownReport.change(c);
  }

  private static String changeNumber(Comparison.Change c) {
    switch (c.status()) {
      case UNCHANGED:
        return "0";
      case CHANGED:
        return c.paramsGrowth().toPlainString();
      default:
        return "";
    }
  }

  private static String number(double d) {
    if (Double.isInfinite(d) || Double.isNaN(d)) {
      return d > 0 ? "1e308" : "-1e308";
    }
    return java.math.BigDecimal.valueOf(d).round(java.math.MathContext.DECIMAL64)
        .stripTrailingZeros().toPlainString();
  }

  /** {@code 'sha256-...'} of {@link #SCRIPT}, for the page's Content-Security-Policy. */
  static String scriptHash() {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(SCRIPT.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static final Map<Character, String> ENTITIES = Map.of(
      '&', "&amp;", '<', "&lt;", '>', "&gt;", '"', "&quot;", '\'', "&#39;");

  /** Text safe in HTML content and in quoted attribute values. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String e = ENTITIES.get(c);
      if (e != null) {
        sb.append(e);
      } else if (c < 0x20 && c != '\n' && c != '\t') {
        sb.append("\uFFFD");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
