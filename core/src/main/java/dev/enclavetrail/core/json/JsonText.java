package dev.enclavetrail.core.json;

import dev.enclavetrail.core.internal.Text;

/** Compact JSON text of a {@link JsonValue}, and short excerpts of input for messages. */
final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  static String write(JsonValue value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  static String excerpt(String text) {
    return Text.excerpt(text);
  }

  private static void append(StringBuilder out, JsonValue value) {
    switch (value.kind()) {
      case OBJECT -> {
        JsonObject o = (JsonObject) value;
        out.append('{');
        for (int i = 0; i < o.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          appendString(out, o.nameAt(i));
          out.append(':');
          append(out, o.valueAt(i));
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        boolean first = true;
        for (JsonValue element : (JsonArray) value) {
          if (!first) {
            out.append(',');
          }
          first = false;
          append(out, element);
        }
        out.append(']');
      }
      case STRING -> appendString(out, ((JsonString) value).value());
      case NUMBER -> out.append(((JsonNumber) value).text());
      case BOOLEAN, NULL -> out.append(value);
    }
  }

  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
