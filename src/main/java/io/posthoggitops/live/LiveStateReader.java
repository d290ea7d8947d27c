package io.posthoggitops.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads all five kinds (and the organisation's features) into a {@link LiveState}. */
public final class LiveStateReader {

  private LiveStateReader() {}

  public static LiveState read(PostHogApi api, String apiUrl) {
    PostHogApi.ProjectInfo project = api.project();
    Set<String> features = api.organizationFeatures();
    Map<Kind, List<LiveObject>> objects = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      objects.put(kind, toLiveObjects(kind, api.list(kind)));
    }
    return new LiveState(apiUrl, project.id(), project.name(), features, objects);
  }

  static List<LiveObject> toLiveObjects(Kind kind, List<ObjectNode> raws) {
    List<LiveObject> objects = new ArrayList<>(raws.size());
    for (ObjectNode raw : raws) {
      objects.add(new LiveObject(kind, raw.path("id").asLong(), identityOf(kind, raw), raw));
    }
    return List.copyOf(objects);
  }

  /**
   * {@code raw.<identityField>}; an experiment whose shape lacks {@code feature_flag_key} falls
   * back to its nested {@code feature_flag.key}.
   */
  static String identityOf(Kind kind, ObjectNode raw) {
    JsonNode identity = raw.get(kind.identityField());
    if ((identity == null || identity.isNull()) && kind == Kind.EXPERIMENT) {
      identity = raw.path("feature_flag").get("key");
    }
    return identity == null || identity.isNull() ? "" : identity.asText();
  }
}
