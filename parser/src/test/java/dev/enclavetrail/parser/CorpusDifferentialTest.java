package dev.enclavetrail.parser;

import static dev.enclavetrail.parser.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enclavetrail.core.jackson.CloudTrailJackson;
import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against core's Jackson reader on real records: every record of {@code
 * testdata/invictus-aws} and {@code testdata/kms-doc-examples} materialises to the same {@link
 * JsonValue}, whether the engine reads the whole file, one record's byte range of it, or a direct
 * buffer.
 */
class CorpusDifferentialTest {

  private static final CloudTrailJackson JACKSON = CloudTrailJackson.create();
  private static final byte[] RECORDS = utf8("Records");

  private final JsonEngine engine = JsonEngine.create();

  static Stream<Path> logFiles() {
    return TestData.jsonFiles(TestData.dir().resolve("invictus-aws")).stream();
  }

  static Stream<Path> docExamples() {
    return TestData.jsonFiles(TestData.dir().resolve("kms-doc-examples")).stream();
  }

  @Test
  void corpus_hasEveryFile() {
    assertThat(logFiles()).hasSize(55);
    assertThat(docExamples()).hasSize(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("logFiles")
  void logFile_everyRecord_equalsJackson(Path file) {
    byte[] bytes = TestData.read(file);
    JsonObject expected = (JsonObject) JACKSON.readValue(bytes);
    List<JsonValue> expectedRecords =
        ((JsonArray) expected.get("Records").orElseThrow()).elements();

    JsonDocument doc = engine.parse(bytes);
    assertThat(doc.toJsonValue()).isEqualTo(expected);
    int records = doc.member(doc.root(), RECORDS);
    assertThat(doc.size(records)).isEqualTo(expectedRecords.size());
    int[][] ranges = new int[expectedRecords.size()][];
    int i = 0;
    for (int r = doc.firstElement(records); r >= 0; r = doc.nextElement(r), i++) {
      assertThat(doc.toJsonValue(r)).isEqualTo(expectedRecords.get(i));
      ranges[i] = new int[] {doc.byteOffset(r), doc.endOffset(r)};
    }

    // Each record alone, as a slice of the file's buffer: what a streaming reader will do.
    for (i = 0; i < ranges.length; i++) {
      JsonDocument record = engine.parse(bytes, ranges[i][0], ranges[i][1]);
      assertThat(record.byteOffset(record.root())).isEqualTo(ranges[i][0]);
      assertThat(record.toJsonValue()).isEqualTo(expectedRecords.get(i));
    }
  }

  @Test
  void logFiles_recordCount_isTheCorpusCount() {
    int count = 0;
    for (Path file : logFiles().toList()) {
      JsonDocument doc = engine.parse(TestData.read(file));
      count += doc.size(doc.member(doc.root(), RECORDS));
    }

    assertThat(count).isEqualTo(2_900);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("docExamples")
  void docExample_fromArrayAndDirectBuffer_equalsJackson(Path file) {
    byte[] bytes = TestData.read(file);
    JsonValue expected = JACKSON.readValue(bytes);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();

    assertThat(engine.parse(bytes).toJsonValue()).isEqualTo(expected);
    JsonDocument doc = engine.parse(direct);
    assertThat(doc.toJsonValue()).isEqualTo(expected);
    int recipient =
        doc.member(doc.member(doc.root(), utf8("additionalEventData")), utf8("recipient"));
    assertThat(doc.kind(recipient)).isEqualTo(JsonValue.Kind.OBJECT);
    assertThat(
            doc.stringEquals(
                doc.member(doc.root(), utf8("eventSource")), utf8("kms.amazonaws.com")))
        .isTrue();
  }
}
