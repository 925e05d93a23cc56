package dev.enclavetrail.core.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enclavetrail.core.CloudTrailFormatException;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors of the reference reader carry their location; writing keeps spellings. */
class CloudTrailJacksonTest {

  private static final CloudTrailJackson JSON = CloudTrailJackson.create();

  private static CloudTrailFormatException error(Runnable r) {
    try {
      r.run();
    } catch (CloudTrailFormatException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }

  @Test
  void malformedRecord_unexpectedCharacter_locatedAtIt() {
    byte[] bytes =
        "{\"eventName\":\"Decrypt\",\n \"readOnly\": tru }".getBytes(StandardCharsets.UTF_8);
    CloudTrailFormatException e = error(() -> JSON.readRecord(bytes));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.byteOffset()).isBetween(36L, 40L);
    assertThat(e.getMessage())
        .doesNotContain("\n")
        .matches(".* at byte \\d+ \\(line 2, column \\d+\\)");
  }

  @Test
  void malformedLogFile_secondRecordBroken_recordIndexAndLocation() {
    String text = "{\"Records\":[{\"eventName\":\"A\"},\n{\"eventName\":\"B\",,}]}";
    CloudTrailFormatException e =
        error(() -> JSON.readLogFile(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.byteOffset()).isEqualTo(text.indexOf(",,") + 1);
    assertThat(e.getMessage())
        .contains("at byte " + (text.indexOf(",,") + 1) + " (line 2, column 18)");
  }

  @Test
  void logFile_wrongTypeInRecord_recordIndexFieldAndRecordStart() {
    String text = "{\"Records\":[{\"eventName\":\"A\"},{\"readOnly\":[]}]}";
    CloudTrailFormatException e =
        error(() -> JSON.readLogFile(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(e.field()).contains("readOnly");
    assertThat(e.getMessage())
        .isEqualTo(
            "record 1: field `readOnly`: expected a boolean, found an array in the record starting at byte 30 (line 1, column 31)");
  }

  @Test
  void duplicateMember_rejectedWithLocation() {
    CloudTrailFormatException e =
        error(() -> JSON.readRecord("{\"eventName\":\"A\",\"eventName\":\"B\"}"));
    assertThat(e.reason()).isEqualTo("duplicate member name `eventName`");
    assertThat(e.byteOffset()).isEqualTo(17);
  }

  @Test
  void trailingContent_rejected() {
    CloudTrailFormatException e = error(() -> JSON.readRecord("{} {}"));
    assertThat(e.reason()).isEqualTo("trailing content after the JSON value");
    assertThat(e.byteOffset()).isEqualTo(3);
  }

  @Test
  void notAnObject_rejected() {
    assertThat(error(() -> JSON.readRecord("[1]")).getMessage())
        .isEqualTo(
            "expected a CloudTrail record (a JSON object), found array at byte 0 (line 1, column 1)");
    assertThat(
            error(() -> JSON.readLogFile("{\"Records\":{}}".getBytes(StandardCharsets.UTF_8)))
                .reason())
        .isEqualTo("`Records` must be an array");
    assertThat(
            error(() -> JSON.readLogFile("{\"logFiles\":[]}".getBytes(StandardCharsets.UTF_8)))
                .reason())
        .isEqualTo("expected a CloudTrail log file: no `Records` member");
  }

  @Test
  void emptyInput_rejected() {
    assertThat(error(() -> JSON.readValue("")).reason())
        .isEqualTo("no JSON value: the input is empty");
  }

  @Test
  void nestingLimit_isConfigurable() {
    CloudTrailJackson shallow = CloudTrailJackson.builder().maxNestingDepth(3).build();
    assertThat(shallow.readValue("[[[1]]]")).isNotNull();
    CloudTrailFormatException e = error(() -> shallow.readValue("[[[[1]]]]"));
    assertThat(e.getMessage())
        .startsWith(
            "document nesting depth (4) exceeds the maximum allowed (3, from `StreamReadConstraints.getMaxNestingDepth()`) at byte");
  }

  @Test
  void stringLimit_isConfigurable() {
    CloudTrailJackson small = CloudTrailJackson.builder().maxStringLength(10).build();
    CloudTrailFormatException e = error(() -> small.readValue("\"" + "x".repeat(5000) + "\""));
    assertThat(e.reason())
        .isEqualTo(
            "string value length (5000) exceeds the maximum allowed (10, from `StreamReadConstraints.getMaxStringLength()`)");
  }

  @Test
  void forEachRecord_streamsEveryRecord() {
    String text = "{\"Records\":[{\"eventName\":\"A\"},{\"eventName\":\"B\"}],\"extra\":1}";
    List<String> names = new ArrayList<>();
    JSON.forEachRecord(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        r -> names.add(r.eventName().orElseThrow()));
    assertThat(names).containsExactly("A", "B");
  }

  @Test
  void write_keepsNumberSpellingAndMemberOrder() {
    String text = "{\"z\":1.50,\"a\":[1e2,-0,2E-3],\"m\":{\"b\":null,\"a\":\"\\u00e9\\n\"}}";
    JsonValue v = JSON.readValue(text);
    assertThat(v.toString())
        .isEqualTo("{\"z\":1.50,\"a\":[1e2,-0,2E-3],\"m\":{\"b\":null,\"a\":\"é\\n\"}}");
    CloudTrailRecord r = CloudTrailRecord.of((JsonObject) v);
    assertThat(JSON.writeRecordAsString(r)).isEqualTo(v.toString());
  }

  @Test
  void module_readsAndWritesJsonValuesInAnObjectMapper() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(CloudTrailJackson.module());
    JsonObject o = mapper.readValue("{\"b\":1.0,\"a\":[true,null]}", JsonObject.class);
    assertThat(o.names()).containsExactly("b", "a");
    assertThat(mapper.writeValueAsString(o)).isEqualTo("{\"b\":1.0,\"a\":[true,null]}");
    assertThat(mapper.readValue("null", JsonValue.class)).isEqualTo(JsonValue.nullValue());
  }
}
