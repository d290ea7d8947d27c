package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Every check of DESIGN.md §4 on the declarations read, per document and across documents. */
final class DeclarationChecks {

  private DeclarationChecks() {}

  static void check(List<ReadDocument> documents, Findings findings) {
    List<ReferenceUse> references = new ArrayList<>();
    for (ReadDocument read : documents) {
      Declaration declaration = read.declaration();
      if (declaration.tombstone()) {
        continue;
      }
      String label = declaration.kind().yamlName() + " `" + declaration.identity() + "`";
      ShapeChecker.check(read.document(), declaration.kind(), label, findings);
      kindChecks(declaration.kind()).accept(new DocumentContext(read, findings, references));
    }
    IdentityChecks.check(documents, findings);
    ReferenceChecks.check(documents, references, findings);
  }

  /** Field checks for a document whose identity is missing, so its other problems show too. */
  static void checkUnidentified(ParsedDocument document, Findings findings) {
    JsonNode kindName = document.root().path("kind");
    if (!document.root().path("deleted").asBoolean(false)) {
      Kind.fromYamlName(kindName.asText())
          .ifPresent(
              kind -> ShapeChecker.check(document, kind, "this " + kind.yamlName(), findings));
    }
  }

  private static Consumer<DocumentContext> kindChecks(Kind kind) {
    return switch (kind) {
      case FEATURE_FLAG -> FlagChecks::check;
      case COHORT -> CohortChecks::check;
      case EXPERIMENT -> ExperimentChecks::check;
      case DASHBOARD -> DashboardChecks::check;
      case ACTION -> doc -> {};
    };
  }
}
