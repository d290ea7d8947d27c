package io.posthoggitops.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.ChangeAction;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveKey;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.model.SourceLocation;
import io.posthoggitops.model.UserError;
import io.posthoggitops.plan.Change;
import io.posthoggitops.plan.OwnedObjects;
import io.posthoggitops.plan.Plan;
import io.posthoggitops.plan.ReferenceTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code export --env NAME} into a folder that already holds declarations
 * (docs/format/environments.md): what the environment's project holds differently is written into
 * the documents on disk, so one folder describes every environment. An object declared but missing
 * there gets {@code only:} without the environment; one changed there gets an {@code environments:
 * {NAME: ...}} override of the fields that differ; one that exists only there is a new file with
 * {@code only: [NAME]}. Text is added at the end of each document, so the rest of the file
 * (comments, layout) stays as it is; a document that already has those keys is named for an edit by
 * hand rather than rewritten.
 */
public final class EnvironmentExport {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern DOCUMENT_END = Pattern.compile("^(---|\\.\\.\\.)(\\s.*)?$");
  private static final Pattern OUR_KEYS = Pattern.compile("^(environments|only)\\s*:.*");

  /**
   * @param written files changed or added, in writing order
   * @param byHand what could not be added to a document, one line each
   */
  public record Result(List<Path> written, List<String> byHand) {}

  private final String environment;
  private final List<String> environments;
  private final LiveState live;
  private final ReferenceTable refs;
  private final Map<String, List<Insertion>> insertions = new LinkedHashMap<>();
  private final List<String> byHand = new ArrayList<>();

  /** Text to add before line {@code beforeLine} (0-based) of a file. */
  private record Insertion(int beforeLine, String text) {}

  private EnvironmentExport(String environment, List<String> environments, LiveState live) {
    this.environment = environment;
    this.environments = environments;
    this.live = live;
    this.refs = ReferenceTable.live(live);
  }

  /**
   * @param plan the declarations as {@code environment} sees them, planned against its project
   * @param declared those declarations
   * @param environments every environment of the config file, in order
   * @param dir where new files go, as export lays them out
   */
  public static Result write(
      Plan plan,
      List<Declaration> declared,
      LiveState live,
      String environment,
      List<String> environments,
      Set<Kind> kinds,
      Path dir) {
    EnvironmentExport export = new EnvironmentExport(environment, environments, live);
    Map<SourceLocation, Declaration> bySource = new LinkedHashMap<>();
    declared.forEach(d -> bySource.put(d.location(), d));
    for (Change change : plan.changes()) {
      Declaration source = bySource.get(change.source());
      if (source != null && kinds.contains(change.kind())) {
        export.add(change, source);
      }
    }
    Map<Path, String> files = export.edited(dir);
    files.putAll(export.newFiles(declared, kinds, dir, files.keySet()));
    ExportFolder folder = new ExportFolder(dir);
    folder.refuseLinks(files.keySet());
    files.forEach(folder::write);
    folder.checkWritten(files);
    List<Path> written = files.keySet().stream().map(dir::resolve).toList();
    return new Result(written, export.byHand);
  }

  private void add(Change change, Declaration source) {
    if (change.action() == ChangeAction.CREATE) {
      List<String> others = new ArrayList<>(environments);
      others.remove(environment);
      insert(source, "only", "only: [" + String.join(", ", others) + "]\n");
    } else if (change.action() == ChangeAction.UPDATE) {
      LiveObject object = liveObject(change);
      ObjectNode override = EnvironmentOverrides.of(change, source, exported(object));
      if (!override.isEmpty()) {
        ObjectNode block = JSON.objectNode();
        block.putObject("environments").set(environment, override);
        insert(source, "environments", ExportWriter.yaml(block));
      }
    }
  }

  private ObjectNode exported(LiveObject object) {
    return ExportWriter.exported(object, refs, live.organizationFeatures());
  }

  private LiveObject liveObject(Change change) {
    LiveKey key = new LiveKey(change.kind(), change.liveId());
    return live.of(change.kind()).stream()
        .filter(o -> o.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("a planned update names a live object"));
  }

