package dev.paramcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/record-schema.json describes the records, and the report reads what it allows. */
class RecordSchemaTest {

  static Path schemaFile() {
    return Path.of(System.getProperty("paramcheck.docs", "../docs")).resolve("record-schema.json");
  }

  static Schema schema() throws IOException {
    String text = Files.readString(schemaFile(), StandardCharsets.UTF_8);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(text, InputFormat.JSON);
  }

  static List<Error> validate(String record) throws IOException {
    return schema().validate(record, InputFormat.JSON);
  }

  @Test
  void theSchemaIsDraft202012() throws IOException {
    String text = Files.readString(schemaFile(), StandardCharsets.UTF_8);
    assertTrue(text.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
  }

  @Test
  void everyRecordTheProcessorWritesIsValid() throws IOException {
    for (String m : Fixtures.everyModel()) {
      List<Error> errors = validate(Fixtures.text(m));
      assertEquals(List.of(), errors, m);
    }
  }

  /** Real records with one thing changed: the schema refuses each (and so does the reader). */
  @Test
  void theSchemaRefusesWhatTheReaderRefuses() throws IOException {
    assertFalse(validate(Fixtures.edited(Fixtures.SENTIMENT,
        o -> o.add("schemaVersion", new JsonPrimitive(2)))).isEmpty(), "newer version");
    assertFalse(validate(Fixtures.edited(Fixtures.SENTIMENT,
        o -> o.remove("totals"))).isEmpty(), "no totals");
    assertFalse(validate(Fixtures.edited(Fixtures.SENTIMENT,
        o -> o.getAsJsonObject("totals").add("params", new JsonPrimitive("120")))).isEmpty(),
        "a number as a string");
    assertFalse(validate(Fixtures.edited(Fixtures.SENTIMENT,
        o -> o.getAsJsonObject("totals").add("params", new JsonPrimitive(1.5)))).isEmpty(),
        "a fraction");
    assertFalse(validate(Fixtures.edited(Fixtures.REVIEW,
        o -> o.getAsJsonArray("budgets").get(1).getAsJsonObject().add("layer", JsonNull.INSTANCE)))
        .isEmpty(), "a layer budget without its layer");
  }

  @Test
  void unknownKeysAreAllowedWithinAVersion() throws IOException {
    String record = Fixtures.edited(Fixtures.SENTIMENT,
        o -> o.add("somethingNew", new JsonPrimitive("from a later 1.x processor")));
    assertEquals(List.of(), validate(record));
  }
}
