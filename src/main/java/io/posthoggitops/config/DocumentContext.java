package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.SourceLocation;
import java.util.List;

/**
 * One declaration being checked: its fields, where they are written, and where problems and
 * references found in it go.
 */
record DocumentContext(ReadDocument read, Findings findings, List<ReferenceUse> references) {

  Declaration declaration() {
    return read.declaration();
  }

  JsonNode fields() {
    return read.declaration().fields();
  }

  /** An error at the value of the pointer. */
  void errorAtValue(String pointer, String message) {
    findings.error(read.document().value(pointer), message);
  }

  /** An error at the key of the pointer (or the start of an array item). */
  void errorAtKey(String pointer, String message) {
    findings.error(read.document().key(pointer), message);
  }

  SourceLocation valueLocation(String pointer) {
    return read.document().value(pointer);
  }

  /** Records a reference by name to another declared object, for {@link ReferenceChecks}. */
  void refer(Kind target, String name, String pointer) {
    references.add(new ReferenceUse(declaration(), target, name, valueLocation(pointer)));
  }

  static String quote(String pointer) {
    return "`" + FieldPath.label(pointer) + "`";
  }
}
