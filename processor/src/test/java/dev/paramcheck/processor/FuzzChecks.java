package dev.paramcheck.processor;

import com.google.testing.compile.Compilation;
import dev.paramcheck.processor.FuzzModels.Model;
import dev.paramcheck.processor.FuzzModels.ModelDraft;
import dev.paramcheck.processor.FuzzModels.Source;
import dev.paramcheck.processor.FuzzOracle.LayerCount;
import dev.paramcheck.processor.FuzzOracle.Problem;
import dev.paramcheck.processor.FuzzOracle.Verdict;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The checks of the "no crash" property tests, for one compiler: builds a batch of drafted models,
 * asks {@link FuzzOracle} about each, compiles them (valid ones, invalid ones and ones the compiler
 * itself rejects, each group in one compilation) and compares. See {@link NoCrashPropertyTest}.
 */
final class FuzzChecks {
  private static final Pattern TAG = Pattern.compile("^\\[paramcheck:([a-z-]+)\\]");

  final String name;
  final String seed;
  final Stats stats = new Stats();
  private final Function<List<JavaFileObject>, Compilation> compiler;
  private final UnaryOperator<ModelDraft> adapt;

  /** {@code compiler} compiles its sources through the processor, reporting every error. */
  FuzzChecks(String name, String seed, Function<List<JavaFileObject>, Compilation> compiler) {
    this(name, seed, compiler, UnaryOperator.identity());
  }

  /** {@code adapt} changes each drafted model first, to leave out what a compiler cannot do. */
  FuzzChecks(
      String name, String seed, Function<List<JavaFileObject>, Compilation> compiler, UnaryOperator<ModelDraft> adapt) {
    this.name = name;
    this.seed = seed;
    this.compiler = compiler;
    this.adapt = adapt;
  }

  /** Checks batch number {@code batch}; throws an AssertionError listing the failing models. */
  void check(int batch, List<ModelDraft> drafts) {
    List<Source> valid = new ArrayList<>();
    List<Source> invalid = new ArrayList<>();
    List<Source> broken = new ArrayList<>();
    Map<Source, Verdict> verdicts = new HashMap<>();
    for (int i = 0; i < drafts.size(); i++) {
      Model model = FuzzOracle.resolveBudgets(FuzzModels.build(batch * drafts.size() + i, adapt.apply(drafts.get(i))));
      Source source = FuzzModels.render(model);
      stats.models.incrementAndGet();
      stats.count("container " + model.container());
      if (model.javacBroken()) {
        broken.add(source);
        continue;
      }
      Verdict verdict = FuzzOracle.judge(model, source);
      verdicts.put(source, verdict);
      (verdict.isModel() && !verdict.valid() ? invalid : valid).add(source);
    }
    List<String> failures = new ArrayList<>();
    checkValid(valid, verdicts, failures);
    checkInvalid(invalid, verdicts, failures);
    checkBroken(broken, failures);
    if (!failures.isEmpty()) {
      stats.failures.addAndGet(failures.size());
      throw new AssertionError(String.format(Locale.ROOT,
          "%s, batch %d (seed %s): %d of %d models failed; the first ones:%n%n%s", name, batch, seed,
          failures.size(), drafts.size(), failures.stream().limit(12).collect(Collectors.joining("\n\n"))));
    }
  }

  // ---------------------------------------------------------------- compiling

  private Compilation compile(List<Source> sources) {
    long start = System.nanoTime();
    Compilation c = compiler.apply(sources.stream().map(Source::file).toList());
    stats.compileNanos.addAndGet(System.nanoTime() - start);
    stats.compilations.incrementAndGet();
    return c;
  }

  private static String path(JavaFileObject file) {
    return file == null ? null : file.toUri().getPath();
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    return String.format(Locale.ROOT, "%s %s:%d: %s", d.getKind(), path(d.getSource()), d.getLineNumber(),
        d.getMessage(Locale.ROOT));
  }

  private static String failure(Source s, Verdict v, String what, List<Diagnostic<? extends JavaFileObject>> ds) {
    StringBuilder b = new StringBuilder();
    b.append("model ").append(s.model().qualifiedName()).append(": ").append(what).append('\n');
    b.append("  built: ").append(String.join("; ", s.model().story())).append('\n');
    if (v != null) {
      b.append("  reference: ").append(v.valid() ? "valid, total " + v.total() : v.isModel() ? v.problems() : "not a model")
          .append('\n');
    }
    for (Diagnostic<? extends JavaFileObject> d : ds) {
      b.append("  ").append(describe(d)).append('\n');
    }
    b.append(s.text());
    return b.toString();
  }

