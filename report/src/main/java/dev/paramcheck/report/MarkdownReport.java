package dev.paramcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code report.md}: one compact table (model, params, bytes, MACs, budget, headroom, change) for
 * a CI job summary or a pull-request comment. Every text read from a record is escaped, so a name
 * holding {@code |}, a backtick or {@code <script>} shows as text and breaks no table.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(List<ModelRecord> records, Comparison comparison) {
    return render(records, comparison, null);
  }

  /**
   * The table; a model that fails {@code check} (null: no check) is marked {@code ❌} with its
   * name in bold, and the reasons follow the table.
   */
  public static String render(
      List<ModelRecord> records, Comparison comparison, Check.Result check) {
    Map<String, List<String>> failing = failing(check);
    StringBuilder sb = new StringBuilder();
    sb.append("## paramcheck: model sizes\n\n");
    if (records.isEmpty()) {
      sb.append("No paramcheck records found.\n");
    } else {
      sb.append("| model | params | bytes | MACs | budget | headroom | change |\n");
      sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
      for (ModelRecord r : records) {
        sb.append("| ").append(failing.containsKey(r.model())
                ? "\u274C **" + escape(r.model()) + "**" : escape(r.model()))
            .append(" | ").append(Format.count(r.totals().params()))
            .append(" | ").append(Format.count(r.totals().bytes()))
            .append(" | ").append(Format.count(r.totals().macs()))
            .append(" | ").append(budget(r))
            .append(" | ").append(headroom(r))
            .append(" | ").append(change(comparison.change(r.model())))
            .append(" |\n");
      }
    }
    if (!failing.isEmpty()) {
      sb.append("\n\u274C ").append(failing.size())
          .append(failing.size() == 1 ? " model fails" : " models fail").append(" the check:\n\n");
      for (Map.Entry<String, List<String>> e : failing.entrySet()) {
        for (String why : e.getValue()) {
          sb.append("- ").append(escape(why)).append('\n');
        }
      }
    }
    if (!comparison.removed().isEmpty()) {
      sb.append("\nRemoved since the baseline: ");
      for (int i = 0; i < comparison.removed().size(); i++) {
        Comparison.Removed rm = comparison.removed().get(i);
        sb.append(i == 0 ? "" : ", ").append(escape(rm.model()))
            .append(" (").append(Format.count(rm.before().params())).append(" params)");
      }
      sb.append('\n');
    }
    sb.append('\n').append(records.size()).append(records.size() == 1 ? " model" : " models")
        .append(comparison.hasBaseline() ? "; change in params against the baseline."
            : "; no baseline to compare with.")
        .append('\n');
    return sb.toString();
  }

  /** Per failing model, in model order, the messages of its violations. */
  static Map<String, List<String>> failing(Check.Result check) {
    Map<String, List<String>> m = new TreeMap<>();
    if (check != null) {
      for (Check.Violation v : check.violations()) {
        m.computeIfAbsent(v.model(), k -> new ArrayList<>()).add(v.message());
      }
    }
    return m;
  }

  static String budget(ModelRecord r) {
    Optional<ModelRecord.Budget> b = r.tightestBudget();
    if (b.isEmpty()) {
      return "\u2014";
    }
    String s = Format.count(b.get().max()) + " " + Format.unit(b.get().kind());
    if ("LAYER".equals(b.get().scope()) && b.get().layer() != null) {
      s += " (layer " + escape(b.get().layer()) + ")";
    }
    return s;
  }

  static String headroom(ModelRecord r) {
    Optional<ModelRecord.Budget> b = r.tightestBudget();
    if (b.isEmpty()) {
      return "\u2014";
    }
    long h = b.get().headroom();
    String pct = Format.percent(b.get().headroomFraction());
    return h < 0 ? "**over by " + Format.count(-h) + "**" : Format.count(h) + " (" + pct + ")";
  }

  static String change(Optional<Comparison.Change> c) {
    if (c.isEmpty()) {
      return "\u2014";
    }
    switch (c.get().status()) {
      case NEW:
        return "new";
      case UNCHANGED:
        return "0";
      case CHANGED:
        long d = c.get().after().params() - c.get().before().params();
        String g = c.get().before().params() == 0 ? "" : " (" + Format.growth(c.get().paramsGrowth()) + ")";
        if (d == 0) {
          return "0 params (bytes " + Format.growth(c.get().bytesGrowth()) + ")";
        }
        return Format.signed(d) + g;
      default:
        return "\u2014";
    }
  }

  /**
   * Makes any text safe inside a Markdown table cell: HTML-significant characters become
   * entities (GitHub renders inline HTML), Markdown punctuation is backslash-escaped, {@code |}
   * cannot end the cell, and line breaks become spaces.
   */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\r':
        case '\n':
        case '\t':
          sb.append(' ');
          break;
        case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~':
        case '$': case '#': case '!': case '(': case ')': case '{': case '}':
          sb.append('\\').append(c);
          break;
        default:
          if (Character.isISOControl(c)) {
            sb.append(' ');
          } else {
            sb.append(c);
          }
      }
    }
    return sb.toString();
  }
}
