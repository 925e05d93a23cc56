package dev.enclavetrail.parser;

import static dev.enclavetrail.parser.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonNumber;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Stage 2: navigation, byte comparison, decoding and materialisation of a parsed document. */
class JsonDocumentTest {

  private final JsonEngine engine = JsonEngine.create();

  private JsonDocument parse(String json) {
    return engine.parse(utf8(json));
  }

  // ---- members and elements --------------------------------------------------------------------

  @Test
  void member_byRawOrEscapedName_foundWithoutDecoding() {
    JsonDocument doc = parse("{\"eventName\":\"Decrypt\",\"a\\u0062c\":1,\"\\u00e9t\\u00E9\":2}");

    assertThat(doc.numberText(doc.member(doc.root(), utf8("abc")))).isEqualTo("1");
    assertThat(doc.numberText(doc.member(doc.root(), utf8("\u00e9t\u00e9")))).isEqualTo("2");
    assertThat(doc.decodeString(doc.member(doc.root(), utf8("eventName")))).isEqualTo("Decrypt");
    assertThat(doc.member(doc.root(), utf8("eventname"))).isEqualTo(-1);
    assertThat(doc.member(doc.root(), utf8("ab"))).isEqualTo(-1);
    assertThat(doc.member(doc.root(), utf8("abcd"))).isEqualTo(-1);
    assertThat(doc.member(doc.root(), utf8(""))).isEqualTo(-1);
  }

  @Test
  void member_repeatedName_firstWins() {
    JsonDocument doc = parse("{\"a\":1,\"a\":2}");

    assertThat(doc.longValue(doc.member(doc.root(), utf8("a")))).isEqualTo(1);
  }

  @Test
  void members_iteratedInOrder_skippingNestedValues() {
    JsonDocument doc = parse("{\"x\":{\"y\":[1,{\"z\":[]}]},\"w\":[[],{}],\"v\":\"\"}");
    List<String> names = new ArrayList<>();

    for (int m = doc.firstMember(doc.root()); m >= 0; m = doc.nextMember(m)) {
      names.add(doc.memberName(m) + "=" + doc.kind(doc.memberValue(m)).displayName());
    }

    assertThat(names).containsExactly("x=object", "w=array", "v=string");
    JsonDocument empty = parse("{}");
    assertThat(empty.firstMember(empty.root())).isEqualTo(-1);
  }

  @Test
  void elements_iteratedInOrder() {
    JsonDocument doc = parse("[[1,[2]],true,null,{\"a\":[]},-0.5]");
    List<JsonValue.Kind> kinds = new ArrayList<>();

    for (int e = doc.firstElement(doc.root()); e >= 0; e = doc.nextElement(e)) {
      kinds.add(doc.kind(e));
    }

    assertThat(kinds)
        .containsExactly(
            JsonValue.Kind.ARRAY,
            JsonValue.Kind.BOOLEAN,
            JsonValue.Kind.NULL,
            JsonValue.Kind.OBJECT,
            JsonValue.Kind.NUMBER);
    assertThat(doc.size(doc.root())).isEqualTo(5);
    JsonDocument empty = parse(" [ ] ");
    assertThat(empty.firstElement(empty.root())).isEqualTo(-1);
  }

  @Test
  void accessors_onTheWrongKind_rejectedAsMisuse() {
    JsonDocument doc = parse("[1,\"s\"]");
    int number = doc.firstElement(doc.root());

    assertThatThrownBy(() -> doc.decodeString(number))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value at byte 1 is not a string but a number");
    assertThatThrownBy(() -> doc.member(doc.root(), utf8("a")))
        .hasMessage("value at byte 0 is not a object but a array");
    assertThatThrownBy(() -> doc.firstElement(doc.nextElement(number)))
        .hasMessage("value at byte 3 is not a array but a string");
    assertThatThrownBy(() -> doc.booleanValue(number)).hasMessageContaining("not a boolean");
    assertThatThrownBy(() -> doc.size(number)).hasMessageContaining("not a container");
    assertThatThrownBy(() -> doc.numberText(doc.root())).hasMessageContaining("not a number");
  }

