package io.posthoggitops.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** PostHog's JSON from {@code fixtures/}, and list pages built from it. */
final class Fixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static ObjectNode load(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return load(name).toString();
  }

  /** The first item of a list fixture, copied with a new id and identity. */
  static ObjectNode item(String listFixture, long id, String identityField, String identity) {
    ObjectNode item = ((ObjectNode) load(listFixture).get("results").get(0)).deepCopy();
    item.put("id", id);
    item.put(identityField, identity);
    return item;
  }

  /** A standard envelope page: {@code count}, {@code next}, {@code previous}, {@code results}. */
  static String page(long count, String next, ObjectNode... items) {
    ObjectNode page = JSON.createObjectNode();
    page.put("count", count);
    page.put("next", next);
    page.putNull("previous");
    ArrayNode results = page.putArray("results");
    for (ObjectNode item : items) {
      results.add(item);
    }
    return page.toString();
  }
}
