package io.posthoggitops.kind;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallMapTest {

  /**
   * Random puts, removes, removes while iterating and writes through entries, either side of the
   * size where the array gives way to a hash map.
   */
  @Test
  void behavesAsALinkedHashMapUnderAnySequenceOfChanges() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      Map<String, JsonNode> small = new SmallMap();
      Map<String, JsonNode> expected = new LinkedHashMap<>();
      int keys = 1 + random.nextInt(2 * SmallMap.SMALL + 4);
      for (int step = 0; step < 60; step++) {
        String key = "k" + random.nextInt(keys);
        JsonNode value = IntNode.valueOf(random.nextInt(1000));
        switch (random.nextInt(6)) {
          case 0, 1, 2 -> assertThat(small.put(key, value)).isEqualTo(expected.put(key, value));
          case 3 -> assertThat(small.remove(key)).isEqualTo(expected.remove(key));
          case 4 -> {
            small.entrySet().removeIf(e -> e.getValue().intValue() % 3 == 0);
            expected.entrySet().removeIf(e -> e.getValue().intValue() % 3 == 0);
          }
          default -> {
            small.entrySet().forEach(e -> e.setValue(IntNode.valueOf(e.getValue().intValue() + 1)));
            expected
                .entrySet()
                .forEach(e -> e.setValue(IntNode.valueOf(e.getValue().intValue() + 1)));
          }
        }
        assertThat(List.copyOf(small.entrySet())).isEqualTo(List.copyOf(expected.entrySet()));
        assertThat(small).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(small.get(key)).isEqualTo(expected.get(key));
        assertThat(small.containsKey(key)).isEqualTo(expected.containsKey(key));
      }
    }
  }

  @Test
  void anIteratorRemovesOnlyWhatItReturnedLast() {
    Map<String, JsonNode> small = new SmallMap();
    small.put("a", IntNode.valueOf(1));
    small.put("b", IntNode.valueOf(2));
    small.put("c", IntNode.valueOf(3));
    Iterator<Map.Entry<String, JsonNode>> members = small.entrySet().iterator();
    List<String> seen = new ArrayList<>();
    while (members.hasNext()) {
      String key = members.next().getKey();
      seen.add(key);
      if (key.equals("b")) {
        members.remove();
      }
    }
    assertThat(seen).containsExactly("a", "b", "c");
    assertThat(small.keySet()).containsExactly("a", "c");
    assertThat(small.entrySet().iterator())
        .satisfies(
            it -> {
              it.next();
              it.remove();
              org.assertj.core.api.Assertions.assertThatThrownBy(it::remove)
                  .isInstanceOf(IllegalStateException.class);
            });
  }

  @Test
  void theFactorysObjectsReadAndCompareAsJacksonsOwn() throws Exception {
    String text = "{\"b\":1,\"a\":{\"x\":[1,\"person\"]},\"person\":\"person\"}";
    JsonNode ours = CanonicalJson.JSON.readTree(text);
    JsonNode theirs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);

    assertThat(ours).isEqualTo(theirs);
    assertThat(theirs).isEqualTo(ours);
    assertThat(CanonicalJson.text(ours)).isEqualTo(text);
    assertThat(ours.get("person")).isSameAs(ours.get("a").get("x").get(1));
    ObjectNode copy = ((ObjectNode) ours).deepCopy();
    copy.with("a").put("x", 2);
    assertThat(ours.get("a").get("x").isArray()).isTrue();
  }
}
