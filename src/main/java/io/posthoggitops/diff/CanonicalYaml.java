package io.posthoggitops.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.PendingReference;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Canonical JSON as block-style YAML, one value per line so a line diff reads like a field diff.
 * Small leaf objects (a property filter, a variant, a reference) stay on one line in flow style;
 * keys keep the order they have; multi-line strings become literal blocks. References to objects
 * the same plan creates are marked {@code # id known after apply}.
 */
public final class CanonicalYaml {

  static final String PENDING_COMMENT = "   # id known after apply";
  private static final int FLOW_WIDTH = 120;
  private static final Pattern PLAIN_PATH_KEY = Pattern.compile("[A-Za-z0-9_$-]+");

  private final Set<Address> pending;
  private final List<YamlLine> lines = new ArrayList<>();
  private boolean pendingOnLine;

  private CanonicalYaml(Set<Address> pending) {
    this.pending = pending;
  }

  /**
   * @param pendingAddresses {@code KIND/IDENTITY} of objects the plan creates: name references to
   *     them get the "known after apply" comment
   */
  public static List<YamlLine> lines(JsonNode root, Set<Address> pendingAddresses) {
    CanonicalYaml yaml = new CanonicalYaml(pendingAddresses);
    if (root == null || root.isMissingNode()) {
      return List.of();
    }
    if (root.isObject() && !root.isEmpty()) {
      yaml.mapping(root, 0, "");
    } else {
      yaml.add(yaml.flow(root, true), "");
    }
    return List.copyOf(yaml.lines);
  }

  /** The whole document as text, lines ending in {@code \n}. */
  public static String render(JsonNode root) {
    StringBuilder out = new StringBuilder();
    lines(root, Set.of()).forEach(l -> out.append(l.text()).append('\n'));
    return out.toString();
  }

  /** One value on one line (flow style), e.g. {@code {key: control, rollout_percentage: 50}}. */
  public static String flow(JsonNode node) {
    return new CanonicalYaml(Set.of()).flow(node, false);
  }

  /** {@code parent.key}, or {@code parent["odd key"]} for keys that would read ambiguously. */
  static String childPath(String parent, String key) {
    if (!PLAIN_PATH_KEY.matcher(key).matches()) {
      return parent + "[" + YamlScalars.quoted(key) + "]";
    }
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String indexPath(String parent, int index) {
    return parent + "[" + index + "]";
  }

  private void mapping(JsonNode object, int indent, String path) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String lead = " ".repeat(indent) + YamlScalars.string(field.getKey(), false) + ":";
      entry(lead, field.getValue(), indent + 2, childPath(path, field.getKey()), false);
    }
  }

  private void sequence(JsonNode array, int indent, String path) {
    for (int i = 0; i < array.size(); i++) {
      entry(" ".repeat(indent) + "-", array.get(i), indent + 2, indexPath(path, i), true);
    }
  }

  private void entry(String lead, JsonNode value, int childIndent, String path, boolean item) {
    if (isMultiLine(value)) {
      literalBlock(lead, value.textValue(), childIndent, path);
    } else if (value.isValueNode() || value.isEmpty() || flowable(value)) {
      add(
          lead + " " + (value.isValueNode() ? YamlScalars.scalar(value, false) : flow(value, true)),
          path);
    } else if (value.isObject() && item) {
      int first = lines.size();
      mapping(value, childIndent, path);
      YamlLine line = lines.get(first);
      lines.set(first, new YamlLine(lead + " " + line.text().substring(childIndent), line.path()));
    } else {
      add(lead, path);
      if (value.isObject()) {
        mapping(value, childIndent, path);
      } else {
        sequence(value, childIndent, path);
      }
    }
  }

  private static boolean isMultiLine(JsonNode value) {
    if (!value.isTextual() || value.textValue().indexOf('\n') < 0) {
      return false;
    }
    String s = value.textValue();
    return !s.startsWith(" ") && s.indexOf('\r') < 0 && !s.isBlank();
  }

  private void literalBlock(String lead, String s, int indent, String path) {
    String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    String chomp = !s.endsWith("\n") ? "|-" : s.endsWith("\n\n") ? "|+" : "|";
    add(lead + " " + chomp, path);
    for (String line : body.split("\n", -1)) {
      add(line.isEmpty() ? "" : " ".repeat(indent) + line, path);
    }
  }

  private boolean flowable(JsonNode node) {
    boolean shallow =
        node.isArray()
            ? allScalar(node)
            : iterable(node).stream().allMatch(v -> isScalar(v) || (!v.isEmpty() && allScalar(v)));
    return shallow && flow(node, false).length() <= FLOW_WIDTH;
  }

  private static boolean allScalar(JsonNode container) {
    return iterable(container).stream().allMatch(CanonicalYaml::isScalar);
  }

  private static boolean isScalar(JsonNode node) {
    return node.isValueNode() && !(node.isTextual() && node.textValue().indexOf('\n') >= 0);
  }

  private static List<JsonNode> iterable(JsonNode container) {
    List<JsonNode> values = new ArrayList<>();
    container.elements().forEachRemaining(values::add);
    return values;
  }

  private String flow(JsonNode node, boolean markPending) {
    if (node.isValueNode()) {
      return YamlScalars.scalar(node, true);
    }
    var placeholder = PendingReference.address(node);
    if (placeholder.isPresent()) {
      pendingOnLine |= markPending;
      return placeholderText(placeholder.get());
    }
    if (markPending && isPendingNameReference(node)) {
      pendingOnLine = true;
    }
    List<String> parts = new ArrayList<>();
    if (node.isArray()) {
      node.elements().forEachRemaining(e -> parts.add(flow(e, markPending)));
      return "[" + String.join(", ", parts) + "]";
    }
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      parts.add(YamlScalars.string(f.getKey(), true) + ": " + flow(f.getValue(), markPending));
    }
    return "{" + String.join(", ", parts) + "}";
  }

  /** {@code {cohort: NAME}} for a reference by name; other placeholders as they are. */
  private static String placeholderText(String address) {
    int slash = address.indexOf('/');
    String key =
        slash < 0
            ? null
            : Kinds.named(address.substring(0, slash)).map(Kind::referenceWord).orElse(null);
    return key == null
        ? "{$ref: " + YamlScalars.string(address, true) + "}"
        : "{" + key + ": " + YamlScalars.string(address.substring(slash + 1), true) + "}";
  }

  private boolean isPendingNameReference(JsonNode node) {
    if (!node.isObject() || node.size() != 1) {
      return false;
    }
    String word = node.fieldNames().next();
    JsonNode name = node.get(word);
    Optional<Kind> kind = Kinds.byReferenceWord(word);
    return name.isTextual()
        && kind.isPresent()
        && pending.contains(new Address(kind.get(), name.textValue()));
  }

  private void add(String text, String path) {
    lines.add(new YamlLine(pendingOnLine ? text + PENDING_COMMENT : text, path));
    pendingOnLine = false;
  }
}
