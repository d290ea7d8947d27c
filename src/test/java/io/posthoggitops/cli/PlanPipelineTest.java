package io.posthoggitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.posthoggitops.TestKinds;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.model.Declaration;
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
        pinnedId == null ? null : LiveId.of(pinnedId),
        tombstone,
        JsonNodeFactory.instance.objectNode(),
        Set.of(),
        new SourceLocation("f.yaml", 1, 1),
        Map.of());
  }

  @Test
  void documentsGoneSinceTheBaseAreRemovedAndThoseStillDeclaredAreNot() {
    Declaration kept = doc(TestKinds.FEATURE_FLAG, "kept", null, false);
    Declaration gone = doc(TestKinds.FEATURE_FLAG, "gone", null, false);
    Declaration sameNameOtherKind = doc(TestKinds.COHORT, "kept", null, false);

    var removed =
        PlanPipeline.removedSince(
            List.of(kept, gone, sameNameOtherKind),
            List.of(doc(TestKinds.FEATURE_FLAG, "kept", null, false)));

    assertThat(removed).containsExactly(gone, sameNameOtherKind);
  }

  @Test
  void aRenamedDocumentPinnedByIdIsNotRemoved() {
    Declaration before = doc(TestKinds.COHORT, "Beta", 42L, false);

    assertThat(
            PlanPipeline.removedSince(
                List.of(before), List.of(doc(TestKinds.COHORT, "Beta testers", 42L, false))))
        .isEmpty();
  }

  @Test
  void aTombstoneAtTheBaseIsNotDeletedTwice() {
    assertThat(
            PlanPipeline.removedSince(List.of(doc(TestKinds.ACTION, "old", null, true)), List.of()))
        .isEmpty();
  }
}
