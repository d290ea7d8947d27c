package io.posthoggitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Live state for tests: the contract's fixtures and snapshot-format JSON ({@code live.json}). */
public final class TestLive {
  static final ObjectMapper JSON = new ObjectMapper();

  private TestLive() {}

  /** A fixture file of the API contract, e.g. {@code feature_flag.retrieve.json}. */
  public static ObjectNode fixture(String name) {
    try (InputStream in = TestLive.class.getResourceAsStream("/fixtures/" + name)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code results} of a list fixture. */
  public static List<ObjectNode> results(String name) {
    List<ObjectNode> out = new ArrayList<>();
    fixture(name).path("results").forEach(n -> out.add((ObjectNode) n));
    return out;
  }

  public static LiveObject object(Kind kind, JsonNode raw) {
    return new LiveObject(
        kind,
        new LiveId(raw.path("id").asText()),
        raw.path(kind.identityField()).asText(null),
        (ObjectNode) raw);
  }

  /** A builder-free state: objects of any kinds, with the given organisation features. */
  public static LiveState state(Set<String> features, LiveObject... objects) {
    Map<Kind, List<LiveObject>> byKind = new LinkedHashMap<>();
    for (LiveObject o : objects) {
      byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
    }
    return new LiveState(
        "https://api.example.test", 4242, "Acme Web", new HashSet<>(features), byKind);
  }

  public static LiveState state(LiveObject... objects) {
    return state(Set.of("tagging"), objects);
  }

  /** A snapshot document in the shared format ({@code format_version: 1}). */
  public static LiveState snapshot(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      Map<Kind, List<LiveObject>> byKind = new LinkedHashMap<>();
      root.path("objects")
          .properties()
          .forEach(
              e -> {
                Kind kind = Kinds.named(e.getKey()).orElseThrow();
                List<LiveObject> list = new ArrayList<>();
                e.getValue().forEach(raw -> list.add(object(kind, raw)));
                byKind.put(kind, list);
              });
      Set<String> features = new HashSet<>();
      root.path("organization_features").forEach(f -> features.add(f.asText()));
      return new LiveState(
          root.path("api_url").asText(),
          root.path("project").path("id").asLong(),
          root.path("project").path("name").asText(),
          features,
          byKind);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
