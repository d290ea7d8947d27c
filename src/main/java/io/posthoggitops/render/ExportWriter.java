package io.posthoggitops.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.posthoggitops.kind.FieldSpec;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.Canonical;
import io.posthoggitops.plan.OwnedObjects;
import io.posthoggitops.plan.ReferenceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes live state as declaration YAML, one file per resource under {@code
 * DIR/<kind>/<name>.yaml}: canonical form, defaults omitted, ids turned into references by name.
 * Byte-stable: the same state always gives the same bytes, so re-exporting shows only real changes
 * in git.
 */
public final class ExportWriter {
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .build();

  private ExportWriter() {}

  /**
   * @return the files written, relative to {@code dir}, in writing order
   */
  public static List<Path> write(LiveState state, Set<Kind> kinds, Path dir) {
    ReferenceTable refs = ReferenceTable.live(state);
    OwnedObjects owned = OwnedObjects.of(state);
    Map<Path, String> files = new LinkedHashMap<>();
    for (Kind kind : Kinds.all()) {
      if (!kinds.contains(kind)) {
        continue;
      }
      List<LiveObject> objects =
          state.of(kind).stream()
              .filter(o -> !owned.owns(o))
              .sorted(Comparator.comparing(LiveObject::id))
              .toList();
      Map<LiveObject, String> names = ExportFileNames.assign(objects);
      Map<LiveObject, Pin> pins = Pin.of(objects);
      for (LiveObject o : objects) {
        ObjectNode canonical = exported(o, refs, state.organizationFeatures());
        files.put(
            Path.of(kind.folderName(), names.get(o) + ".yaml"),
            document(o, canonical, pins.get(o)));
      }
    }
    ExportFolder folder = new ExportFolder(dir);
    folder.refuseLinks(files.keySet());
    files.forEach(folder::write);
    folder.checkWritten(files);
    return List.copyOf(files.keySet());
  }

  /** The live object's fields as export writes them. */
  static ObjectNode exported(LiveObject o, ReferenceTable refs, Set<String> features) {
    ObjectNode canonical = Canonical.forExport(o, refs);
    dropUnstored(o.kind(), canonical, features);
    return canonical;
  }

  /** PostHog answers fields it does not store as empty; exporting them would only warn. */
  private static void dropUnstored(Kind kind, ObjectNode canonical, Set<String> features) {
    for (FieldSpec field : kind.spec().fields().values()) {
      if (field.requiresFeature() != null && !features.contains(field.requiresFeature())) {
        canonical.remove(field.name());
      }
    }
  }

  /**
   * YAML files already in the kind folders of {@code dir} that this export did not write (objects
   * deleted or renamed in PostHog since an earlier export); a plan would create them again.
   *
   * @param written the files this export wrote, relative to {@code dir}
   */
  public static List<Path> leftOver(Path dir, Set<Kind> kinds, List<Path> written) {
    Set<Path> wrote = Set.copyOf(written);
    List<Path> left = new ArrayList<>();
    for (Kind kind : Kinds.all()) {
      Path folder = dir.resolve(kind.folderName());
      if (!kinds.contains(kind) || !Files.isDirectory(folder)) {
        continue;
      }
      try (var files = Files.list(folder)) {
        files
            .map(f -> dir.relativize(f))
            .filter(f -> f.toString().endsWith(".yaml") && !wrote.contains(f))
            .sorted()
            .forEach(left::add);
      } catch (IOException e) {
        throw new UserError("cannot list " + folder + ": " + e.getMessage());
      }
    }
    return left;
  }

  /** Why a document carries an {@code id:} pin. */
  enum Pin {
    NONE(""),
    SHARED_IDENTITY(" (pinned: another %s has the same name)"),
    BLANK_IDENTITY(" (pinned: it has no name in PostHog)");

    private final String comment;

    Pin(String comment) {
      this.comment = comment;
    }

    /** Each object's pin among {@code objects}, all of one kind. */
    static Map<LiveObject, Pin> of(List<LiveObject> objects) {
      Map<String, Long> perIdentity =
          objects.stream()
              .collect(
                  Collectors.groupingBy(o -> String.valueOf(o.identity()), Collectors.counting()));
      Map<LiveObject, Pin> pins = new HashMap<>();
      for (LiveObject o : objects) {
        pins.put(
            o,
            o.identity() == null || o.identity().isBlank()
                ? BLANK_IDENTITY
                : perIdentity.get(String.valueOf(o.identity())) > 1 ? SHARED_IDENTITY : NONE);
      }
      return pins;
    }
  }

  /**
   * One YAML document: a comment naming the live id, {@code kind}, an {@code id:} pin if needed,
   * fields.
   */
  static String document(LiveObject o, ObjectNode canonical, Pin pin) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("kind", o.kind().name());
    if (pin != Pin.NONE) {
      doc.set("id", o.id().json());
    }
    doc.setAll(canonical);
    String comment =
        "# PostHog %s id %s%s\n"
            .formatted(o.kind().name(), o.id(), pin.comment.formatted(o.kind().name()));
    return comment + yaml(doc);
  }

  /** A mapping as YAML in export's style, ending in a newline. */
  static String yaml(ObjectNode doc) {
    try {
      String yaml = YAML.writeValueAsString(doc).replace("\r\n", "\n");
      return yaml.endsWith("\n") ? yaml : yaml + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
