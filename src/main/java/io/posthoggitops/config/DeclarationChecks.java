package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Declaration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every check on the declarations read (docs/commands/validate.md): each document against its
 * kind's shapes, rules and reference slots, then across documents (identities, references).
 */
final class DeclarationChecks {

  private DeclarationChecks() {}

  static void check(List<ReadDocument> documents, Findings findings) {
    List<ReferenceUse> references = new ArrayList<>();
    for (ReadDocument read : documents) {
      Declaration declaration = read.declaration();
      if (declaration.tombstone()) {
        continue;
      }
      Kind kind = declaration.kind();
      String label = kind.name() + " `" + declaration.identity() + "`";
      ShapeChecker.check(read.document(), kind, label, findings);
      DocumentContext context = new DocumentContext(read, findings);
      kind.check(context);
      SlotValues.check(context, references);
    }
    IdentityChecks.check(documents, findings);
    ReferenceChecks.check(documents, references, findings);
  }

  /** Field checks for a document whose identity is missing, so its other problems show too. */
  static void checkUnidentified(ParsedDocument document, Findings findings) {
    JsonNode kindName = document.root().path("kind");
    if (!document.root().path("deleted").asBoolean(false)) {
      Kinds.named(kindName.asText())
          .ifPresent(kind -> ShapeChecker.check(document, kind, "this " + kind.name(), findings));
    }
  }
}
