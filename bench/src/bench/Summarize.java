package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Reads bench/run.sh's raw.csv and prints medians, ratios and the targets as Markdown.
 *
 * <p>raw.csv columns: rep, workload (models-N or layers-L), config, wall_ms, cpu_ms (user + system
 * of the javac process), maxrss_kb, heap_peak_mb and heap_live_mb (largest heap before and after
 * a GC, from -Xlog:gc), rc, processor_ns (the processor's own time, -1 without a processor),
 * foreign_cpu_ms (CPU used by other processes during the run), retries. Failed runs (rc != 0) are
 * left out of the medians and counted in the tables.
 */
public final class Summarize {
  private Summarize() {}

  record Run(
      int rep, String workload, String config, double wallMs, double cpuMs, double rssKb, double heapPeakMb,
      double heapLiveMb, int rc, long procNs, double foreignMs, int retries) {}

  private final Map<String, List<Run>> runs = new HashMap<>();
  private final List<Run> all = new ArrayList<>();
  private final StringBuilder out = new StringBuilder();
  private final List<String> targets = new ArrayList<>();
  /** Bytes of the generated summary of one benchmark model (summary-bytes.txt beside raw.csv), or 0. */
  private double summaryBytes;

  public static void main(String[] args) throws IOException {
    Summarize s = new Summarize();
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      Run r = new Run(
          Integer.parseInt(f[0]), f[1], f[2], d(f[3]), d(f[4]), d(f[5]), d(f[6]), d(f[7]),
          Integer.parseInt(f[8]), Long.parseLong(f[9]), d(f[10]), Integer.parseInt(f[11]));
      s.all.add(r);
      s.runs.computeIfAbsent(r.workload() + "/" + r.config(), k -> new ArrayList<>()).add(r);
    }
    Path bytes = Path.of(args[0]).resolveSibling("summary-bytes.txt");
    if (Files.exists(bytes)) {
      s.summaryBytes = Double.parseDouble(Files.readString(bytes).trim());
    }
    s.render();
    System.out.print(s.out);
  }

  private static double d(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  // ------------------------------------------------------------------ statistics

  private List<Run> ok(String workload, String config) {
    List<Run> ok = new ArrayList<>();
    for (Run r : runs.getOrDefault(workload + "/" + config, List.of())) {
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

  private double med(String workload, String config, ToDoubleFunction<Run> metric) {
    List<Double> v = new ArrayList<>();
    for (Run r : ok(workload, config)) {
      double x = metric.applyAsDouble(r);
      if (!Double.isNaN(x) && x >= 0) {
        v.add(x);
      }
    }
    return median(v);
  }

  private double wall(String w, String c) {
    return med(w, c, Run::wallMs);
  }

  private double cpu(String w, String c) {
    return med(w, c, Run::cpuMs);
  }

  private double rssMb(String w, String c) {
    return med(w, c, r -> r.rssKb() / 1024);
  }

  private double own(String w, String c) {
    return med(w, c, r -> r.procNs() < 0 ? Double.NaN : r.procNs() / 1e6);
  }

  /** Median of (wall - processor's own time): what javac itself spent. */
  private double javacPart(String w, String c) {
    return med(w, c, r -> r.procNs() < 0 ? Double.NaN : r.wallMs() - r.procNs() / 1e6);
  }

  /** Median over repetitions of a per-repetition ratio: drift between repetitions cancels. */
  private double paired(String w, String num, String den, ToDoubleFunction<Run> metric) {
    Map<Integer, Double> d = new HashMap<>();
    ok(w, den).forEach(r -> d.put(r.rep(), metric.applyAsDouble(r)));
    List<Double> v = new ArrayList<>();
    for (Run r : ok(w, num)) {
      Double x = d.get(r.rep());
      if (x != null) {
        v.add(metric.applyAsDouble(r) / x);
      }
    }
    return median(v);
  }

  private int reps(String prefix) {
    int max = 0;
    for (Run r : all) {
      if (r.workload().startsWith(prefix)) {
        max = Math.max(max, r.rep());
      }
    }
    return max;
  }

  // ------------------------------------------------------------------ output

  private static String ms(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String x(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }

  private String cell(String w, String c, double value) {
    int failed = failed(w, c);
    return failed == 0 ? ms(value) : ms(value) + " (" + failed + " failed)";
  }

  private void row(Object... cells) {
    out.append('|');
    for (Object c : cells) {
      out.append(' ').append(c).append(" |");
    }
    out.append('\n');
  }

  private void header(String... cells) {
    row((Object[]) cells);
    out.append('|');
    for (int i = 0; i < cells.length; i++) {
      out.append(i == 0 ? ":---|" : "---:|");
    }
    out.append('\n');
  }

  private void render() {
    TreeSet<Integer> sizes = new TreeSet<>();
    TreeSet<Integer> layers = new TreeSet<>();
    for (Run r : all) {
      int n = Integer.parseInt(r.workload().substring(r.workload().indexOf('-') + 1));
      (r.workload().startsWith("models-") ? sizes : layers).add(n);
    }
    out.append(String.format(Locale.ROOT, "Medians of %d repetitions (N models) and %d (one model of L layers)."
        + "%n%n", reps("models-"), reps("layers-")));
    if (!sizes.isEmpty()) {
      models(sizes);
    }
    if (!layers.isEmpty()) {
      layers(layers);
    }
    targets(sizes, layers);
    contention();
  }

  private void models(TreeSet<Integer> sizes) {
    out.append("#### N models: javac wall time (ms)\n\n");
    header("N", "(a) -proc:none", "(b) floor", "(c) paramcheck", "AutoValue -proc:none", "AutoValue",
        "(b)/(a)", "(c)/(a)", "(c)/(b)", "AutoValue with/without");
    for (int n : sizes) {
      String w = "models-" + n;
      row(String.format(Locale.ROOT, "%,d", n), cell(w, "none", wall(w, "none")), cell(w, "floor", wall(w, "floor")),
          cell(w, "paramcheck", wall(w, "paramcheck")), cell(w, "av-none", wall(w, "av-none")),
          cell(w, "av", wall(w, "av")),
          x(wall(w, "floor") / wall(w, "none")), x(wall(w, "paramcheck") / wall(w, "none")),
          x(wall(w, "paramcheck") / wall(w, "floor")), x(wall(w, "av") / wall(w, "av-none")));
    }
    out.append("\nRatios as the median of each repetition's ratio (the runs of a repetition are adjacent in"
        + " time), wall time and CPU time (user + system of javac, less sensitive to other load):\n\n");
    header("N", "(b)/(a) wall", "(c)/(a) wall", "(c)/(b) wall", "AutoValue wall", "(b)/(a) CPU", "(c)/(a) CPU",
        "(c)/(b) CPU", "AutoValue CPU");
    for (int n : sizes) {
      String w = "models-" + n;
      row(String.format(Locale.ROOT, "%,d", n),
          x(paired(w, "floor", "none", Run::wallMs)), x(paired(w, "paramcheck", "none", Run::wallMs)),
          x(paired(w, "paramcheck", "floor", Run::wallMs)), x(paired(w, "av", "av-none", Run::wallMs)),
          x(paired(w, "floor", "none", Run::cpuMs)), x(paired(w, "paramcheck", "none", Run::cpuMs)),
          x(paired(w, "paramcheck", "floor", Run::cpuMs)), x(paired(w, "av", "av-none", Run::cpuMs)));
    }
    out.append("\n#### N models: where the time goes (ms)\n\n");
    out.append("Own time: inside the processor's init and process calls (its Filer writes included)."
        + " javac's part: wall time less the processor's own time.\n\n");
    header("N", "(c)-(b) wall", "floor's own time", "paramcheck's own time", "AutoValue's own time",
        "javac's part (b)", "javac's part (c)", "javac's extra for (c)");
    for (int n : sizes) {
      String w = "models-" + n;
      row(String.format(Locale.ROOT, "%,d", n), ms(wall(w, "paramcheck") - wall(w, "floor")),
          ms(own(w, "floor")), ms(own(w, "paramcheck")), ms(own(w, "av")),
          ms(javacPart(w, "floor")), ms(javacPart(w, "paramcheck")),
          ms(javacPart(w, "paramcheck") - javacPart(w, "floor")));
    }
    out.append("\n#### N models: peak memory (MB)\n\n");
    out.append("Max RSS of the javac process (GNU time); heap: largest heap occupancy before and after a"
        + " collection (-Xlog:gc).\n\n");
    header("N", "(a) RSS", "(b) RSS", "(c) RSS", "AutoValue -proc:none RSS", "AutoValue RSS", "(c)/(b) RSS",
        "(b) heap peak", "(c) heap peak", "(b) heap after GC", "(c) heap after GC");
    for (int n : sizes) {
      String w = "models-" + n;
      row(String.format(Locale.ROOT, "%,d", n), ms(rssMb(w, "none")), ms(rssMb(w, "floor")),
          ms(rssMb(w, "paramcheck")), ms(rssMb(w, "av-none")), ms(rssMb(w, "av")),
          x(rssMb(w, "paramcheck") / rssMb(w, "floor")),
          ms(med(w, "floor", Run::heapPeakMb)), ms(med(w, "paramcheck", Run::heapPeakMb)),
          ms(med(w, "floor", Run::heapLiveMb)), ms(med(w, "paramcheck", Run::heapLiveMb)));
    }
    out.append('\n');
  }

  private void layers(TreeSet<Integer> layers) {
    out.append("#### One model of L layers (ms, MB)\n\n");
    header("L", "(a) -proc:none", "(b) floor", "(c) paramcheck", "(c)-(b)", "paramcheck's own time",
        "floor's own time", "(b) RSS", "(c) RSS", "(c)/(b) RSS");
    for (int l : layers) {
      String w = "layers-" + l;
      row(String.format(Locale.ROOT, "%,d", l), cell(w, "none", wall(w, "none")),
          cell(w, "floor", wall(w, "floor")), cell(w, "paramcheck", wall(w, "paramcheck")),
          ms(wall(w, "paramcheck") - wall(w, "floor")), ms(own(w, "paramcheck")), ms(own(w, "floor")),
          ms(rssMb(w, "floor")), ms(rssMb(w, "paramcheck")), x(rssMb(w, "paramcheck") / rssMb(w, "floor")));
    }
    List<String> doublings = new ArrayList<>();
    for (int l : layers) {
      if (layers.contains(2 * l)) {
        String a = "layers-" + l;
        String b = "layers-" + 2 * l;
        doublings.add(String.format(Locale.ROOT, "| %,d to %,d | %s | %s | %s | %s | %s |", l, 2 * l,
            x(own(b, "paramcheck") / own(a, "paramcheck")),
            positiveRatio(wall(b, "paramcheck") - wall(b, "floor"), wall(a, "paramcheck") - wall(a, "floor")),
            x(wall(b, "paramcheck") / wall(a, "paramcheck")), x(wall(b, "none") / wall(a, "none")),
            x(wall(b, "floor") / wall(a, "floor"))));
      }
    }
    if (!doublings.isEmpty()) {
      out.append("\nDoubling the layers multiplies:\n\n");
      header("layers", "paramcheck's own time", "(c)-(b)", "(c) wall", "(a) wall", "(b) wall");
      doublings.forEach(d -> out.append(d).append('\n'));
    }
    out.append('\n');
  }

  /** A ratio of two differences, or n/a when one is not positive (lost in javac's own variation). */
  private static String positiveRatio(double num, double den) {
    return num > 0 && den > 0 ? x(num / den) : "n/a";
  }

  private void target(boolean met, String text) {
    targets.add((met ? "- met: " : "- **missed**: ") + text);
  }

  private void targets(TreeSet<Integer> sizes, TreeSet<Integer> layers) {
    // The targets of issue 11 (lean generated summaries); docs/performance.md has their history.
    if (sizes.contains(1000)) {
      String w = "models-1000";
      double cb = paired(w, "paramcheck", "floor", Run::wallMs);
      double cpu = paired(w, "paramcheck", "floor", Run::cpuMs);
      target(cb <= 1.25 && cpu <= 1.25, String.format(Locale.ROOT,
          "1,000 models, (c) within 1.25 times (b), wall and CPU: paired %s wall, %s CPU (medians: %s)",
          x(cb), x(cpu), x(wall(w, "paramcheck") / wall(w, "floor"))));
    }
    if (summaryBytes > 0) {
      target(summaryBytes < 2500, String.format(Locale.ROOT,
          "the five-layer model's generated summary under 2.5 KB of source: %s bytes", ms(summaryBytes)));
    }
    if (sizes.contains(1000) && sizes.contains(10000)) {
      double r = wall("models-10000", "paramcheck") / wall("models-1000", "paramcheck");
      target(r <= 11, String.format(Locale.ROOT,
          "10,000 models cost at most 11 times 1,000: (c) %s ms / %s ms = %s"
              + " (javac alone: (a) %s, (b) %s; paramcheck's own time %s)",
          ms(wall("models-10000", "paramcheck")), ms(wall("models-1000", "paramcheck")), x(r),
          x(wall("models-10000", "none") / wall("models-1000", "none")),
          x(wall("models-10000", "floor") / wall("models-1000", "floor")),
          x(own("models-10000", "paramcheck") / own("models-1000", "paramcheck"))));
    }
    if (layers.contains(10000)) {
      String w = "layers-10000";
      double own = own(w, "paramcheck");
      boolean ran = failed(w, "paramcheck") == 0;
      target(ran && own < 1000, String.format(Locale.ROOT,
          "one model of 10,000 layers processed in under a second: paramcheck's own time %s ms"
              + " ((c)-(b) = %s ms)%s",
          ms(own), ms(wall(w, "paramcheck") - wall(w, "floor")), ran ? "" : "; some runs FAILED"));
    }
    if (layers.contains(10000) && layers.contains(20000)) {
      String a = "layers-10000";
      String b = "layers-20000";
      double own = own(b, "paramcheck") / own(a, "paramcheck");
      boolean ran = failed(b, "paramcheck") == 0;
      String clean = "";
      boolean cleanMet = true;
      if (layers.contains(5000)) {
        double own5 = own(a, "paramcheck") / own("layers-5000", "paramcheck");
        cleanMet = own5 <= 2;
        clean = String.format(Locale.ROOT, "; 5,000 to 10,000 (the same summary layout): x%s", x(own5));
      }
      target(ran && own <= 2 && cleanMet, String.format(Locale.ROOT,
          "doubling the layers at most doubles the processor's time: paramcheck's own time 10,000 to 20,000"
              + " x%s%s; (c)-(b) %s ms to %s ms, javac alone is not linear in layers ((a) x%s, (b) x%s)%s",
          x(own), clean, ms(wall(a, "paramcheck") - wall(a, "floor")), ms(wall(b, "paramcheck") - wall(b, "floor")),
          x(wall(b, "none") / wall(a, "none")), x(wall(b, "floor") / wall(a, "floor")),
          ran ? "" : "; 20,000 layers: some runs FAILED (see the logs)"));
    }
    for (int n : sizes) {
      String w = "models-" + n;
      double r = rssMb(w, "paramcheck") / rssMb(w, "floor");
      target(r <= 1.25, String.format(Locale.ROOT,
          "%,d models, peak memory (c) within 1.25 times (b): %s MB / %s MB = %s",
          n, ms(rssMb(w, "paramcheck")), ms(rssMb(w, "floor")), x(r)));
    }
    for (int l : layers) {
      String w = "layers-" + l;
      double r = rssMb(w, "paramcheck") / rssMb(w, "floor");
      target(r <= 1.25, String.format(Locale.ROOT,
          "one model of %,d layers, peak memory (c) within 1.25 times (b): %s MB / %s MB = %s",
          l, ms(rssMb(w, "paramcheck")), ms(rssMb(w, "floor")), x(r)));
    }
    if (!targets.isEmpty()) {
      out.append("#### Targets\n\n");
      targets.forEach(t -> out.append(t).append('\n'));
      out.append('\n');
    }
  }

  private void contention() {
    int retried = 0;
    int retries = 0;
    double maxForeign = 0;
    int contended = 0;
    for (Run r : all) {
      retries += r.retries();
      if (r.retries() > 0) {
        retried++;
      }
      maxForeign = Math.max(maxForeign, r.foreignMs() / Math.max(1, r.wallMs()));
      if (r.foreignMs() > 0.15 * r.wallMs()) {
        contended++;
      }
    }
    out.append(String.format(Locale.ROOT,
        "%d runs; %d were run again (%d times in all) because other processes used more than 15%% of a CPU"
            + " meanwhile; %d recorded runs still had such load; the most: %.0f%% of a CPU.%n",
        all.size(), retried, retries, contended, 100 * maxForeign));
  }
}
