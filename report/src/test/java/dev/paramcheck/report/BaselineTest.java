package dev.paramcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @TempDir Path tmp;

  @Test
  void writesModelsSortedByNameWithNoDates() throws Exception {
    List<ModelRecord> records = Fixtures.records(tmp, Fixtures.SENTIMENT, Fixtures.SENSOR,
        Fixtures.LSTM);
    Path file = tmp.resolve("paramcheck-baseline.json");
    Baseline.of(records).write(file);
    assertEquals(String.join("\n",
        "{",
        "  \"schemaVersion\": 1,",
        "  \"models\": {",
        "    \"dev.paramcheck.example.GuideLstm\": {",
        "      \"params\": 164106,",
        "      \"bytes\": 656424,",
        "      \"macs\": null",
        "    },",
        "    \"dev.paramcheck.example.SensorLstm\": {",
        "      \"params\": 425,",
        "      \"bytes\": 1700,",
        "      \"macs\": 8329",
        "    },",
        "    \"dev.paramcheck.example.SentimentRnn\": {",
        "      \"params\": 120,",
        "      \"bytes\": 480,",
        "      \"macs\": null",
        "    }",
        "  }",
        "}",
        ""), Files.readString(file));
    assertEquals(Optional.of(Baseline.of(records)), Baseline.read(file));
  }

  @Test
  void theSameRecordsGiveTheSameBytes() throws Exception {
    List<ModelRecord> a = Fixtures.records(tmp.resolve("a"), Fixtures.SEED, Fixtures.GRU);
    List<ModelRecord> b = Fixtures.records(tmp.resolve("b"), Fixtures.GRU, Fixtures.SEED);
    assertEquals(Baseline.of(a).toJson(), Baseline.of(b).toJson());
  }

  @Test
  void noFileIsNoBaseline() throws Exception {
    assertEquals(Optional.empty(), Baseline.read(tmp.resolve("paramcheck-baseline.json")));
  }

  @Test
  void readsMacsAndANullMacs() throws Exception {
    Path f = Files.writeString(tmp.resolve("b.json"),
        "{\"schemaVersion\": 1, \"models\": {\"a.B\": {\"params\": 5, \"bytes\": 20, \"macs\": 400}, "
            + "\"a.A\": {\"params\": 1, \"bytes\": 4, \"macs\": null}}}");
    Baseline b = Baseline.read(f).orElseThrow();
    assertEquals(Map.of("a.A", new Baseline.Entry(1, 4, null),
        "a.B", new Baseline.Entry(5, 20, 400L)), b.models());
    assertEquals(List.of("a.A", "a.B"), List.copyOf(b.models().keySet()));
  }

  @Test
  void anUnreadableBaselineIsAMessageNamingTheFile() throws IOException {
    Path f = Files.writeString(tmp.resolve("paramcheck-baseline.json"), "{\"models\": {\"a\": ");
    ReportException e = assertThrows(ReportException.class, () -> Baseline.read(f));
    assertEquals(f.toString(), e.problems().get(0).file());
    assertEquals(f + ": the baseline is not valid JSON: the file ends before the JSON does (cut"
        + " short?); fix it, or delete it and write a new baseline with -Dparamcheck.updateBaseline",
        e.getMessage());
    assertTrue(e.getMessage().contains("-Dparamcheck.updateBaseline"), e.getMessage());

    Files.writeString(f, "{\"schemaVersion\": 1, \"models\": {\"a.A\": {\"params\": \"many\", \"bytes\": 4}}}");
    e = assertThrows(ReportException.class, () -> Baseline.read(f));
    assertEquals(f + ": the baseline cannot be used: \"models.a.A.params\" must be a whole number,"
        + " 0 or more, not the string \"many\"; \"models.a.A.macs\" is missing; fix it, or delete"
        + " it and write a new baseline with -Dparamcheck.updateBaseline", e.getMessage());

    Files.writeString(f, "[]");
    e = assertThrows(ReportException.class, () -> Baseline.read(f));
    assertTrue(e.getMessage().contains("not a paramcheck baseline"), e.getMessage());

    Files.writeString(f, "{\"schemaVersion\": 7, \"models\": {}}");
    e = assertThrows(ReportException.class, () -> Baseline.read(f));
    assertTrue(e.getMessage().contains("baseline schema version 7 is newer"), e.getMessage());
  }

  @Test
  void aDirectoryWhereTheBaselineShouldBeIsAMessage() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("paramcheck-baseline.json"));
    ReportException e = assertThrows(ReportException.class, () -> Baseline.read(dir));
    assertTrue(e.getMessage().startsWith(dir + ": cannot read the baseline"), e.getMessage());
  }
}
