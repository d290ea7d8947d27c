package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The members of a JSON object, in insertion order, held in one array while they are few (a
 * resource has a few dozen fields, most objects in it fewer than ten) and in a {@link
 * LinkedHashMap} past {@link #SMALL}. A large plan holds hundreds of thousands of objects for its
 * whole run: an array per object instead of a hash table and an entry per member is what keeps it
 * in a small heap and its garbage collections short (docs/performance.md).
 */
final class SmallMap extends AbstractMap<String, JsonNode> {

  /**
   * The most members held in the array: a PostHog object's top level fits. Past it, lookups by hash
   * keep building a large object linear.
   */
  static final int SMALL = 32;

  /** Keys at even indexes, their values after them. */
  private Object[] members = new Object[8];

  private int size;

  /** Every member once there were more than {@link #SMALL}; then the array is unused. */
  private LinkedHashMap<String, JsonNode> large;

  @Override
  public int size() {
    return large != null ? large.size() : size;
  }

  @Override
  public boolean containsKey(Object key) {
    return large != null ? large.containsKey(key) : indexOf(key) >= 0;
  }

  @Override
  public JsonNode get(Object key) {
    if (large != null) {
      return large.get(key);
    }
    int i = indexOf(key);
    return i < 0 ? null : value(i);
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    Objects.requireNonNull(key, "a JSON member has a name");
    if (large != null) {
      return large.put(key, value);
    }
    int i = indexOf(key);
    if (i >= 0) {
      JsonNode old = value(i);
      members[2 * i + 1] = value;
      return old;
    }
    if (size == SMALL) {
      large = new LinkedHashMap<>();
      for (int m = 0; m < size; m++) {
        large.put(key(m), value(m));
      }
      members = null;
      size = 0;
      return large.put(key, value);
    }
    if (2 * size == members.length) {
      members = Arrays.copyOf(members, members.length * 2);
    }
    members[2 * size] = key;
    members[2 * size + 1] = value;
    size++;
    return null;
  }

  @Override
  public JsonNode remove(Object key) {
    if (large != null) {
      return large.remove(key);
    }
    int i = indexOf(key);
    if (i < 0) {
      return null;
    }
    JsonNode old = value(i);
    removeAt(i);
    return old;
  }

  @Override
  public void clear() {
    if (large != null) {
      large.clear();
    } else {
      Arrays.fill(members, 0, 2 * size, null);
      size = 0;
    }
  }

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    return large != null ? large.entrySet() : new Members();
  }

  private int indexOf(Object key) {
    int hash = key.hashCode(); // a string's hash is computed once and kept
    for (int i = 0; i < size; i++) {
      Object k = members[2 * i];
      if (k == key || k.hashCode() == hash && k.equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** Adds a member known not to be here yet (a copy of another object's members). */
  void append(String key, JsonNode value) {
    if (large != null || size == SMALL) {
      put(key, value);
      return;
    }
    if (2 * size == members.length) {
      members = Arrays.copyOf(members, members.length * 2);
    }
    members[2 * size] = key;
    members[2 * size + 1] = value;
    size++;
  }

  /** An empty map with room for {@code members} members. */
  static SmallMap withRoom(int members) {
    SmallMap map = new SmallMap();
    if (members > 4 && members <= SMALL) {
      map.members = new Object[2 * members];
    }
    return map;
  }

  private String key(int i) {
    return (String) members[2 * i];
  }

  private JsonNode value(int i) {
    return (JsonNode) members[2 * i + 1];
  }

  private void removeAt(int i) {
    System.arraycopy(members, 2 * i + 2, members, 2 * i, 2 * (size - i - 1));
    size--;
    members[2 * size] = null;
    members[2 * size + 1] = null;
  }

  /** The array's members as entries; an entry's value written through to the array. */
  private final class Members extends AbstractSet<Entry<String, JsonNode>> {
    @Override
    public int size() {
      return SmallMap.this.size();
    }

    @Override
    public Iterator<Entry<String, JsonNode>> iterator() {
      if (large != null) {
        return large.entrySet().iterator();
      }
      return new Iterator<>() {
        private int next;
        private boolean removable;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public Entry<String, JsonNode> next() {
          if (next >= size) {
            throw new NoSuchElementException();
          }
          removable = true;
          return new Member(next++);
        }

        @Override
        public void remove() {
          if (!removable) {
            throw new IllegalStateException("next() first");
          }
          removable = false;
          removeAt(--next);
        }
      };
    }
  }

  /** The member at an index of the array. */
  private final class Member implements Entry<String, JsonNode> {
    private final String key;
    private final int index;

    Member(int index) {
      this.key = SmallMap.this.key(index);
      this.index = index;
    }

    @Override
    public String getKey() {
      return key;
    }

    @Override
    public JsonNode getValue() {
      return large == null && index < size && key(index) == key ? value(index) : get(key);
    }

    @Override
    public JsonNode setValue(JsonNode value) {
      return put(key, value);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Entry<?, ?> e
          && key.equals(e.getKey())
          && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return key.hashCode() ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return key + "=" + getValue();
    }
  }
}