  /** Queues {@code text} at the end of the document, unless it already has the key. */
  private void insert(Declaration source, String key, String text) {
    SourceLocation at = source.location();
    List<String> lines = lines(Path.of(at.file()));
    int start = at.line() - 1;
    int end = start + 1;
    while (end < lines.size() && !DOCUMENT_END.matcher(lines.get(end)).matches()) {
      end++;
    }
    boolean flow = lines.get(start).substring(at.column() - 1).startsWith("{");
    boolean hasKeys =
        lines.subList(start, end).stream().anyMatch(l -> OUR_KEYS.matcher(l).matches());
    if (flow || hasKeys) {
      byHand.add(
          at
              + ": add to "
              + source.kind().name()
              + " `"
              + source.identity()
              + "` by hand (it "
              + (flow ? "is written in flow style" : "already has environments: or only:")
              + "):\n"
              + text.indent(4).stripTrailing());
      return;
    }
    insertions.computeIfAbsent(at.file(), f -> new ArrayList<>()).add(new Insertion(end, text));
  }

  /**
   * Each file with the queued text added, last insertion first so line numbers hold, by its path
   * inside {@code dir}.
   */
  private Map<Path, String> edited(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    Map<Path, String> files = new LinkedHashMap<>();
    for (Map.Entry<String, List<Insertion>> file : insertions.entrySet()) {
      Path path = Path.of(file.getKey());
      List<String> lines = new ArrayList<>(lines(path));
      TreeMap<Integer, String> byLine = new TreeMap<>();
      file.getValue().forEach(i -> byLine.merge(i.beforeLine(), i.text(), String::concat));
      byLine.descendingMap().forEach((line, text) -> lines.add(line, text.stripTrailing()));
      files.put(
          root.relativize(path.toAbsolutePath().normalize()), String.join("\n", lines) + "\n");
    }
    return files;
  }

  /** One file with {@code only: [NAME]} for each live object that nothing here declares. */
  private Map<Path, String> newFiles(
      List<Declaration> declared, Set<Kind> kinds, Path dir, Set<Path> taken) {
    Set<Address> addresses =
        declared.stream().map(Declaration::address).collect(Collectors.toSet());
    Set<LiveKey> pinned =
        declared.stream()
            .filter(d -> d.pinnedId() != null)
            .map(Declaration::pinnedKey)
            .collect(Collectors.toSet());
    OwnedObjects owned = OwnedObjects.of(live);
    Map<Path, String> files = new LinkedHashMap<>();
    for (Kind kind : Kinds.all()) {
      List<LiveObject> alone =
          live.of(kind).stream()
              .filter(o -> kinds.contains(kind) && !owned.owns(o))
              .filter(o -> !addresses.contains(o.address()) && !pinned.contains(o.key()))
              .toList();
      Map<LiveObject, String> names = ExportFileNames.assign(alone);
      Map<LiveObject, ExportWriter.Pin> pins = ExportWriter.Pin.of(alone);
      for (LiveObject o : alone) {
        Path file = Path.of(kind.folderName(), names.get(o) + ".yaml");
        if (inUse(file, dir, taken)) {
          // a plain file name never holds "--", so this one is another object's only by choice
          file = Path.of(kind.folderName(), names.get(o) + "--" + environment + ".yaml");
        }
        if (inUse(file, dir, taken)) {
          throw new UserError(
              "export --env %s would write %s for %s, which holds other declarations; nothing was written. Move that file, then export again."
                  .formatted(environment, dir.resolve(file), o.address()));
        }
        String document = ExportWriter.document(o, exported(o), pins.get(o));
        files.put(file, document + "only: [" + environment + "]\n");
      }
    }
    return files;
  }

  private static boolean inUse(Path file, Path dir, Set<Path> taken) {
    return taken.contains(file) || Files.exists(dir.resolve(file), LinkOption.NOFOLLOW_LINKS);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage() + ".");
    }
  }
}
