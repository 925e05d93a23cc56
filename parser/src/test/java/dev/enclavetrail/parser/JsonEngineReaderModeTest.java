package dev.enclavetrail.parser;

import static dev.enclavetrail.parser.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What the record reader asks of the engine: one value at a time with the bytes after it left
 * alone, a signal instead of an error when its window runs out, newlines counted, locations from a
 * record's first byte, and duplicate names rejected during the structural pass.
 */
class JsonEngineReaderModeTest {

  private final JsonEngine engine =
      new JsonEngine(JsonOptions.builder().rejectDuplicateNames(true).build());
  private final JsonDocument doc = engine.newDocument();

  private int parseValue(String json, int start) {
    byte[] bytes = utf8(json);
    return engine.parseValue(doc, JsonInput.of(bytes), start, bytes.length);
  }

  @Test
  void parseValue_objectFollowedByMore_stopsJustAfterIt() {
    int end = parseValue("  {\"a\": [1, 2]} {\"b\":2}", 2);

    assertThat(end).isEqualTo(15);
    assertThat(doc.size(doc.root())).isEqualTo(1);
    assertThat(doc.byteOffset(doc.root())).isEqualTo(2);
  }

  @Test
  void parseValue_cutOffAndStopAtEnd_throwsTheSharedSignalWithWhatWasExpected() {
    byte[] bytes = utf8("{\"a\": [1, 2");
    JsonInput in = JsonInput.of(bytes);
    in.stopAtEnd = true;

    assertThatThrownBy(() -> engine.parseValue(doc, in, 0, bytes.length))
        .isSameAs(JsonInput.OutOfInput.INSTANCE);
    assertThat(in.outOfInput).isEqualTo("expected `,` or `]`");
  }

  @Test
  void parseValue_cutOffWithoutStopAtEnd_unexpectedEndOfInput() {
    assertThatThrownBy(() -> parseValue("{\"a\": \"b", 0))
        .isInstanceOf(CloudTrailParseException.class)
        .hasMessage("unexpected end of input: unterminated string at byte 8 (line 1, column 9)");
  }

  @Test
  void parseValue_reusesTheDocument_oldHandlesDie() {
    parseValue("{\"a\":1}", 0);
    assertThat(doc.live()).isTrue();
    JsonDocument other = engine.parse(utf8("[]"));

    assertThat(doc.live()).isFalse();
    assertThat(other.live()).isTrue();
  }

  @Test
  void parseValue_newlinesInWhitespace_counted() {
    parseValue("{\"a\":\n1,\r\n\"b\":\r2}\n\n", 0);

    assertThat(engine.newlines()).isEqualTo(3);
    assertThat(engine.lastLineStart()).isEqualTo(15);
  }

  @Test
  void error_locateFromSet_linesAndColumnsCountFromThere() {
    byte[] bytes = utf8("{\"x\":1}\n{\"a\":\n  tru}");
    JsonInput in = JsonInput.of(bytes);
    in.locateFrom = 8;

    assertThatThrownBy(() -> engine.parseValue(doc, in, 8, bytes.length))
        .hasMessage(
            "unexpected character `}` (code 125): expected `true` at byte 19 (line 2, column 6)");
  }

  @Test
  void duplicateNames_sameBytes_rejectedAtTheSecondName() {
    assertThatThrownBy(() -> parseValue("{\"a\":{\"bb\":1,\"c\":2,\n\"bb\":3}}", 0))
        .isInstanceOf(CloudTrailParseException.class)
        .hasMessage("duplicate member name `bb` at byte 20 (line 2, column 1)");
  }

  @Test
  void duplicateNames_longNamesSharingPrefixAndSuffix_distinctAccepted() {
    parseValue(
        "{\"prefix-AAAA-1-suffix\":1,\"prefix-AAAA-2-suffix\":2,\"prefix-AAAA-1-suffix0\":3}", 0);

    assertThat(doc.size(doc.root())).isEqualTo(3);
  }

  @Test
  void duplicateNames_escapedSpelling_rejected() {
    assertThatThrownBy(() -> parseValue("{\"ab\":1,\"a\\u0062\":2}", 0))
        .hasMessage("duplicate member name `ab` at byte 8 (line 1, column 9)");
  }

  @Test
  void duplicateNames_sameNameInSiblingAndNestedObjects_accepted() {
    parseValue("{\"a\":{\"a\":{\"a\":1}},\"b\":{\"a\":2},\"c\":[{\"a\":1},{\"a\":2}]}", 0);

    assertThat(doc.size(doc.root())).isEqualTo(3);
  }

  @Test
  void duplicateNames_largeObjects_checkedWhole() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      names.add("name-" + i);
    }
    StringBuilder ok = new StringBuilder("{");
    for (String n : names) {
      ok.append('"').append(n).append("\":0,");
    }
    ok.setCharAt(ok.length() - 1, '}');
    parseValue(ok.toString(), 0);
    assertThat(doc.size(doc.root())).isEqualTo(5000);

    Collections.shuffle(names, new java.util.Random(7));
    String bad = ok.substring(0, ok.length() - 1) + ",\"" + names.get(0) + "\":1}";
    assertThatThrownBy(() -> parseValue(bad, 0))
        .hasMessageStartingWith("duplicate member name `" + names.get(0) + "` at byte ");
  }

  @Test
  void duplicateNames_randomObjects_agreeWithMaterialisation() {
    SplittableRandom random = new SplittableRandom(42);
    JsonEngine plain = JsonEngine.create();
    for (int round = 0; round < 2000; round++) {
      int n = random.nextInt(1, 80);
      StringBuilder json = new StringBuilder("{");
      for (int i = 0; i < n; i++) {
        int k = random.nextInt(n * 2);
        String name = random.nextBoolean() ? "n" + k : "long-member-name-" + k + "-long-tail";
        json.append(i == 0 ? "" : ",").append('"').append(name).append("\":").append(i);
      }
      String text = json.append('}').toString();
      String expected = null;
      try {
        plain.parse(utf8(text)).toJsonValue();
      } catch (CloudTrailParseException e) {
        expected = e.getMessage();
      }
      String actual = null;
      try {
        parseValue(text, 0);
      } catch (CloudTrailParseException e) {
        actual = e.getMessage();
      }
      assertThat(actual).as(text).isEqualTo(expected);
    }
  }
}
