package dev.enclavetrail.core.json;

import java.util.Iterator;
import java.util.List;

/** An immutable JSON array. {@link #toString()} returns compact JSON text. */
public final class JsonArray implements JsonValue, Iterable<JsonValue> {

  private static final JsonArray EMPTY = new JsonArray(List.of());

  private final List<JsonValue> elements;

  private JsonArray(List<JsonValue> elements) {
    this.elements = elements;
  }

  /** Returns an array of {@code elements}, in order. */
  public static JsonArray of(List<? extends JsonValue> elements) {
    return elements.isEmpty() ? EMPTY : new JsonArray(List.copyOf(elements));
  }

  /** Returns an array of {@code elements}, in order. */
  public static JsonArray of(JsonValue... elements) {
    return of(List.of(elements));
  }

  /** Returns an array of JSON strings. */
  public static JsonArray ofStrings(List<String> texts) {
    return of(texts.stream().map(JsonString::new).toList());
  }

  /** Returns the empty array {@code []}. */
  public static JsonArray empty() {
    return EMPTY;
  }

  /** Returns the elements, in order, as an unmodifiable list. */
  public List<JsonValue> elements() {
    return elements;
  }

  /** Returns the element at {@code position}. */
  public JsonValue get(int position) {
    return elements.get(position);
  }

  /** Returns the number of elements. */
  public int size() {
    return elements.size();
  }

  /** Returns true if this array has no elements. */
  public boolean isEmpty() {
    return elements.isEmpty();
  }

  @Override
  public Iterator<JsonValue> iterator() {
    return elements.iterator();
  }

  @Override
  public Kind kind() {
    return Kind.ARRAY;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonArray other && elements.equals(other.elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }

  @Override
  public String toString() {
    return JsonText.write(this);
  }
}
