package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The factory of every JSON tree the tool reads or builds: objects hold their members in a {@link
 * SmallMap}, and short strings (a property's {@code type}, an operator, a variant's key), which
 * repeat thousands of times in a project, are one immutable node each. A large plan holds both its
 * declarations and PostHog's objects for its whole run, and this halves the objects it holds
 * (docs/performance.md).
 */
public final class JsonNodes extends JsonNodeFactory {

  public static final JsonNodes FACTORY = new JsonNodes();

  private static final long serialVersionUID = 1L;

  /** The longest string shared; longer ones are names and texts that seldom repeat. */
  private static final int SHARED_LENGTH = 40;

  /** The most strings shared, so a file of distinct strings cannot grow the table unbounded. */
  private static final int SHARED_COUNT = 50_000;

  private final transient ConcurrentHashMap<String, TextNode> texts = new ConcurrentHashMap<>();

  private JsonNodes() {}

  /**
   * A deep copy of {@code node} made of this factory's nodes (Jackson's own {@code deepCopy} makes
   * hash-table objects); values, which are immutable, are shared.
   */
  @SuppressWarnings("unchecked")
  public static <T extends JsonNode> T copy(T node) {
    if (node instanceof ObjectNode object) {
      SmallMap members = SmallMap.withRoom(object.size());
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        members.append(member.getKey(), copy(member.getValue()));
      }
      return (T) new ObjectNode(FACTORY, members);
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = FACTORY.arrayNode(array.size());
      for (JsonNode item : array) {
        out.add(copy(item));
      }
      return (T) out;
    }
    return node;
  }

  @Override
  public ObjectNode objectNode() {
    return new ObjectNode(this, new SmallMap());
  }

  @Override
  public TextNode textNode(String text) {
    if (text == null || text.length() > SHARED_LENGTH) {
      return super.textNode(text);
    }
    TextNode shared = texts.get(text);
    if (shared != null) {
      return shared;
    }
    TextNode made = super.textNode(text);
    if (texts.size() >= SHARED_COUNT) {
      return made;
    }
    TextNode first = texts.putIfAbsent(text, made);
    return first != null ? first : made;
  }
}
