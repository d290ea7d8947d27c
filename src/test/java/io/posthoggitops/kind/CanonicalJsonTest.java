package io.posthoggitops.kind;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
}
