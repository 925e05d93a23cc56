package dev.enclavetrail.policy;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value of a policy document with the position where it starts, so that every problem found
 * while validating can be reported at its element.
 */
final class Node {

  enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  final Kind kind;
  final String text;
  final @Nullable Map<String, Node> members;

  /** For objects: each member's name as a string node located where the name starts. */
  final @Nullable Map<String, Node> names;

  final @Nullable List<Node> elements;
  final long offset;
  final int line;
  final int column;

  private Node(
      Kind kind,
      String text,
      @Nullable Map<String, Node> members,
      @Nullable Map<String, Node> names,
      @Nullable List<Node> elements,
      long offset,
      int line,
      int column) {
    this.kind = kind;
    this.text = text;
    this.members = members;
    this.names = names;
    this.elements = elements;
    this.offset = offset;
    this.line = line;
    this.column = column;
  }

  static Node scalar(Kind kind, String text, long offset, int line, int column) {
    return new Node(kind, text, null, null, null, offset, line, column);
  }

  static Node object(
      Map<String, Node> members, Map<String, Node> names, long offset, int line, int column) {
    return new Node(Kind.OBJECT, "", members, names, null, offset, line, column);
  }

  static Node array(List<Node> elements, long offset, int line, int column) {
    return new Node(Kind.ARRAY, "", null, null, elements, offset, line, column);
  }

  Map<String, Node> members() {
    if (members == null) {
      throw new IllegalStateException("not an object");
    }
    return members;
  }

  /** Returns the node of the name of member {@code name}, for errors about the member itself. */
  Node name(String name) {
    Map<String, Node> n = names;
    Node node = n == null ? null : n.get(name);
    return node == null ? this : node;
  }

  List<Node> elements() {
    if (elements == null) {
      throw new IllegalStateException("not an array");
    }
    return elements;
  }

  Location location() {
    return new Location(offset, line, column);
  }

  PolicyParseException error(String reason) {
    return new PolicyParseException(reason, offset, line, column);
  }

  String describe() {
    return switch (kind) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "the string `" + excerpt(text) + "`";
      case NUMBER -> "the number `" + excerpt(text) + "`";
      case BOOLEAN -> "`" + text + "`";
      case NULL -> "`null`";
    };
  }

  /**
   * Returns at most 100 characters of {@code s}, control characters escaped, so a message stays one
   * line.
   */
  static String excerpt(String s) {
    StringBuilder out = new StringBuilder();
    int n = Math.min(s.length(), 100);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return s.length() > n ? out.append('…').toString() : out.toString();
  }
}