  /** A crash: an internal error, or an exception that escaped the compiler (compile-testing rethrows it). */
  private Compilation compileOrCrash(List<Source> sources, List<String> failures) {
    try {
      return compile(sources);
    } catch (RuntimeException | Error e) {
      failures.add("the compilation of " + sources.size() + " models threw " + e + "; models: "
          + sources.stream().map(s -> s.model().qualifiedName()).toList());
      return null;
    }
  }

  private void checkNoInternalError(Compilation c, Map<String, Source> byPath, List<String> failures) {
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (message.contains("[paramcheck:internal-error]") || message.contains("Internal compiler error")) {
        Source s = find(byPath, d.getSource());
        failures.add(s == null ? "internal error: " + describe(d) : failure(s, null, "internal error", List.of(d)));
      }
    }
  }

  private static Map<String, Source> byPath(List<Source> sources) {
    Map<String, Source> byPath = new HashMap<>();
    for (Source s : sources) {
      byPath.put(Ecj.relativePath(s.file()), s);
    }
    return byPath;
  }

  /**
   * The model a diagnostic is about: javac names compile-testing's file ({@code fuzz/M1.java}),
   * ecj the copy on disk ({@code /tmp/.../fuzz/M1.java}).
   */
  private static Source find(Map<String, Source> byPath, JavaFileObject file) {
    String p = path(file);
    if (p == null) {
      return null;
    }
    for (int i = -1; ; i = p.indexOf('/', i + 1)) {
      Source s = byPath.get(p.substring(i + 1));
      if (s != null || p.indexOf('/', i + 1) < 0) {
        return s;
      }
    }
  }

  // ---------------------------------------------------------------- valid models: exact counts

  private void checkValid(List<Source> sources, Map<Source, Verdict> verdicts, List<String> failures) {
    if (sources.isEmpty()) {
      return;
    }
    Compilation c = compileOrCrash(sources, failures);
    if (c == null) {
      return;
    }
    Map<String, Source> byPath = byPath(sources);
    checkNoInternalError(c, byPath, failures);
    if (c.status() != Compilation.Status.SUCCESS) {
      // the reference says valid, the processor (or javac) disagrees: report those, go on with the rest
      Map<Source, List<Diagnostic<? extends JavaFileObject>>> rejected = new LinkedHashMap<>();
      for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
        Source s = find(byPath, d.getSource());
        if (s == null) {
          failures.add("error outside the models' files: " + describe(d));
        } else {
          rejected.computeIfAbsent(s, k -> new ArrayList<>()).add(d);
        }
      }
      rejected.forEach((s, ds) -> failures.add(failure(s, verdicts.get(s), "valid model rejected", ds)));
      List<Source> rest = sources.stream().filter(s -> !rejected.containsKey(s)).toList();
      if (rejected.isEmpty() || rest.isEmpty()) {
        return;
      }
      checkValid(rest, verdicts, failures);
      return;
    }
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      if (d.getMessage(Locale.ROOT).contains("[paramcheck:")) {
        Source s = find(byPath, d.getSource());
        failures.add(s == null ? "diagnostic on a valid batch: " + describe(d)
            : failure(s, verdicts.get(s), "diagnostic on a valid model", List.of(d)));
      }
    }
    for (Source s : sources) {
      Verdict v = verdicts.get(s);
      String summary = s.model().summaryName();
      String summaryClass = summary.replace('.', '/') + ".class";
      if (!v.isModel()) {
        stats.notModels.incrementAndGet();
        if (c.generatedFile(StandardLocation.CLASS_OUTPUT, summaryClass).isPresent()) {
          failures.add(failure(s, v, "a summary was generated for a class without paramcheck annotations", List.of()));
        }
        continue;
      }
      stats.valid.incrementAndGet();
      try {
        String problem = compareCounts(Compiled.constants(c, summary), v);
        if (problem != null) {
          failures.add(failure(s, v, problem, List.of()));
        }
      } catch (AssertionError | RuntimeException | LinkageError e) {
        failures.add(failure(s, v, "cannot read " + summary + ": " + e, List.of()));
      }
    }
  }

  private static BigInteger macs(LayerCount layer) {
    return layer.weights().containsKey("EMBEDDINGS") ? BigInteger.ZERO : layer.params();
  }

  /** The generated constants against the reference; null when they agree. */
  private String compareCounts(Map<String, Long> k, Verdict v) {
    Map<String, BigInteger> expected = new LinkedHashMap<>();
    expected.put("TOTAL_PARAMS", v.total());
    expected.put("TRAINABLE_PARAMS", v.total());
    expected.put("NON_TRAINABLE_PARAMS", BigInteger.ZERO);
    // float32 (Keras's default): 4 bytes a parameter; all trainable
    expected.put("TOTAL_BYTES", v.total().multiply(BigInteger.valueOf(4)));
    expected.put("TRAINABLE_BYTES", v.total().multiply(BigInteger.valueOf(4)));
    expected.put("NON_TRAINABLE_BYTES", BigInteger.ZERO);
    // fuzzed models declare no timesteps, so only a model of plain vectors (a first Dense and
    // Dense layers after it) has MACs, each layer applied once: its parameter count; or a lone
    // Embedding, whose lookups cost nothing whatever the length
    boolean macs = k.containsKey("TOTAL_MACS");
    if (macs) {
      expected.put("TOTAL_MACS", v.layers().stream().map(FuzzChecks::macs).reduce(BigInteger.ZERO, BigInteger::add));
    }
    Set<String> allowed = new HashSet<>(expected.keySet());
    for (LayerCount layer : v.layers()) {
      expected.put(layer.prefix() + "_PARAMS", layer.params());
      allowed.add(layer.prefix() + "_PARAMS");
      expected.put(layer.prefix() + "_BYTES", layer.params().multiply(BigInteger.valueOf(4)));
      allowed.add(layer.prefix() + "_BYTES");
      if (macs) {
        expected.put(layer.prefix() + "_MACS", macs(layer));
        allowed.add(layer.prefix() + "_MACS");
      }
      layer.weights().forEach((key, count) -> {
        String name = layer.prefix() + "_" + key + "_PARAMS";
        allowed.add(name);
        if (count.signum() != 0 || k.containsKey(name)) {
          expected.put(name, count);
        }
      });
    }
    List<String> wrong = new ArrayList<>();
    expected.forEach((name, count) -> {
      Long actual = k.get(name);
      if (actual == null || !BigInteger.valueOf(actual).equals(count)) {
        wrong.add(name + " = " + actual + ", expected " + count);
      }
    });
    for (String name : k.keySet()) {
      if (!allowed.contains(name)) {
        wrong.add("unexpected constant " + name + " = " + k.get(name));
      }
    }
    return wrong.isEmpty() ? null : "wrong counts: " + wrong + " (generated: " + k + ")";
  }

  // ---------------------------------------------------------------- invalid models: errors where they belong

  private void checkInvalid(List<Source> sources, Map<Source, Verdict> verdicts, List<String> failures) {
    if (sources.isEmpty()) {
      return;
    }
    Compilation c = compileOrCrash(sources, failures);
    if (c == null) {
      return;
    }
    Map<String, Source> byPath = byPath(sources);
    checkNoInternalError(c, byPath, failures);
    Map<Source, List<Diagnostic<? extends JavaFileObject>>> errors = new HashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      Source s = find(byPath, d.getSource());
      boolean ours = d.getMessage(Locale.ROOT).startsWith("[paramcheck:");
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        if (s == null) {
          failures.add("error outside the models' files: " + describe(d));
        } else {
          errors.computeIfAbsent(s, x -> new ArrayList<>()).add(d);
        }
      } else if (ours) {
        failures.add("paramcheck " + d.getKind() + " where only errors are expected: " + describe(d));
      }
    }
    for (Source s : sources) {
      Verdict v = verdicts.get(s);
      stats.invalid.incrementAndGet();
      List<Diagnostic<? extends JavaFileObject>> ds = errors.getOrDefault(s, List.of());
      Set<Problem> predicted = new HashSet<>(v.problems());
      v.problems().forEach(p -> stats.count("expected " + p.tag()));
      if (ds.isEmpty()) {
        // a hint: an error on a field of the same name, on an expected line, in another model's file
        Set<Long> lines = v.problems().stream().map(p -> (long) p.line()).collect(Collectors.toSet());
        List<String> namesakes = new ArrayList<>();
        for (FuzzModels.Member f : s.model().fields()) {
          c.errors().stream()
              .filter(d -> lines.contains(d.getLineNumber()) && d.getMessage(Locale.ROOT).contains("'" + f.name() + "'"))
              .limit(2)
              .forEach(d -> namesakes.add(describe(d)));
        }
        failures.add(failure(s, v, "invalid model compiled without an error (the compilation "
            + c.status() + " with " + c.errors().size() + " errors"
            + (namesakes.isEmpty() ? "" : "; the same field names have errors in other files, each message printed"
                + " once (see ReportingAcrossModelsTest)? " + namesakes)
            + ")", ds));
        continue;
      }
      Set<Problem> reported = new HashSet<>();
      Set<String> seen = new HashSet<>();
      List<String> wrong = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : ds) {
        String message = d.getMessage(Locale.ROOT);
        int line = (int) d.getLineNumber();
        if (!seen.add(line + ":" + message)) {
          wrong.add("reported twice on line " + line);
        }
        if (line < s.firstLine() || line > s.lines().size()) {
          wrong.add("error outside the model's lines: line " + line);
        }
        Matcher tag = TAG.matcher(message);
        if (!tag.find()) {
          wrong.add(name + " rejected the source (a generator bug?)");
          continue;
        }
        Problem p = new Problem(line, tag.group(1));
        reported.add(p);
        stats.count("reported " + p.tag());
        if (!predicted.contains(p)) {
          wrong.add("unexpected " + p + " (expected " + v.problems() + ")");
        }
      }
      if (v.onlyCountProblems() && !reported.containsAll(predicted)) {
        wrong.add("overflow or over-budget not reported: expected " + v.problems() + ", reported " + reported);
      }
      for (Problem p : predicted) {
        if (!reported.contains(p)) {
          stats.count("expected but not reported " + p.tag());
        }
      }
      if (!wrong.isEmpty()) {
        failures.add(failure(s, v, String.join("; ", wrong), ds));
      }
    }
  }

  // ---------------------------------------------------------------- the compiler's own errors: paramcheck stays silent

  private void checkBroken(List<Source> sources, List<String> failures) {
    if (sources.isEmpty()) {
      return;
    }
    Compilation c = compileOrCrash(sources, failures);
    if (c == null) {
      return;
    }
    Map<String, Source> byPath = byPath(sources);
    checkNoInternalError(c, byPath, failures);
    Map<Source, List<Diagnostic<? extends JavaFileObject>>> errors = new HashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      Source s = find(byPath, d.getSource());
      if (s == null) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          failures.add("error outside the models' files: " + describe(d));
        }
        continue;
      }
      errors.computeIfAbsent(s, x -> new ArrayList<>()).add(d);
    }
    for (Source s : sources) {
      stats.broken.incrementAndGet();
      List<Diagnostic<? extends JavaFileObject>> ds = errors.getOrDefault(s, List.of());
      if (ds.stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)) {
        failures.add(failure(s, null, name + " accepted an annotation it must reject", ds));
      }
      if (ds.stream().anyMatch(d -> d.getMessage(Locale.ROOT).contains("[paramcheck:"))) {
        failures.add(failure(s, null, "paramcheck reported on a model " + name + " already rejects", ds));
      }
    }
  }

  /** What a run covered. */
  static final class Stats {
    final AtomicInteger models = new AtomicInteger();
    final AtomicInteger valid = new AtomicInteger();
    final AtomicInteger notModels = new AtomicInteger();
    final AtomicInteger invalid = new AtomicInteger();
    final AtomicInteger broken = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger compilations = new AtomicInteger();
    final AtomicLong compileNanos = new AtomicLong();
    final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void count(String what) {
      counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    void print(String compiler, int tries, String seed, double seconds) {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT,
          "[paramcheck fuzz, %s] %d models in %d batches (seed %s) in %.1f s (%.1f s in %d compilations): %d valid,"
              + " %d invalid, %d rejected by the compiler, %d without annotations; %d failures%n",
          compiler, models.get(), tries, seed, seconds, compileNanos.get() / 1e9, compilations.get(), valid.get(),
          invalid.get(), broken.get(), notModels.get(), failures.get()));
      new TreeMap<>(counts).forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-50s %d%n", k, v.get())));
      System.out.print(b);
    }
  }
}