  // ---- strings ---------------------------------------------------------------------------------

  static Stream<Arguments> strings() {
    return Stream.of(
        Arguments.of("\"plain\"", "plain"),
        Arguments.of("\"\"", ""),
        Arguments.of("\"caf\u00e9 \u2603 \ud83d\ude00\"", "caf\u00e9 \u2603 \ud83d\ude00"),
        Arguments.of("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t"),
        Arguments.of("\"\\u0041\\u00e9\\u2603\"", "A\u00e9\u2603"),
        Arguments.of("\"\\ud83d\\ude00 pair\"", "\ud83d\ude00 pair"),
        Arguments.of("\"mixed \u00e9\\n\ud83d\ude00\"", "mixed \u00e9\n\ud83d\ude00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strings")
  void decodeString_andStringEquals_agree(String json, String text) {
    JsonDocument doc = parse(json);

    assertThat(doc.decodeString(0)).isEqualTo(text);
    assertThat(doc.stringEquals(0, utf8(text))).isTrue();
    assertThat(doc.stringEquals(0, utf8(text + "x"))).isFalse();
    assertThat(doc.stringEquals(0, utf8("x" + text))).isFalse();
    if (!text.isEmpty()) {
      assertThat(doc.stringEquals(0, utf8(text.substring(0, text.length() - 1)))).isFalse();
    }
  }

  @Test
  void decodeString_loneSurrogateEscape_keptAsItsChar() {
    JsonDocument doc = parse("[\"\\ud800\",\"a\\udc00b\",\"\\ud800\\u0041\"]");
    int first = doc.firstElement(doc.root());
    int second = doc.nextElement(first);
    int third = doc.nextElement(second);

    assertThat(doc.decodeString(first)).isEqualTo("\ud800");
    assertThat(doc.decodeString(second)).isEqualTo("a\udc00b");
    assertThat(doc.decodeString(third)).isEqualTo("\ud800A");
    // No valid UTF-8 encodes a surrogate, so a lone one never equals valid UTF-8 text...
    assertThat(doc.stringEquals(first, utf8("\ud800"))).isFalse();
    // ...but it matches its generalised three-byte form, consistently with decodeString.
    assertThat(doc.stringEquals(third, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, 'A'}))
        .isTrue();
  }

  @Test
  void hasEscapes_onlyForStringsWithABackslash() {
    JsonDocument doc = parse("[\"abc\",\"a\\/c\"]");

    assertThat(doc.hasEscapes(doc.firstElement(doc.root()))).isFalse();
    assertThat(doc.hasEscapes(doc.nextElement(doc.firstElement(doc.root())))).isTrue();
  }

  // ---- numbers ---------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0, 0",
    "-0, 0",
    "42, 42",
    "-42, -42",
    "999999999999999999, 999999999999999999",
    "9223372036854775807, 9223372036854775807",
    "-9223372036854775808, -9223372036854775808",
    "1.0, 1",
    "1e2, 100",
    "-2.50E+1, -25",
  })
  void longValue_integralNumbers_exact(String text, long value) {
    assertThat(parse(text).longValue(0)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1.5", "9223372036854775808", "-9223372036854775809", "1e19"})
  void longValue_fractionalOrTooLarge_rejected(String text) {
    assertThatThrownBy(() -> parse(text).longValue(0)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void numbers_textAndDecimal_keepSpelling() {
    JsonDocument doc = parse("[1.50, -0.0, 12e-3, 1E+400]");
    int e = doc.firstElement(doc.root());

    assertThat(doc.numberText(e)).isEqualTo("1.50");
    assertThat(doc.decimalValue(e)).isEqualTo(new BigDecimal("1.50"));
    assertThat(doc.numberText(doc.nextElement(e))).isEqualTo("-0.0");
    assertThat(doc.decimalValue(doc.nextElement(doc.nextElement(e))))
        .isEqualTo(new BigDecimal("0.012"));
    assertThat(doc.toJsonValue())
        .isEqualTo(
            JsonArray.of(
                JsonNumber.parse("1.50"),
                JsonNumber.parse("-0.0"),
                JsonNumber.parse("12e-3"),
                JsonNumber.parse("1E+400")));
  }

  @Test
  void numbers_exponentBeyondBigDecimal_rejectedAtTheNumber() {
    JsonDocument doc = parse("{\"n\":\n 1e9999999999}");
    int n = doc.member(doc.root(), utf8("n"));
    String message =
        "number `1e9999999999` is out of range (exponent too large) at byte 7 (line 2, column 2)";

    assertThatThrownBy(() -> doc.decimalValue(n))
        .isInstanceOf(CloudTrailParseException.class)
        .hasMessage(message);
    assertThatThrownBy(doc::toJsonValue).hasMessage(message);
    assertThatThrownBy(() -> doc.longValue(n)).hasMessage(message);
  }

  @Test
  void literals_readAsBooleansAndNull() {
    JsonDocument doc = parse("[true,false,null]");
    int t = doc.firstElement(doc.root());

    assertThat(doc.booleanValue(t)).isTrue();
    assertThat(doc.booleanValue(doc.nextElement(t))).isFalse();
    assertThat(doc.isNull(doc.nextElement(doc.nextElement(t)))).isTrue();
    assertThat(doc.isNull(t)).isFalse();
  }

  // ---- materialisation -------------------------------------------------------------------------

  @Test
  void toJsonValue_keepsMemberOrderAndValues() {
    JsonDocument doc =
        parse("{\"z\":1,\"a\":[true,false,null,\"s\",{}],\"m\":{\"k\\u00e9y\":-1.0e-2},\"e\":[]}");

    assertThat(doc.toJsonValue())
        .isEqualTo(
            JsonObject.builder()
                .put("z", 1)
                .put(
                    "a",
                    JsonArray.of(
                        JsonValue.of(true),
                        JsonValue.of(false),
                        JsonValue.nullValue(),
                        JsonValue.of("s"),
                        JsonObject.empty()))
                .put("m", JsonObject.builder().put("k\u00e9y", JsonNumber.parse("-1.0e-2")).build())
                .put("e", JsonArray.empty())
                .build());
    assertThat(((JsonObject) doc.toJsonValue()).names()).containsExactly("z", "a", "m", "e");
  }

  @Test
  void toJsonValue_ofAMember_materialisesOnlyThatValue() {
    JsonDocument doc = parse("{\"requestParameters\":{\"keyId\":\"k\"},\"other\":[1]}");

    assertThat(doc.toJsonValue(doc.member(doc.root(), utf8("requestParameters"))))
        .isEqualTo(JsonObject.builder().put("keyId", "k").build());
    assertThat(doc.toJsonValue(doc.member(doc.root(), utf8("other"))))
        .isEqualTo(JsonArray.of(JsonValue.of(1)));
  }

  @Test
  void toJsonValue_repeatedMemberName_rejectedAtTheSecondName() {
    JsonDocument doc = parse("{\"a\":{\"b\":1,\n\"b\":2}}");

    assertThatThrownBy(doc::toJsonValue)
        .isInstanceOf(CloudTrailParseException.class)
        .hasMessage("duplicate member name `b` at byte 13 (line 2, column 1)");
  }

  @Test
  void toJsonValue_repeatedNameWrittenWithEscape_rejected() {
    assertThatThrownBy(() -> parse("{\"ab\":1,\"a\\u0062\":2}").toJsonValue())
        .hasMessage("duplicate member name `ab` at byte 8 (line 1, column 9)");
  }

  @Test
  void toJsonValue_deepNesting_doesNotUseTheJavaStack() {
    int depth = 100_000;
    JsonEngine deep = new JsonEngine(JsonOptions.builder().maxNestingDepth(depth).build());
    String json = "{\"a\":[".repeat(depth / 2) + "]}".repeat(depth / 2);

    JsonValue value = deep.parse(utf8(json)).toJsonValue();

    int levels = 0;
    for (JsonValue v = value; v instanceof JsonObject o; levels++) {
      JsonArray a = (JsonArray) o.valueAt(0);
      v = a.isEmpty() ? null : a.get(0);
    }
    assertThat(levels).isEqualTo(depth / 2);
  }
}
