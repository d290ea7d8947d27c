package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.DocumentRules;
import io.posthoggitops.model.Declaration;

/** One declaration being checked: its fields, where they are written, and where problems go. */
record DocumentContext(ReadDocument read, Findings findings) implements DocumentRules {

  Declaration declaration() {
    return read.declaration();
  }

  @Override
  public JsonNode fields() {
    return read.declaration().fields();
  }

  @Override
  public String identity() {
    return read.declaration().identity();
  }

  @Override
  public void errorAtValue(String pointer, String message) {
    findings.error(read.document().value(pointer), message);
  }

  @Override
  public void errorAtKey(String pointer, String message) {
    findings.error(read.document().key(pointer), message);
  }

  @Override
  public void warningAtValue(String pointer, String message) {
    findings.warning(read.document().value(pointer), message);
  }
}
