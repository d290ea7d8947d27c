package io.posthoggitops.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.TestKinds;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kinds.Kinds;
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
      // feature_flags/ is answered with feature_flag.list.json, and so on.
      String fixture = kind.resource().replaceFirst("s$", "") + ".list.json";
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
  void readsEveryKindWithIdsAndIdentities() {
    FixtureApi api = new FixtureApi();

    LiveState state = LiveStateReader.read(api, "https://api.maton.ai/posthog");

    assertThat(api.listed).containsExactlyElementsOf(Kinds.all());
    assertThat(state.projectId()).isEqualTo(4242);
    assertThat(state.organizationFeatures()).containsExactly("tagging");
    assertThat(state.of(TestKinds.ACTION))
        .extracting(o -> o.address().toString())
        .containsExactly("Action/User signed up", "Action/Viewed pricing page");
    assertThat(state.of(TestKinds.FEATURE_FLAG))
        .extracting(LiveObject::id)
        .containsExactly(LiveId.of(4821), LiveId.of(4790));
    assertThat(state.of(TestKinds.EXPERIMENT)).allMatch(e -> !e.identity().isEmpty());
    assertThat(state.of(TestKinds.DASHBOARD)).hasSize(2);
  }
}
