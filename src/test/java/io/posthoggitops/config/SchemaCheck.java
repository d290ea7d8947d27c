package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The generated JSON Schema, compiled once, applied to YAML documents as an editor would. */
public final class SchemaCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Schema SCHEMA = compile();

  private SchemaCheck() {}

  private static Schema compile() {
    try {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(JSON.writeValueAsString(FormatSchema.generate()), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the schema says is wrong with one document; empty when it accepts it. */
  public static List<String> errors(JsonNode document) {
    try {
      List<Error> errors = SCHEMA.validate(JSON.writeValueAsString(document), InputFormat.JSON);
      return errors.stream().map(Error::toString).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documents of a YAML text. */
  public static List<JsonNode> documents(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(yaml)) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }
}
