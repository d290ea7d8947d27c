package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.FieldPath;
import io.posthoggitops.kind.JsonNodes;
import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.SourceLocation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a YAML text into JSON trees, one per document, remembering where every key, array item and
 * value is written. SnakeYAML's node graph is used rather than Jackson's databind because its marks
 * are where a key or value starts, not where the parser happened to stop. Plain block YAML, such as
 * every file {@code export} writes, is read by {@link BlockYamlReader} instead, to the same trees
 * and positions at a fraction of the CPU.
 */
final class YamlTreeReader {

  private static final JsonNodeFactory NODES = JsonNodes.FACTORY;
  private static final int MAX_DEPTH = 64;

  /**
   * The most values one document may hold once its aliases are expanded (docs/safety.md): far more
   * than any object needs, far fewer than a few nested aliases can multiply into.
   */
  static final int MAX_VALUES = 100_000;

  /** The longest scalar read: a long query or markdown text fits many times over. */
  static final int MAX_SCALAR = 100_000;

  /** A document that grew past a limit; it is reported once and not read further. */
  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  private int valuesRead;

  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private Map<String, SourceLocation> keys;
  private Map<String, SourceLocation> values;

  private YamlTreeReader(String file) {
    this.file = file;
  }

  /** The documents of the text and the syntax problems found; reading stops at a syntax error. */
  static Result read(String file, String text) {
    return BlockYamlReader.read(file, text)
        .map(documents -> new Result(documents, List.of()))
        .orElseGet(() -> readWithSnakeYaml(file, text));
  }

  /** What {@link #read} returns for any text, through SnakeYAML's general reader. */
  static Result readWithSnakeYaml(String file, String text) {
    return new YamlTreeReader(file).readAll(text);
  }

  record Result(List<ParsedDocument> documents, List<Diagnostic> diagnostics) {}

  private Result readAll(String text) {
    List<ParsedDocument> documents = new ArrayList<>();
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setCodePointLimit((int) DeclarationFiles.MAX_BYTES);
    try {
      // What Yaml.composeAll does, without building a Yaml (its constructor and representer) per
      // file: a tenth of reading a large project.
      Composer composer =
          new Composer(
              new ParserImpl(new StreamReader(new StringReader(text)), options),
              new UntypedResolver(),
              options);
      while (composer.checkNode()) {
        Node node = composer.getNode();
        if (!isEmpty(node)) {
          try {
            documents.add(document(node));
          } catch (TooLarge e) {
            // reported where it grew too large; the next documents are still read
          }
        }
      }
    } catch (MarkedYAMLException e) {
      diagnostics.add(Diagnostic.error(at(markOf(e)), syntaxMessage(e)));
    } catch (YAMLException e) {
      diagnostics.add(Diagnostic.error(SourceLocation.unknown(file), limitMessage(e)));
    }
    return new Result(documents, diagnostics);
  }

  /** SnakeYAML's own limits, unmarked, in words that say what to change. */
  private static String limitMessage(YAMLException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Nesting Depth exceeded")) {
      return "invalid YAML: lists and mappings are nested more than 50 levels deep, which no"
          + " PostHog object needs; it was not read further. Flatten the document.";
    }
    if (message.startsWith("Number of aliases")) {
      return "invalid YAML: more than 50 aliases to lists or mappings; it was not read further."
          + " Write the values out instead of repeating them with aliases.";
    }
    return "invalid YAML: " + message + "; fix the file and run validate again.";
  }

  private ParsedDocument document(Node node) {
    keys = new HashMap<>();
    values = new HashMap<>();
    valuesRead = 0;
    JsonNode root = convert(node, "", 0);
    return new ParsedDocument(root, at(node.getStartMark()), keys, values);
  }

  private JsonNode convert(Node node, String pointer, int depth) {
    if (++valuesRead > MAX_VALUES) {
      diagnostics.add(
          Diagnostic.error(
              at(node.getStartMark()),
              "this document holds more than "
                  + MAX_VALUES
                  + " values once its aliases are expanded (an alias repeats all it names); it was"
                  + " not read further. Write the values out, or split the document."));
      throw new TooLarge();
    }
    values.put(pointer, at(node.getStartMark()));
    if (depth > MAX_DEPTH) {
      diagnostics.add(
          Diagnostic.error(
              at(node.getStartMark()), "YAML nested too deeply (or a recursive alias)."));
      return NODES.nullNode();
    }
    if (node instanceof MappingNode mapping) {
      return object(mapping, pointer, depth);
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = NODES.arrayNode();
      for (Node item : sequence.getValue()) {
        String itemPointer = pointer + "/" + array.size();
        keys.put(itemPointer, at(item.getStartMark()));
        array.add(convert(item, itemPointer, depth + 1));
      }
      return array;
    }
    ScalarNode scalar = (ScalarNode) node;
    if (scalar.getValue().length() > MAX_SCALAR) {
      diagnostics.add(
          Diagnostic.error(
              at(node.getStartMark()),
              "this value holds "
                  + scalar.getValue().length()
                  + " characters, more than the "
                  + MAX_SCALAR
                  + " a value may hold; shorten it."));
      return NODES.nullNode();
    }
    return YamlScalars.resolve(scalar.getValue(), scalar.isPlain());
  }

  private ObjectNode object(MappingNode mapping, String pointer, int depth) {
    ObjectNode object = NODES.objectNode();
    Map<String, Node> firstKeys = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        diagnostics.add(
            Diagnostic.error(
                at(keyNode.getStartMark()),
                "a key must be a plain string, not a list or mapping."));
        continue;
      }
      // Interned: thousands of documents share a few hundred keys, and keep them for the run.
      String key = keyScalar.getValue().intern();
      Node first = firstKeys.putIfAbsent(key, keyNode);
      if (first != null) {
        diagnostics.add(
            Diagnostic.error(
                at(keyNode.getStartMark()),
                "duplicate key `"
                    + key
                    + "` (first at line "
                    + (first.getStartMark().getLine() + 1)
                    + "); remove one of them."));
        continue;
      }
      String memberPointer = FieldPath.member(pointer, key);
      keys.put(memberPointer, at(keyNode.getStartMark()));
      object.set(key, convert(tuple.getValueNode(), memberPointer, depth + 1));
    }
    return object;
  }

  /**
   * Resolves no implicit tags: plain scalars are typed by {@link YamlScalars}, and no tag is read,
   * so matching each scalar against SnakeYAML's patterns (a tenth of reading) bought nothing.
   */
  private static final class UntypedResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {}
  }

  private static boolean isEmpty(Node node) {
    return node instanceof ScalarNode scalar && scalar.isPlain() && scalar.getValue().isEmpty();
  }

  private static Mark markOf(MarkedYAMLException e) {
    return e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
  }

  private static String syntaxMessage(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "unreadable YAML" : e.getProblem();
    if (problem.startsWith("expected <block end>")) {
      problem = "this line is indented differently from the lines it belongs with";
    } else if (problem.startsWith("mapping values are not allowed")) {
      problem =
          "a `:` here starts a mapping where none can start (quote the value if it contains `: `)";
    }
    String context =
        e.getContextMark() == null || e.getContext() == null
            ? ""
            : " (" + e.getContext() + " at line " + (e.getContextMark().getLine() + 1) + ")";
    return "YAML syntax error: " + problem + context + "; check the indentation and quoting here.";
  }

  private SourceLocation at(Mark mark) {
    if (mark == null) {
      return SourceLocation.unknown(file);
    }
    return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
  }
}
