package io.posthoggitops.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveStateReaderTest {

  /** Answers each kind with the objects of its list fixture, recording what was asked. */
  private static final class FixtureApi implements PostHogApi {
    final List<Kind> listed = new ArrayList<>();

    @Override
    public ProjectInfo project() {
      return new ProjectInfo(4242, "Acme Web");
    }

    @Override
    public Set<String> organizationFeatures() {
      return Set.of("tagging");
    }

    @Override
    public List<ObjectNode> list(Kind kind) {
      listed.add(kind);
      String fixture =
          switch (kind) {
            case ACTION -> "action.list.json";
            case COHORT -> "cohort.list.json";
            case FEATURE_FLAG -> "feature_flag.list.json";
            case EXPERIMENT -> "experiment.list.json";
            case DASHBOARD -> "dashboard.list.json";
          };
      List<ObjectNode> items = new ArrayList<>();
      Fixtures.load(fixture).get("results").forEach(item -> items.add((ObjectNode) item));
      return items;
    }

    @Override
    public ObjectNode get(String path) {
      throw new AssertionError("no single GETs expected");
    }

    @Override
    public ObjectNode write(String method, String path, ObjectNode body) {
      throw new AssertionError("reading never writes");
    }
  }

  @Test
  void readsAllFiveKindsWithIdsAndIdentities() {
    FixtureApi api = new FixtureApi();

    LiveState state = LiveStateReader.read(api, "https://api.maton.ai/posthog");

    assertThat(api.listed).containsExactly(Kind.values());
    assertThat(state.projectId()).isEqualTo(4242);
    assertThat(state.organizationFeatures()).containsExactly("tagging");
    assertThat(state.of(Kind.ACTION))
        .extracting(LiveObject::address)
        .containsExactly("Action/User signed up", "Action/Viewed pricing page");
    assertThat(state.of(Kind.FEATURE_FLAG))
        .extracting(LiveObject::id)
        .containsExactly(4821L, 4790L);
    assertThat(state.of(Kind.EXPERIMENT)).allMatch(e -> !e.identity().isEmpty());
    assertThat(state.of(Kind.DASHBOARD)).hasSize(2);
  }
}
