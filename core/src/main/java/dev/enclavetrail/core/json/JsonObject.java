package dev.enclavetrail.core.json;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable JSON object whose members keep the order in which they were read or added.
 *
 * <p>Member names are unique. Two objects are equal when they have the same members, with equal
 * values, in the same order. {@link #toString()} returns compact JSON text.
 */
public final class JsonObject implements JsonValue {

  private static final JsonObject EMPTY = new JsonObject(new String[0], new JsonValue[0], null);

  /** Objects of more members than this have a {@link #table}; smaller ones are scanned. */
  private static final int INDEX_THRESHOLD = 8;

  private final String[] names;
  private final JsonValue[] values;

  /**
   * Positions by name for objects of more than {@link #INDEX_THRESHOLD} members, else null: an
   * open-addressing table (a power of two at least twice the size) of position + 1 by slot of the
   * name's hash, 0 for an empty slot.
   */
  private final int @Nullable [] table;

  private JsonObject(String[] names, JsonValue[] values, int @Nullable [] table) {
    this.names = names;
    this.values = values;
    this.table = table;
  }

  /** Returns the empty object {@code {}}. */
  public static JsonObject empty() {
    return EMPTY;
  }

  /**
   * Returns the object of the {@code size} members whose names and values are at {@code from}
   * onwards in {@code names} and {@code values}, in that order; the arrays are copied, not kept. A
   * faster way than a {@link Builder} for a reader that already holds the members.
   *
   * <pre>{@code
   * JsonObject o = JsonObject.copyOf(new String[] {"a", "b"}, new JsonValue[] {x, y}, 0, 2);
   * }</pre>
   *
   * @throws IllegalArgumentException if a name is repeated
   * @throws NullPointerException if a name or a value is null
   * @throws IndexOutOfBoundsException if the range is outside either array
   */
  public static JsonObject copyOf(String[] names, JsonValue[] values, int from, int size) {
    Objects.checkFromIndexSize(from, size, names.length);
    Objects.checkFromIndexSize(from, size, values.length);
    if (size == 0) {
      return EMPTY;
    }
    String[] n = Arrays.copyOfRange(names, from, from + size);
    JsonValue[] v = Arrays.copyOfRange(values, from, from + size);
    for (int i = 0; i < size; i++) {
      Objects.requireNonNull(n[i], "name");
      Objects.requireNonNull(v[i], "value");
    }
    int[] table = null;
    if (size > INDEX_THRESHOLD) {
      table = new int[tableLength(size)];
      for (int i = 0; i < size; i++) {
        if (insert(table, n, i) >= 0) {
          throw duplicate(n[i]);
        }
      }
    } else {
      for (int i = 1; i < size; i++) {
        int h = n[i].hashCode(); // cached by names that are reused (literals, interned names)
        for (int j = 0; j < i; j++) {
          if (n[j].hashCode() == h && n[j].equals(n[i])) {
            throw duplicate(n[i]);
          }
        }
      }
    }
    return new JsonObject(n, v, table);
  }

  private static IllegalArgumentException duplicate(String name) {
    return new IllegalArgumentException("duplicate member name `" + JsonText.excerpt(name) + "`");
  }

  /** Returns the length of a table for {@code size} members: a power of two, at least twice it. */
  private static int tableLength(int size) {
    return Integer.highestOneBit(size * 2 - 1) << 1;
  }

  private static int slot(String name, int mask) {
    int h = name.hashCode();
    return (h ^ (h >>> 16)) & mask;
  }

  /**
   * Adds {@code names[position]} to {@code table}; returns -1, or, without adding it, the position
   * of an equal name already there.
   */
  private static int insert(int[] table, String[] names, int position) {
    int mask = table.length - 1;
    String name = names[position];
    for (int s = slot(name, mask); ; s = (s + 1) & mask) {
      int e = table[s];
      if (e == 0) {
        table[s] = position + 1;
        return -1;
      }
      if (names[e - 1].equals(name)) {
        return e - 1;
      }
    }
  }

  /** Returns the position of {@code name} in {@code table}, or -1. */
  private static int lookup(int[] table, String[] names, String name) {
    int mask = table.length - 1;
    for (int s = slot(name, mask); ; s = (s + 1) & mask) {
      int e = table[s];
      if (e == 0) {
        return -1;
      }
      if (names[e - 1].equals(name)) {
        return e - 1;
      }
    }
  }

  /** Returns a builder that keeps members in the order they are put. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts with the members of this object, in order. */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (int i = 0; i < names.length; i++) {
      b.put(names[i], values[i]);
    }
    return b;
  }

  /** Returns the number of members. */
  public int size() {
    return names.length;
  }

  /** Returns true if this object has no members. */
  public boolean isEmpty() {
    return names.length == 0;
  }

  /** Returns the member names in order. */
  public List<String> names() {
    return List.of(names);
  }

  /** Returns the name of the member at {@code position} (0-based, in order). */
  public String nameAt(int position) {
    return names[position];
  }

  /** Returns the value of the member at {@code position} (0-based, in order). */
  public JsonValue valueAt(int position) {
    return values[position];
  }

  /** Returns true if a member is named {@code name} (whatever its value, {@code null} included). */
  public boolean has(String name) {
    return indexOf(name) >= 0;
  }

  /** Returns the value of the member named {@code name}, if there is one. */
  public Optional<JsonValue> get(String name) {
    int i = indexOf(name);
    return i < 0 ? Optional.empty() : Optional.of(values[i]);
  }

  /**
   * Returns the value of the member named {@code name}, or null; for hot paths that avoid {@link
   * Optional}.
   */
  public @Nullable JsonValue getOrNull(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  /** Returns the text of the member named {@code name} if it is a string. */
  public Optional<String> getString(String name) {
    return getOrNull(name) instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
  }

  /** Returns the member named {@code name} if it is an object. */
  public Optional<JsonObject> getObject(String name) {
    return getOrNull(name) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
  }

  /** Returns the member named {@code name} if it is an array. */
  public Optional<JsonArray> getArray(String name) {
    return getOrNull(name) instanceof JsonArray a ? Optional.of(a) : Optional.empty();
  }

  /** Returns the member named {@code name} if it is a number. */
  public Optional<JsonNumber> getNumber(String name) {
    return getOrNull(name) instanceof JsonNumber n ? Optional.of(n) : Optional.empty();
  }

  /** Returns a read-only, ordered map view of the members. */
  public Map<String, JsonValue> asMap() {
    return new MapView();
  }

  @Override
  public Kind kind() {
    return Kind.OBJECT;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonObject other
        && Arrays.equals(names, other.names)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return JsonText.write(this);
  }

  private int indexOf(String name) {
    int[] t = table;
    if (t != null) {
      return lookup(t, names, name);
    }
    int h = name.hashCode(); // cached: most names are literals or interned
    for (int i = 0; i < names.length; i++) {
      String n = names[i];
      if (n.hashCode() == h && n.equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private final class MapView extends AbstractMap<String, JsonValue> {
    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, JsonValue>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < names.length;
            }

            @Override
            public Entry<String, JsonValue> next() {
              if (next >= names.length) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new SimpleImmutableEntry<>(names[i], values[i]);
            }
          };
        }

        @Override
        public int size() {
          return names.length;
        }
      };
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String s && indexOf(s) >= 0;
    }

    @Override
    public @Nullable JsonValue get(Object key) {
      return key instanceof String s ? getOrNull(s) : null;
    }
  }

  /**
   * Collects members in order; {@link #build()} rejects nothing but a repeated name, reported by
   * {@code put}.
   */
  public static final class Builder {
    private String[] names = new String[8];
    private JsonValue[] values = new JsonValue[8];
    private int size;

    /** Positions by name as in {@link JsonObject#table}, made once the builder outgrows a scan. */
    private int @Nullable [] table;

    private Builder() {}

    /**
     * Adds a member at the end.
     *
     * @throws IllegalArgumentException if a member named {@code name} was already added
     */
    public Builder put(String name, JsonValue value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (position(name) >= 0) {
        throw duplicate(name);
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      size++;
      int[] t = table;
      if (t != null && size * 2 <= t.length) {
        insert(t, names, size - 1);
      } else if (size > INDEX_THRESHOLD) {
        t = new int[tableLength(size)];
        for (int i = 0; i < size; i++) {
          insert(t, names, i);
        }
        table = t;
      }
      return this;
    }

    /** Adds a string member at the end. */
    public Builder put(String name, String value) {
      return put(name, new JsonString(value));
    }

    /** Adds a number member at the end. */
    public Builder put(String name, long value) {
      return put(name, JsonNumber.of(value));
    }

    /** Adds a number member at the end. */
    public Builder put(String name, BigDecimal value) {
      return put(name, JsonNumber.of(value));
    }

    /** Adds a boolean member at the end. */
    public Builder put(String name, boolean value) {
      return put(name, JsonBoolean.of(value));
    }

    /** Adds a member only when {@code value} is present. */
    public Builder putIfPresent(String name, Optional<? extends JsonValue> value) {
      value.ifPresent(v -> put(name, v));
      return this;
    }

    /** Replaces the value of an existing member in place, or adds it at the end. */
    public Builder set(String name, JsonValue value) {
      int i = position(name);
      if (i < 0) {
        return put(name, value);
      }
      values[i] = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Returns true if a member named {@code name} was added. */
    public boolean has(String name) {
      return position(name) >= 0;
    }

    private int position(String name) {
      int[] t = table;
      if (t != null) {
        return lookup(t, names, name);
      }
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    /** Returns the object; the builder may be used again afterwards. */
    public JsonObject build() {
      if (size == 0) {
        return EMPTY;
      }
      // The table goes to the object, which needs one of its own length or longer; a builder used
      // again makes a new one.
      int[] t = table;
      table = null;
      return new JsonObject(Arrays.copyOf(names, size), Arrays.copyOf(values, size), t);
    }
  }
}
