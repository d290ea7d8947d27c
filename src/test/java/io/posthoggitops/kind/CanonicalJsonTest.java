package io.posthoggitops.kind;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private static JsonNode json(String text) throws Exception {
    return CanonicalJson.JSON.readTree(text);
  }

  @Test
  void aValueNothingElseHoldsIsTakenAsItIsWhereCanonicalAndCopiedWhereNot() throws Exception {
    String written =
        "{\"z\":{\"key\":\"a\",\"b\":[1,2.0]},\"a\":[{\"type\":\"x\",\"value\":50.0}]}";
    JsonNode value = json(written);
    JsonNode canonical = json("{\"key\":\"k\",\"rollout\":5,\"tags\":[\"a\",\"b\"]}");

    JsonNode owned = CanonicalJson.normaliseOwned(value);

    assertThat(owned).isEqualTo(CanonicalJson.normalise(value));
    assertThat(CanonicalJson.text(owned))
        .isEqualTo("{\"a\":[{\"type\":\"x\",\"value\":50}],\"z\":{\"key\":\"a\",\"b\":[1,2]}}");
    assertThat(CanonicalJson.text(value)).as("nothing changed in place").isEqualTo(written);
    assertThat(CanonicalJson.normaliseOwned(canonical)).isSameAs(canonical);
    assertThat(CanonicalJson.normaliseOwned(canonical.get("tags"))).isSameAs(canonical.get("tags"));
  }

  @Test
  void aStringHoldingJsonIsReadAsJsonAndAnyOtherStaysAString() throws Exception {
    var nodes = CanonicalJson.NODES;
    assertThat(CanonicalJson.parsedString(nodes.textNode(" {\"n\": 1}")))
        .isEqualTo(json("{\"n\":1}"));
    assertThat(CanonicalJson.parsedString(nodes.textNode("true")).isBoolean()).isTrue();
    assertThat(CanonicalJson.parsedString(nodes.textNode("-5")).asInt()).isEqualTo(-5);
    for (String text : List.of("hello", "{not json", "Yes", " x1")) {
      assertThat(CanonicalJson.parsedString(nodes.textNode(text))).isEqualTo(nodes.textNode(text));
    }
  }
}
