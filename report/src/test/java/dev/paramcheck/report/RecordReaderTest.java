package dev.paramcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReaderTest {
  @TempDir Path tmp;

  private RecordReader.Result read(Path... inputs) {
    return new RecordReader().read(List.of(inputs));
  }

  private Problem onlyProblem(RecordReader.Result r) {
    assertEquals(1, r.problems().size(), r.problems().toString());
    return r.problems().get(0);
  }

  @Test
  void readsAClassOutputDirectorySortedByModel() {
    RecordReader.Result r = read(Fixtures.classes(tmp, Fixtures.SENTIMENT, Fixtures.REVIEW));
    assertTrue(r.ok(), r.problems().toString());
    assertEquals(List.of(Fixtures.REVIEW, Fixtures.SENTIMENT),
        r.records().stream().map(ModelRecord::model).toList());
    ModelRecord review = r.records().get(0);
    assertEquals(2_666_145, review.totals().params());
    assertEquals(5, review.layers().size());
    assertEquals("encoder", review.layers().get(1).name());
    assertEquals("Bidirectional", review.layers().get(2).kerasClass());
    assertEquals("Gru", review.layers().get(2).annotation());
    assertEquals(32L, review.layers().get(2).attributes().get("units"));
    assertEquals(64L, review.layers().get(1).attributes().get("units"));
    assertEquals(Boolean.TRUE, review.layers().get(1).attributes().get("returnSequences"));
    assertEquals(null, review.totals().macs());
    assertEquals(null, review.input().timesteps());
    assertEquals("LAYER", review.budgets().get(1).scope());
    assertEquals("encoder", review.budgets().get(1).layer());
    assertEquals(333_855, review.tightestBudget().orElseThrow().headroom());
    assertTrue(review.table().startsWith("Model: \"ReviewSentiment\"\n"));
  }

  @Test
  void readsKnownMacsAndBudgetsOfEveryKind() {
    RecordReader.Result r = read(Fixtures.classes(tmp, Fixtures.SENSOR));
    assertTrue(r.ok(), r.problems().toString());
    ModelRecord sensor = r.records().get(0);
    assertEquals(20L, sensor.input().timesteps());
    assertEquals(4L, sensor.input().features());
    assertEquals(8_329L, sensor.totals().macs());
    assertEquals(8_320L, sensor.layers().get(0).macs());
    assertEquals(List.of("PARAMS", "BYTES", "MACS"),
        sensor.budgets().stream().map(ModelRecord.Budget::kind).toList());
    assertEquals("MACS", sensor.tightestBudget().orElseThrow().kind());
    assertEquals(671, sensor.tightestBudget().orElseThrow().headroom());
  }

  @Test
  void readsAJarAndADirectoryTogether() {
    Path jar = Fixtures.jar(tmp.resolve("lib/models.jar"), Fixtures.LSTM, Fixtures.GRU);
    RecordReader.Result r = read(Fixtures.classes(tmp, Fixtures.SEED), jar);
    assertTrue(r.ok(), r.problems().toString());
    assertEquals(List.of(Fixtures.GRU, Fixtures.LSTM, Fixtures.SEED),
        r.records().stream().map(ModelRecord::model).toList());
    assertTrue(r.records().get(0).origin().endsWith(
        "models.jar!/META-INF/paramcheck/" + Fixtures.GRU + ".json"));
  }

  @Test
  void aDirectoryWithoutRecordsIsNoProblem() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("classes"));
    RecordReader.Result r = read(empty);
    assertTrue(r.ok());
    assertEquals(List.of(), r.records());
  }

  @Test
  void aCorruptRecordIsAMessageNamingTheFile() {
    Path classes = Fixtures.classes(tmp, Fixtures.SEED);
    Path bad = Fixtures.put(classes, "com.acme.Broken.json", "{\"schemaVersion\": 1, \"model\": ");
    RecordReader.Result r = read(classes);
    Problem p = onlyProblem(r);
    assertEquals(bad.toString(), p.file());
    assertTrue(p.message().startsWith("the record is not valid JSON"), p.message());
    assertEquals(List.of(Fixtures.SEED), r.records().stream().map(ModelRecord::model).toList(),
        "the good records are still read");
  }

  @Test
  void aForeignRecordIsNamedAsSuch() {
    Path classes = tmp.resolve("classes");
    Path foreign = Fixtures.put(classes, "com.acme.Thing.json", "{\"name\": \"x\", \"size\": 3}\n");
    Problem p = onlyProblem(read(classes));
    assertEquals(foreign.toString(), p.file());
    assertTrue(p.message().startsWith("not a paramcheck record"), p.message());

    Fixtures.put(classes, "com.acme.Thing.json", "[1, 2, 3]");
    assertTrue(onlyProblem(read(classes)).message().startsWith("not a paramcheck record"));
  }

  @Test
  void aNewerSchemaVersionIsRefusedWithAMessage() {
    Path classes = tmp.resolve("classes");
    Path newer = Fixtures.put(classes, Fixtures.SEED + ".json", Fixtures.edited(Fixtures.SEED,
        o -> o.add("schemaVersion", new JsonPrimitive(2))));
    Problem p = onlyProblem(read(classes));
    assertEquals(newer.toString(), p.file());
    assertTrue(p.message().contains("record schema version 2 is newer than this report reads"),
        p.message());
  }

  @Test
  void unknownKeysAreIgnored() {
    Path classes = tmp.resolve("classes");
    Fixtures.put(classes, Fixtures.SEED + ".json", Fixtures.edited(Fixtures.SEED,
        o -> o.add("future", new JsonPrimitive("ignored"))));
    assertTrue(read(classes).ok());
  }

  @Test
  void aMissingOrMistypedKeyIsNamedWithItsPath() {
    Path classes = tmp.resolve("classes");
    Fixtures.put(classes, Fixtures.SEED + ".json", Fixtures.edited(Fixtures.SEED,
        o -> o.getAsJsonArray("layers").get(1).getAsJsonObject().remove("params")));
    assertEquals("\"layers[1].params\" is missing; " + RecordParser.REBUILD,
        onlyProblem(read(classes)).message());

    Fixtures.put(classes, Fixtures.SEED + ".json", Fixtures.edited(Fixtures.SEED,
        o -> o.getAsJsonObject("totals").add("bytes", new JsonPrimitive("272"))));
    assertEquals("\"totals.bytes\" must be a whole number, 0 or more, not the string \"272\"; "
        + RecordParser.REBUILD, onlyProblem(read(classes)).message());

    Fixtures.put(classes, Fixtures.SEED + ".json", Fixtures.edited(Fixtures.SEED,
        o -> o.getAsJsonObject("totals").add("params", new JsonPrimitive(
            new java.math.BigDecimal("99999999999999999999")))));
    assertTrue(onlyProblem(read(classes)).message().contains(
        "\"totals.params\" is too large: 99999999999999999999 does not fit in a long"),
        read(classes).problems().toString());
  }

  @Test
  void binaryJunkAndAWrongFileNameAreProblems() throws IOException {
    Path classes = tmp.resolve("classes");
    Path junk = classes.resolve(RecordReader.RECORD_DIRECTORY).resolve("junk.json");
    Files.createDirectories(junk.getParent());
    Files.write(junk, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2});
    assertEquals("the record is not UTF-8 text (byte 0xFF at offset 0); " + RecordParser.REBUILD,
        onlyProblem(read(classes)).message());
    Files.delete(junk);

    Fixtures.put(classes, "com.acme.Renamed.json", Fixtures.text(Fixtures.SEED));
    assertTrue(onlyProblem(read(classes)).message().contains(
        "the record is for model " + Fixtures.SEED + " but the file is not named"));
  }

  @Test
  void theSameModelTwiceIsAProblem() {
    Path jar = Fixtures.jar(tmp.resolve("models.jar"), Fixtures.SEED);
    RecordReader.Result r = read(Fixtures.classes(tmp, Fixtures.SEED), jar);
    assertTrue(onlyProblem(r).message().contains("is recorded twice"));
  }

  @Test
  void missingPathsAndBrokenJarsAreProblems() throws IOException {
    Path missing = tmp.resolve("nope");
    assertEquals(new Problem(missing.toString(), "no such file or directory"),
        onlyProblem(read(missing)));

    Path broken = Files.writeString(tmp.resolve("broken.jar"), "not a zip");
    Problem p = onlyProblem(read(broken));
    assertEquals(broken.toString(), p.file());
    assertTrue(p.message().startsWith("not a readable jar"), p.message());

    Path other = Files.writeString(tmp.resolve("notes.txt"), "hello");
    assertTrue(onlyProblem(read(other)).message().startsWith("neither a directory"));
  }

  @Test
  void aRecordFileCanBeGivenDirectly() throws IOException {
    Path f = Files.writeString(tmp.resolve("any-name.json"), Fixtures.text(Fixtures.SEED));
    RecordReader.Result r = read(f);
    assertTrue(r.ok(), r.problems().toString());
    assertEquals(Fixtures.SEED, r.records().get(0).model());
  }
}
