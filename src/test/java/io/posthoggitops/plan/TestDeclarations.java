package io.posthoggitops.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.KindSpec;
import io.posthoggitops.model.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads declaration YAML into {@link Declaration}s with the position of every key, enough for
 * planner tests (no validation: that is the loader's job).
 */
public final class TestDeclarations {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TestDeclarations() {}

  /** Every {@code *.yaml} under {@code dir}, files in name order. */
  public static List<Declaration> readDir(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Declaration> all = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        all.addAll(read(dir.relativize(f).toString(), Files.readString(f)));
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Declaration> read(String file, String yaml) {
    List<Declaration> out = new ArrayList<>();
    try (JsonParser p = YAML.createParser(yaml)) {
      while (p.nextToken() != null) {
        SourceLocation start = at(file, p.currentTokenLocation());
        Map<String, SourceLocation> locations = new HashMap<>();
        JsonNode doc = node(p, "", file, locations);
        out.add(declaration(file, (ObjectNode) doc, start, locations));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Declaration declaration(
      String file, ObjectNode doc, SourceLocation start, Map<String, SourceLocation> locations) {
    Kind kind = Kind.fromYamlName(doc.path("kind").asText()).orElseThrow();
    ObjectNode fields = doc.deepCopy();
    fields.remove(KindSpec.COMMON_KEYS);
    Set<String> ignore = new LinkedHashSet<>();
    doc.path("ignore_changes").forEach(n -> ignore.add(n.asText()));
    Long pin = doc.has("id") ? doc.get("id").asLong() : null;
    return new Declaration(kind, fields.path(kind.identityField()).asText(null), pin,
        doc.path("deleted").asBoolean(false), fields, ignore, start, locations);
  }

  private static JsonNode node(JsonParser p, String pointer, String file, Map<String, SourceLocation> locations)
      throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = NODES.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
        locations.put(child, at(file, p.currentTokenLocation()));
        p.nextToken();
        object.set(name, node(p, child, file, locations));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      var array = NODES.arrayNode();
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        String child = pointer + "/" + i++;
        locations.put(child, at(file, p.currentTokenLocation()));
        array.add(node(p, child, file, locations));
      }
      return array;
    }
    return scalar(p, token);
  }

  private static JsonNode scalar(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_NUMBER_INT -> NODES.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> NODES.textNode(p.getText());
    };
  }

  private static SourceLocation at(String file, JsonLocation location) {
    return new SourceLocation(file, location.getLineNr(), location.getColumnNr());
  }
}
