package dev.paramcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckTest {
  @TempDir Path tmp;

  private static Check.Rules rules(String maxGrowth, boolean failOnNew) {
    return new Check.Rules(new BigDecimal(maxGrowth), failOnNew);
  }

  private Check.Result check(Map<String, Baseline.Entry> baseline, Check.Rules rules,
      String... models) {
    List<ModelRecord> records = Fixtures.records(tmp, models);
    return Check.run(Comparison.of(records, Optional.ofNullable(
        baseline == null ? null : new Baseline(baseline))), rules, "paramcheck-baseline.json");
  }

  @Test
  void aModelGrownPastMaxGrowthFailsNamingItsOldAndNewNumbers() {
    // SentimentRnn has 120 params (480 bytes); the baseline says 100 (400): +20%.
    Check.Result r = check(Map.of(Fixtures.SENTIMENT, new Baseline.Entry(100, 400, null)),
        rules("10", false), Fixtures.SENTIMENT);
    assertFalse(r.passed());
    assertEquals(1, r.violations().size());
    assertEquals(Fixtures.SENTIMENT + " grew by more than 10% (maxGrowth) against"
        + " paramcheck-baseline.json: params 100 -> 120 (+20.0%), bytes 400 -> 480 (+20.0%)",
        r.violations().get(0).message());
  }

  @Test
  void macsGrowthCountsWhereBothAreKnown() {
    // SensorLstm: 425 params, 1,700 bytes, 8,329 MACs (20 steps); the baseline had 10 steps of
    // the same LSTM: 416 * 10 + 9 = 4,169 MACs.
    Check.Result r = check(Map.of(Fixtures.SENSOR, new Baseline.Entry(425, 1_700, 4_169L)),
        rules("50", false), Fixtures.SENSOR);
    assertEquals(List.of(Fixtures.SENSOR + " grew by more than 50% (maxGrowth) against"
        + " paramcheck-baseline.json: MACs 4,169 -> 8,329 (+99.8%)"),
        r.violations().stream().map(Check.Violation::message).toList());
    assertTrue(check(Map.of(Fixtures.SENSOR, new Baseline.Entry(425, 1_700, null)),
        Check.Rules.defaults(), Fixtures.SENSOR).passed(), "MACs unknown before: not compared");
  }

  @Test
  void growthWithinMaxGrowthPasses() {
    Check.Result r = check(Map.of(Fixtures.SENTIMENT, new Baseline.Entry(100, 400, null)),
        rules("20", false), Fixtures.SENTIMENT);
    assertTrue(r.passed(), r.violations().toString());
    assertTrue(r.notes().get(0).contains("changed within maxGrowth 20%"), r.notes().toString());
  }

  @Test
  void byDefaultAnyGrowthFailsAndShrinkingNeverDoes() {
    assertFalse(check(Map.of(Fixtures.SENTIMENT, new Baseline.Entry(119, 480, null)),
        Check.Rules.defaults(), Fixtures.SENTIMENT).passed());
    assertTrue(check(Map.of(Fixtures.SENTIMENT, new Baseline.Entry(121, 484, null)),
        Check.Rules.defaults(), Fixtures.SENTIMENT).passed());
  }

  @Test
  void growthFromZeroIsPastAnyLimit() {
    Check.Result r = check(Map.of(Fixtures.SENTIMENT, new Baseline.Entry(0, 0, null)),
        rules("1000", false), Fixtures.SENTIMENT);
    assertTrue(r.violations().get(0).message().contains("params 0 -> 120 (from 0)"));
  }

  @Test
  void aNewModelFailsOnlyWithFailOnNew() {
    Map<String, Baseline.Entry> b = Map.of(Fixtures.SEED, new Baseline.Entry(68, 272, null));
    Check.Result lenient = check(b, rules("0", false), Fixtures.SEED, Fixtures.SENTIMENT);
    assertTrue(lenient.passed());
    assertEquals(List.of(Fixtures.SENTIMENT + " is new (params 120, bytes 480, MACs unknown)"),
        lenient.notes());

    Check.Result strict = check(b, rules("0", true), Fixtures.SEED, Fixtures.SENTIMENT);
    assertEquals(List.of(Fixtures.SENTIMENT), strict.violations().stream()
        .map(Check.Violation::model).toList());
    assertTrue(strict.violations().get(0).message().startsWith(Fixtures.SENTIMENT
        + " is new: not in paramcheck-baseline.json (params 120, bytes 480, MACs unknown);"
        + " failOnNew is set"), strict.violations().get(0).message());
  }

  @Test
  void aRemovedModelIsANoteNotAFailure() {
    Check.Result r = check(Map.of(Fixtures.SEED, new Baseline.Entry(68, 272, null),
        "com.acme.Gone", new Baseline.Entry(10, 40, null)), rules("0", true), Fixtures.SEED);
    assertTrue(r.passed());
    assertEquals(List.of("com.acme.Gone is in paramcheck-baseline.json but no longer recorded"
        + " (params 10, bytes 40, MACs unknown)"), r.notes());
  }

  @Test
  void withoutABaselineOnlyFailOnNewFails() {
    assertTrue(check(null, rules("0", false), Fixtures.SEED).passed());
    Check.Result r = check(null, rules("0", true), Fixtures.SEED);
    assertFalse(r.passed());
    assertTrue(r.violations().get(0).message().contains(
        "no baseline yet at paramcheck-baseline.json"), r.violations().toString());
  }

  @Test
  void growthInPercentIsExact() {
    assertEquals(0, new BigDecimal("20").compareTo(Comparison.growth(100, 120)));
    assertEquals(0, new BigDecimal("-50").compareTo(Comparison.growth(100, 50)));
    assertEquals("+0.0001%", Format.growth(Comparison.growth(1_000_000, 1_000_001)));
    assertEquals("+16.7%", Format.growth(Comparison.growth(120, 140)));
  }
}
