package io.posthoggitops.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.IdFormat;
import io.posthoggitops.kind.JsonNodes;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The snapshot file: raw live state as JSON, written by {@code export --snapshot-out} and read by
 * {@code plan --snapshot}. Keys in a fixed order, pretty printed, so two snapshots of the same
 * state are byte-identical. Open change requests are kept under {@code change_requests}, a key
 * written only when there are some (docs/approvals.md).
 */
public final class Snapshots {

  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(JsonNodes.FACTORY);

  private Snapshots() {}

  public static void write(LiveState state, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, toJson(state));
    } catch (IOException e) {
      throw new UserError(file + ": cannot write the snapshot (" + e.getMessage() + ").");
    }
  }

  /** The snapshot text, ending in a newline. */
  public static String toJson(LiveState state) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("api_url", state.apiUrl());
    root.putObject("project").put("id", state.projectId()).put("name", state.projectName());
    ArrayNode features = root.putArray("organization_features");
    new TreeSet<>(state.organizationFeatures()).forEach(features::add);
    ObjectNode objects = root.putObject("objects");
    for (Kind kind : Kinds.all()) {
      ArrayNode list = objects.putArray(kind.name());
      state.of(kind).forEach(o -> list.add(o.raw()));
    }
    if (!state.changeRequests().isEmpty()) {
      ArrayNode requests = root.putArray("change_requests");
      state.changeRequests().forEach(r -> requests.add(r.raw()));
    }
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** The largest snapshot read: a project of tens of thousands of objects, far below memory. */
  static final long MAX_BYTES = 256L * 1024 * 1024;

  /** Reads a snapshot; a file that does not parse is a {@code UserError} naming the file. */
  public static LiveState read(Path file) {
    JsonNode root;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new UserError(
            "%s holds more than the %d MiB a snapshot may hold; it was not read. Check that it is the file export --snapshot-out wrote."
                .formatted(file, MAX_BYTES / 1024 / 1024));
      }
      root = JSON.readTree(file.toFile()); // parsed as bytes, never held whole as text
    } catch (NoSuchFileException e) {
      throw new UserError(
          file
              + ": snapshot file not found; write one with 'posthog-gitops export --snapshot-out "
              + file
              + "'.");
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new UserError(
          file
              + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
              + ": not a snapshot, the JSON does not parse ("
              + e.getOriginalMessage()
              + ").");
    } catch (IOException e) {
      throw new UserError(file + ": cannot read the snapshot (" + e.getMessage() + ").");
    }
    return fromJson(root, file.toString());
  }

  static LiveState fromJson(JsonNode root, String file) {
    if (root == null || !root.isObject()) {
      throw new UserError(
          file
              + ": not a snapshot: expected a JSON object with format_version, project and objects.");
    }
    if (root.has("digest") && root.has("changes") && !root.has("objects")) {
      throw new UserError(
          file
              + ": this is a saved plan (written by plan --out), not a snapshot; apply it with"
              + " posthog-gitops apply --plan "
              + file
              + ", or write a snapshot with posthog-gitops export --snapshot-out NEW-FILE.");
    }
    if (root.path("format_version").asInt(-1) != FORMAT_VERSION) {
      throw new UserError(
          file
              + ": unsupported snapshot format_version "
              + root.path("format_version")
              + "; this version reads format_version "
              + FORMAT_VERSION
              + ", write a new snapshot with export --snapshot-out.");
    }
    JsonNode project = root.path("project");
    if (!project.path("id").canConvertToLong()) {
      throw new UserError(file + ": not a snapshot: project.id must be the numeric project id.");
    }
    return new LiveState(
        root.path("api_url").asText(""),
        project.get("id").asLong(),
        project.path("name").asText(""),
        features(root.path("organization_features")),
        objects(root.path("objects"), file),
        Set.of(),
        changeRequests(root.path("change_requests"), file));
  }

  private static List<ChangeRequest> changeRequests(JsonNode list, String file) {
    List<ChangeRequest> requests = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isObject() || IdFormat.UUID.parse(item.get("id")).isEmpty()) {
        throw new UserError(
            file
                + ": not a snapshot: change_requests holds an entry whose id is not a UUID; write it"
                + " again with posthog-gitops export --snapshot-out NEW-FILE.");
      }
      requests.add(ChangeRequest.of((ObjectNode) item));
    }
    return List.copyOf(requests);
  }

  private static Set<String> features(JsonNode node) {
    Set<String> features = new LinkedHashSet<>();
    node.forEach(f -> features.add(f.asText()));
    return features;
  }

  private static Map<Kind, List<LiveObject>> objects(JsonNode node, String file) {
    Map<Kind, List<LiveObject>> objects = new LinkedHashMap<>();
    for (Kind kind : Kinds.all()) {
      objects.put(kind, List.of());
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      Kind kind = Kinds.named(entry.getKey()).orElseThrow(() -> unknownKind(file, entry.getKey()));
      objects.put(
          kind, LiveStateReader.toLiveObjects(kind, rawObjects(entry.getValue(), kind, file)));
    }
    return objects;
  }

  private static List<ObjectNode> rawObjects(JsonNode list, Kind kind, String file) {
    List<ObjectNode> raws = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isObject() || kind.idFormat().parse(item.get("id")).isEmpty()) {
        throw new UserError(
            file
                + ": not a snapshot: objects."
                + kind.name()
                + " holds an entry whose id is not "
                + kind.idFormat().description()
                + ".");
      }
      raws.add((ObjectNode) item);
    }
    return raws;
  }

  private static UserError unknownKind(String file, String name) {
    return new UserError(
        file
            + ": not a snapshot: unknown kind '"
            + name
            + "' under objects; known kinds: "
            + Kinds.names()
            + ".");
  }
}
