package dev.enclavetrail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing lost: every corpus record read through the model and written back is JSON-equal to the
 * input (same members in the same order, equal strings, equal exact numbers), judged by an
 * independent Jackson tree.
 */
class RoundTripTest {

  private static final CloudTrailJackson JSON = CloudTrailJackson.create();
  private static final ObjectMapper ORACLE =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  static List<Path> invictusFiles() {
    return TestData.jsonFiles("invictus-aws");
  }

  static List<Path> kmsExamples() {
    return TestData.jsonFiles("kms-doc-examples");
  }

  @ParameterizedTest
  @MethodSource("invictusFiles")
  void logFile_readThenWritten_everyRecordJsonEqual(Path file) throws IOException {
    byte[] bytes = TestData.read(file);
    List<CloudTrailRecord> records = JSON.readLogFile(bytes);
    JsonNode input = ORACLE.readTree(bytes).get("Records");
    assertThat(records).hasSize(input.size());
    for (int i = 0; i < records.size(); i++) {
      JsonNode output = ORACLE.readTree(JSON.writeRecordAsBytes(records.get(i)));
      assertSameJson(input.get(i), output, file.getFileName() + " record " + i);
    }
  }

  @ParameterizedTest
  @MethodSource("kmsExamples")
  void kmsDocExample_readThenWritten_jsonEqual(Path file) throws IOException {
    byte[] bytes = TestData.read(file);
    CloudTrailRecord record = JSON.readRecord(bytes);
    assertSameJson(
        ORACLE.readTree(bytes), ORACLE.readTree(JSON.writeRecordAsBytes(record)), file.toString());
    assertThat(record.isAttestedKmsRequest()).isTrue();
  }

  @Test
  void logFile_writtenAsLogFile_readsBackEqual() {
    byte[] bytes = TestData.read(invictusFiles().get(0));
    List<CloudTrailRecord> records = JSON.readLogFile(bytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeLogFile(records, out);
    assertThat(JSON.readLogFile(out.toByteArray())).isEqualTo(records);
  }

  @Test
  void objectMapper_readsAndWritesRecordsThroughAnnotations() throws IOException {
    byte[] bytes = TestData.read(kmsExamples().get(0));
    CloudTrailRecord viaMapper = new ObjectMapper().readValue(bytes, CloudTrailRecord.class);
    assertThat(viaMapper).isEqualTo(JSON.readRecord(bytes));
    assertThat(new ObjectMapper().writeValueAsString(viaMapper))
        .isEqualTo(JSON.writeRecordAsString(viaMapper));
  }

  @Test
  void corpus_holds2904Records_allCoveredAbove() {
    // The parameterized tests above round-trip every record of every file: 2,900 + 4.
    int records =
        invictusFiles().stream().mapToInt(f -> JSON.readLogFile(TestData.read(f)).size()).sum();
    assertThat(invictusFiles()).hasSize(55);
    assertThat(records + kmsExamples().size()).isEqualTo(2904);
  }

  static void assertSameJson(JsonNode expected, JsonNode actual, String where) {
    List<String> problems = new ArrayList<>();
    compare(expected, actual, "$", problems);
    if (!problems.isEmpty()) {
      fail(where + ": " + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }
  }

  private static void compare(JsonNode e, JsonNode a, String path, List<String> problems) {
    if (e.getNodeType() != a.getNodeType()) {
      problems.add(path + " is " + a.getNodeType() + ", expected " + e.getNodeType());
      return;
    }
    switch (e.getNodeType()) {
      case OBJECT -> {
        List<String> en = names(e.fieldNames());
        List<String> an = names(a.fieldNames());
        if (!en.equals(an)) {
          problems.add(path + " members " + an + ", expected " + en);
          return;
        }
        for (String n : en) {
          compare(e.get(n), a.get(n), path + "." + n, problems);
        }
      }
      case ARRAY -> {
        if (e.size() != a.size()) {
          problems.add(path + " has " + a.size() + " elements, expected " + e.size());
          return;
        }
        for (int i = 0; i < e.size(); i++) {
          compare(e.get(i), a.get(i), path + "[" + i + "]", problems);
        }
      }
      case NUMBER -> {
        if (e.decimalValue().compareTo(a.decimalValue()) != 0) {
          problems.add(path + " is " + a + ", expected " + e);
        }
      }
      default -> {
        if (!e.equals(a)) {
          problems.add(path + " is " + a + ", expected " + e);
        }
      }
    }
  }

  private static List<String> names(Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
