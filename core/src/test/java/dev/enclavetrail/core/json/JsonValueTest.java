package dev.enclavetrail.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueTest {

  @Test
  void number_equalByExactValue_spellingKept() {
    JsonNumber a = JsonNumber.parse("10");
    JsonNumber b = JsonNumber.parse("1.0e1");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(b.text()).isEqualTo("1.0e1");
    assertThat(a.isIntegral()).isTrue();
    assertThat(JsonNumber.parse("0.1").isIntegral()).isFalse();
    assertThat(JsonNumber.parse("-0")).isEqualTo(JsonNumber.of(0));
    assertThat(JsonNumber.parse("123456789012345678901234567890").bigIntegerValueExact())
        .hasToString("123456789012345678901234567890");
    assertThat(JsonNumber.of(new BigDecimal("1E+3")).text()).isEqualTo("1e+3");
  }

  @Test
  void number_notRfc8259_rejected() {
    for (String bad : new String[] {"01", "1.", ".1", "+1", "1e", "NaN", "0x1", " 1"}) {
      assertThatThrownBy(() -> JsonNumber.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("not a JSON number: `" + bad + "`");
    }
  }

  @Test
  void object_keepsOrder_equalityIsOrderSensitive() {
    JsonObject ab = JsonObject.builder().put("a", 1).put("b", "x").build();
    JsonObject ba = JsonObject.builder().put("b", "x").put("a", 1).build();
    assertThat(ab).isNotEqualTo(ba);
    assertThat(ab.names()).containsExactly("a", "b");
    assertThat(ab.asMap())
        .containsExactly(Map.entry("a", JsonNumber.of(1)), Map.entry("b", new JsonString("x")));
    assertThat(ab.toString()).isEqualTo("{\"a\":1,\"b\":\"x\"}");
  }

  @Test
  void object_manyMembers_indexedLookup() {
    JsonObject.Builder b = JsonObject.builder();
    for (int i = 0; i < 50; i++) {
      b.put("k" + i, i);
    }
    JsonObject o = b.build();
    assertThat(o.getNumber("k37")).contains(JsonNumber.of(37));
    assertThat(o.get("missing")).isEmpty();
    assertThat(o.has("k0")).isTrue();
    assertThat(o.asMap()).hasSize(50).containsKey("k49");
  }

  @Test
  void builder_reusedAfterBuildingALargeObject_stillRejectsDuplicates() {
    JsonObject.Builder b = JsonObject.builder();
    for (int i = 0; i < 12; i++) {
      b.put("k" + i, i);
    }
    JsonObject first = b.build();
    b.put("k12", 12);
    assertThatThrownBy(() -> b.put("k3", 0)).hasMessage("duplicate member name `k3`");
    assertThat(first.size()).isEqualTo(12);
    assertThat(first.getNumber("k11")).contains(JsonNumber.of(11));
    assertThat(b.build().getNumber("k12")).contains(JsonNumber.of(12));
  }

  @Test
  void copyOf_copiesTheRange_equalToTheBuiltObject() {
    String[] names = new String[30];
    JsonValue[] values = new JsonValue[30];
    JsonObject.Builder b = JsonObject.builder();
    for (int i = 0; i < 30; i++) {
      names[i] = "k" + i;
      values[i] = JsonNumber.of(i);
      if (i >= 5) {
        b.put(names[i], values[i]);
      }
    }
    JsonObject o = JsonObject.copyOf(names, values, 5, 25);
    names[7] = "changed";
    values[7] = JsonNull.INSTANCE;
    assertThat(o).isEqualTo(b.build());
    assertThat(o.getNumber("k7")).contains(JsonNumber.of(7));
    assertThat(o.has("k4")).isFalse();
    assertThat(JsonObject.copyOf(names, values, 3, 2).names()).containsExactly("k3", "k4");
    assertThat(JsonObject.copyOf(names, values, 30, 0)).isSameAs(JsonObject.empty());
  }

  @Test
  void copyOf_repeatedNameOrNull_rejected() {
    String[] small = {"a", "b", "a"};
    String[] large = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "c"};
    JsonValue[] values = new JsonValue[10];
    Arrays.fill(values, JsonBoolean.TRUE);
    assertThatThrownBy(() -> JsonObject.copyOf(small, values, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate member name `a`");
    assertThat(JsonObject.copyOf(small, values, 1, 2).names()).containsExactly("b", "a");
    assertThatThrownBy(() -> JsonObject.copyOf(large, values, 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate member name `c`");
    values[1] = null;
    assertThatThrownBy(() -> JsonObject.copyOf(small, values, 1, 2))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> JsonObject.copyOf(small, values, 2, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void object_duplicateName_rejected() {
    assertThatThrownBy(() -> JsonObject.builder().put("a", 1).put("a", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate member name `a`");
  }

  @Test
  void object_typedGetters_emptyOnOtherKinds() {
    JsonObject o =
        JsonObject.builder()
            .put("s", "x")
            .put("n", JsonValue.nullValue())
            .put("o", JsonObject.empty())
            .build();
    assertThat(o.getString("s")).contains("x");
    assertThat(o.getString("n")).isEmpty();
    assertThat(o.getObject("s")).isEmpty();
    assertThat(o.getObject("o")).contains(JsonObject.empty());
    assertThat(o.getArray("o")).isEmpty();
    assertThat(o.toBuilder().set("s", JsonValue.of(true)).build().toString())
        .isEqualTo("{\"s\":true,\"n\":null,\"o\":{}}");
  }

  @Test
  void string_escapedWhenWritten() {
    assertThat(new JsonString("a\"b\\c\u0001\t").toString()).isEqualTo("\"a\\\"b\\\\c\\u0001\\t\"");
  }

  @Test
  void array_immutableAndOrdered() {
    JsonArray a = JsonArray.ofStrings(java.util.List.of("x", "y"));
    assertThat(a.elements()).containsExactly(new JsonString("x"), new JsonString("y"));
    assertThatThrownBy(() -> a.elements().add(JsonNull.INSTANCE))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(a.toString()).isEqualTo("[\"x\",\"y\"]");
    assertThat(JsonArray.empty().isEmpty()).isTrue();
  }
}
