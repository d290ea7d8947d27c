package io.posthoggitops.config;

import java.util.List;

/** Every check of DESIGN.md §4 on the declarations read, per document and across documents. */
final class DeclarationChecks {

  private DeclarationChecks() {}

  static void check(List<ReadDocument> documents, Findings findings) {
    // filled in below
  }
}
