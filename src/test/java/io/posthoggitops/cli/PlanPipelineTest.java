package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanPipelineTest {

  private static Declaration doc(Kind kind, String identity, Long pinnedId, boolean tombstone) {
    return new Declaration(
        kind,
        identity,
        pinnedId,
        tombstone,
        JsonNodeFactory.instance.objectNode(),
        Set.of(),
        new SourceLocation("f.yaml", 1, 1),
        Map.of());
  }

  @Test
  void documentsGoneSinceTheBaseAreRemovedAndThoseStillDeclaredAreNot() {
    Declaration kept = doc(Kind.FEATURE_FLAG, "kept", null, false);
    Declaration gone = doc(Kind.FEATURE_FLAG, "gone", null, false);
    Declaration sameNameOtherKind = doc(Kind.COHORT, "kept", null, false);

    var removed =
        PlanPipeline.removedSince(
            List.of(kept, gone, sameNameOtherKind),
            List.of(doc(Kind.FEATURE_FLAG, "kept", null, false)));

    assertThat(removed).containsExactly(gone, sameNameOtherKind);
  }

  @Test
  void aRenamedDocumentPinnedByIdIsNotRemoved() {
    Declaration before = doc(Kind.COHORT, "Beta", 42L, false);

    assertThat(
            PlanPipeline.removedSince(
                List.of(before), List.of(doc(Kind.COHORT, "Beta testers", 42L, false))))
        .isEmpty();
  }

  @Test
  void aTombstoneAtTheBaseIsNotDeletedTwice() {
    assertThat(PlanPipeline.removedSince(List.of(doc(Kind.ACTION, "old", null, true)), List.of()))
        .isEmpty();
  }
}
