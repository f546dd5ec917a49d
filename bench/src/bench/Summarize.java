package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads bench/run.sh's raw.csv and prints the medians, ratios and targets as Markdown.
 *
 * <p>raw.csv columns: rep, workload (models-N or layers-L), config, wall_ms, maxrss_kb, rc,
 * processor_ns (only for paramcheck-timed; -1 otherwise). Failed runs (rc != 0) are left out of
 * the medians and counted in the table.
 */
public final class Summarize {
  private Summarize() {}

  private record Run(int rep, String workload, String config, double wallMs, double rssKb, int rc, long procNs) {}

  private final Map<String, List<Run>> runs = new LinkedHashMap<>();
  private final StringBuilder out = new StringBuilder();
  private final List<String> targets = new ArrayList<>();

  public static void main(String[] args) throws IOException {
    Summarize s = new Summarize();
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      Run r = new Run(
          Integer.parseInt(f[0]), f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
          Integer.parseInt(f[5]), Long.parseLong(f[6]));
      s.runs.computeIfAbsent(r.workload() + "/" + r.config(), k -> new ArrayList<>()).add(r);
    }
    s.render();
    System.out.print(s.out);
  }

  // ------------------------------------------------------------------ statistics

  private List<Run> ok(String workload, String config) {
    List<Run> all = runs.getOrDefault(workload + "/" + config, List.of());
    List<Run> ok = new ArrayList<>();
    for (Run r : all) {
      if (r.rc() == 0) {
        ok.add(r);
      }
    }
    return ok;
  }

  private int failed(String workload, String config) {
    return runs.getOrDefault(workload + "/" + config, List.of()).size() - ok(workload, config).size();
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  private double wall(String workload, String config) {
    List<Double> v = new ArrayList<>();
    ok(workload, config).forEach(r -> v.add(r.wallMs()));
    return median(v);
  }

  private double rssMb(String workload, String config) {
    List<Double> v = new ArrayList<>();
    ok(workload, config).forEach(r -> v.add(r.rssKb() / 1024));
    return median(v);
  }

  private double procMs(String workload) {
    List<Double> v = new ArrayList<>();
    ok(workload, "paramcheck-timed").forEach(r -> {
      if (r.procNs() >= 0) {
        v.add(r.procNs() / 1e6);
      }
    });
    return median(v);
  }

  /** Median over repetitions of a per-repetition ratio: drift between repetitions cancels. */
  private double pairedRatio(String workload, String num, String den) {
    Map<Integer, Double> d = new LinkedHashMap<>();
    ok(workload, den).forEach(r -> d.put(r.rep(), r.wallMs()));
    List<Double> v = new ArrayList<>();
    for (Run r : ok(workload, num)) {
      Double x = d.get(r.rep());
      if (x != null) {
        v.add(r.wallMs() / x);
      }
    }
    return median(v);
  }

  private int reps(String workload, String config) {
    return runs.getOrDefault(workload + "/" + config, List.of()).size();
  }

  // ------------------------------------------------------------------ output

  private static String ms(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String x(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }

  private String cell(String workload, String config) {
    int failed = failed(workload, config);
    String v = ms(wall(workload, config));
    return failed == 0 ? v : v + " (" + failed + " failed)";
  }

  private void render() {
    TreeSet<Integer> sizes = new TreeSet<>();
    TreeSet<Integer> layers = new TreeSet<>();
    for (String key : runs.keySet()) {
      String workload = key.substring(0, key.indexOf('/'));
      int n = Integer.parseInt(workload.substring(workload.indexOf('-') + 1));
      (workload.startsWith("models-") ? sizes : layers).add(n);
    }

    if (!sizes.isEmpty()) {
      String any = "models-" + sizes.first();
      out.append("### N models: javac wall time, median ms (").append(reps(any, "none"))
          .append(" repetitions)\n\n");
      out.append("| N | (a) -proc:none | (b) floor | (c) paramcheck | AutoValue -proc:none | AutoValue"
          + " | (b)/(a) | (c)/(a) | (c)/(b) | AutoValue with/without |\n");
      out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (int n : sizes) {
        String w = "models-" + n;
        out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
            n, cell(w, "none"), cell(w, "floor"), cell(w, "paramcheck"), cell(w, "av-none"), cell(w, "av"),
            x(wall(w, "floor") / wall(w, "none")),
            x(wall(w, "paramcheck") / wall(w, "none")),
            x(wall(w, "paramcheck") / wall(w, "floor")),
            x(wall(w, "av") / wall(w, "av-none"))));
      }
      out.append("\nThe same ratios as medians of per-repetition ratios (each repetition's runs are"
          + " adjacent in time):\n\n");
      out.append("| N | (b)/(a) | (c)/(a) | (c)/(b) | AutoValue with/without |\n|---:|---:|---:|---:|---:|\n");
      for (int n : sizes) {
        String w = "models-" + n;
        out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s |%n", n,
            x(pairedRatio(w, "floor", "none")), x(pairedRatio(w, "paramcheck", "none")),
            x(pairedRatio(w, "paramcheck", "floor")), x(pairedRatio(w, "av", "av-none"))));
      }
      out.append("\n### N models: peak memory (max RSS of the javac process), median MB\n\n");
      out.append("| N | (a) -proc:none | (b) floor | (c) paramcheck | AutoValue -proc:none | AutoValue"
          + " | (c)/(b) |\n|---:|---:|---:|---:|---:|---:|---:|\n");
      for (int n : sizes) {
        String w = "models-" + n;
        out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s |%n", n,
            ms(rssMb(w, "none")), ms(rssMb(w, "floor")), ms(rssMb(w, "paramcheck")),
            ms(rssMb(w, "av-none")), ms(rssMb(w, "av")),
            x(rssMb(w, "paramcheck") / rssMb(w, "floor"))));
      }
      out.append('\n');
    }

    if (!layers.isEmpty()) {
      String any = "layers-" + layers.first();
      out.append("### One model of L layers: median ms (").append(reps(any, "none"))
          .append(" repetitions), peak memory median MB\n\n");
      out.append("| L | (a) -proc:none | (b) floor | (c) paramcheck | (c)-(b) | processor's own time"
          + " | (b) MB | (c) MB | (c)/(b) MB |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (int l : layers) {
        String w = "layers-" + l;
        out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s | %s |%n", l,
            cell(w, "none"), cell(w, "floor"), cell(w, "paramcheck"),
            ms(wall(w, "paramcheck") - wall(w, "floor")),
            failed(w, "paramcheck-timed") == 0
                ? ms(procMs(w))
                : ms(procMs(w)) + " (" + failed(w, "paramcheck-timed") + " failed)",
            ms(rssMb(w, "floor")), ms(rssMb(w, "paramcheck")),
            x(rssMb(w, "paramcheck") / rssMb(w, "floor"))));
      }
      out.append("\nThe processor's own time is the time spent inside its init and process calls"
          + " (bench.TimedProcessor around it, a separate run), Filer writes and JavaPoet included.\n\n");
    }

    targets(sizes, layers);
  }

  private void target(boolean met, String text) {
    targets.add((met ? "- met: " : "- **missed**: ") + text);
  }

  private void targets(TreeSet<Integer> sizes, TreeSet<Integer> layers) {
    if (sizes.contains(1000)) {
      String w = "models-1000";
      double cb = wall(w, "paramcheck") / wall(w, "floor");
      target(cb <= 1.10, String.format(Locale.ROOT,
          "1,000 models: (c) within 10%% of (b): (c)/(b) = %s (paired %s)", x(cb),
          x(pairedRatio(w, "paramcheck", "floor"))));
      double ours = wall(w, "paramcheck") / wall(w, "none") - 1;
      double theirs = wall(w, "av") / wall(w, "av-none") - 1;
      target(ours < theirs / 2, String.format(Locale.ROOT,
          "1,000 models: overhead (c)/(a) - 1 = %s < half of AutoValue's with/without - 1 = %s / 2 = %s",
          x(ours), x(theirs), x(theirs / 2)));
    }
    if (sizes.contains(1000) && sizes.contains(10000)) {
      double r = wall("models-10000", "paramcheck") / wall("models-1000", "paramcheck");
      target(r <= 11, String.format(Locale.ROOT,
          "10,000 models cost at most 11 times 1,000: (c) %s ms / %s ms = %s"
              + " (for reference: (a) %s, (b) %s)",
          ms(wall("models-10000", "paramcheck")), ms(wall("models-1000", "paramcheck")), x(r),
          x(wall("models-10000", "none") / wall("models-1000", "none")),
          x(wall("models-10000", "floor") / wall("models-1000", "floor"))));
    }
    if (layers.contains(10000)) {
      String w = "layers-10000";
      double own = procMs(w);
      boolean ran = failed(w, "paramcheck") == 0 && failed(w, "paramcheck-timed") == 0;
      target(ran && own < 1000, String.format(Locale.ROOT,
          "one model of 10,000 layers processed in under a second: processor's own time %s ms,"
              + " (c)-(b) = %s ms%s",
          ms(own), ms(wall(w, "paramcheck") - wall(w, "floor")), ran ? "" : "; some runs FAILED"));
    }
    if (layers.contains(10000) && layers.contains(20000)) {
      String w1 = "layers-10000";
      String w2 = "layers-20000";
      double own = procMs(w2) / procMs(w1);
      double total = wall(w2, "paramcheck") / wall(w1, "paramcheck");
      boolean ran = failed(w2, "paramcheck") == 0 && failed(w2, "paramcheck-timed") == 0;
      target(ran && own <= 2 && total <= 2, String.format(Locale.ROOT,
          "doubling the layers at most doubles the time: processor's own time x%s, (c) wall x%s"
              + " (for reference: (a) x%s, (b) x%s)%s",
          x(own), x(total), x(wall(w2, "none") / wall(w1, "none")), x(wall(w2, "floor") / wall(w1, "floor")),
          ran ? "" : "; 20,000 layers: some (c) runs FAILED (see the logs)"));
    }
    for (int n : sizes) {
      String w = "models-" + n;
      double r = rssMb(w, "paramcheck") / rssMb(w, "floor");
      target(r <= 1.10, String.format(Locale.ROOT,
          "%,d models: peak memory (c) within 10%% of (b): %s MB / %s MB = %s",
          n, ms(rssMb(w, "paramcheck")), ms(rssMb(w, "floor")), x(r)));
    }
    for (int l : layers) {
      String w = "layers-" + l;
      double r = rssMb(w, "paramcheck") / rssMb(w, "floor");
      target(r <= 1.10, String.format(Locale.ROOT,
          "one model of %,d layers: peak memory (c) within 10%% of (b): %s MB / %s MB = %s",
          l, ms(rssMb(w, "paramcheck")), ms(rssMb(w, "floor")), x(r)));
    }
    if (!targets.isEmpty()) {
      out.append("### Targets\n\n");
      targets.forEach(t -> out.append(t).append('\n'));
    }
  }
}
