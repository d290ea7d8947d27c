package io.posthoggitops.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.TestKinds;
import io.posthoggitops.kind.LiveId;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.ChangeRequest;
import io.posthoggitops.model.LiveObject;
import io.posthoggitops.model.LiveState;
import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotsTest {

  @TempDir Path dir;

  private static LiveState state() {
    ObjectNode flag = Fixtures.load("feature_flag.retrieve.json");
    ObjectNode experiment = Fixtures.load("experiment.retrieve.json");
    return new LiveState(
        "https://api.maton.ai/posthog",
        4242,
        "Acme Web",
        Set.of("tagging", "sso"),
        Map.of(
            TestKinds.FEATURE_FLAG,
                LiveStateReader.toLiveObjects(TestKinds.FEATURE_FLAG, List.of(flag)),
            TestKinds.EXPERIMENT,
                LiveStateReader.toLiveObjects(TestKinds.EXPERIMENT, List.of(experiment))));
  }

  @Test
  void writesTheSharedFormatWithStableKeyOrderAndATrailingNewline() {
    String json = Snapshots.toJson(state());

    assertThat(json)
        .startsWith(
            """
        {
          "format_version" : 1,
          "api_url" : "https://api.maton.ai/posthog",
          "project" : {
            "id" : 4242,
            "name" : "Acme Web"
          },
          "organization_features" : [ "sso", "tagging" ],
          "objects" : {
            "Action" : [ ],
            "Cohort" : [ ],
            "FeatureFlag" : [ {
              "id" : 4821,""");
    assertThat(json).endsWith("}\n").doesNotEndWith("\n\n");
    assertThat(Snapshots.toJson(state())).isEqualTo(json);
  }

  @Test
  void readsBackWhatItWrote() {
    Path file = dir.resolve("live.json");
    Snapshots.write(state(), file);

    LiveState read = Snapshots.read(file);

    assertThat(read.projectId()).isEqualTo(4242);
    assertThat(read.projectName()).isEqualTo("Acme Web");
    assertThat(read.organizationFeatures()).containsExactlyInAnyOrder("tagging", "sso");
    assertThat(read.of(TestKinds.FEATURE_FLAG))
        .extracting(o -> o.address().toString())
        .containsExactly("FeatureFlag/new-checkout-flow");
    assertThat(read.of(TestKinds.EXPERIMENT))
        .extracting(LiveObject::id)
        .containsExactly(LiveId.of(77));
    assertThat(read.objects()).containsOnlyKeys(Kinds.all());
    assertThat(Snapshots.toJson(read)).isEqualTo(Snapshots.toJson(state()));
  }

  @Test
  void keepsOpenChangeRequestsAndWritesTheKeyOnlyWhenThereAreSome() {
    LiveState plain = state();
    ObjectNode request =
        (ObjectNode) Fixtures.load("change_request.list.json").get("results").get(0);
    LiveState withRequest =
        new LiveState(
            plain.apiUrl(),
            plain.projectId(),
            plain.projectName(),
            plain.organizationFeatures(),
            plain.objects(),
            Set.of(),
            List.of(ChangeRequest.of(request)));
    Path file = dir.resolve("live.json");
    Snapshots.write(withRequest, file);

    LiveState read = Snapshots.read(file);

    assertThat(Snapshots.toJson(plain)).doesNotContain("change_requests");
    assertThat(read.changeRequests())
        .extracting(ChangeRequest::id)
        .containsExactly("3f9c2a54-8d1e-4c7b-9a60-2b7f0e5d1c88");
    assertThat(Snapshots.toJson(read)).isEqualTo(Snapshots.toJson(withRequest));
  }

  @Test
  void anUnknownKindIsAnErrorNamingTheFile() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("s.json"),
            "{\"format_version\":1,\"project\":{\"id\":1,\"name\":\"x\"},\"objects\":{\"Survey\":[]}}");

    assertThatThrownBy(() -> Snapshots.read(file))
        .isInstanceOf(UserError.class)
        .hasMessage(
            file
                + ": not a snapshot: unknown kind 'Survey' under objects; known kinds: "
                + Kinds.names()
                + ".");
  }

  @Test
  void anUnknownFormatVersionIsAnError() throws IOException {
    Path file =
        Files.writeString(dir.resolve("s.json"), "{\"format_version\":2,\"project\":{\"id\":1}}");

    assertThatThrownBy(() -> Snapshots.read(file))
        .hasMessageStartingWith(file + ": unsupported snapshot format_version 2");
  }

  @Test
  void brokenJsonIsAnErrorWithItsPosition() throws IOException {
    Path file = Files.writeString(dir.resolve("s.json"), "{\"format_version\":1,\n\"project\": }");

    assertThatThrownBy(() -> Snapshots.read(file))
        .hasMessageStartingWith(file + ":2:")
        .hasMessageContaining("does not parse");
  }

  @Test
  void jsonNestedTooDeepIsAnErrorNamingTheFile() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("deep.json"),
            "{\"format_version\":1,\"project\":" + "[".repeat(3000) + "]".repeat(3000) + "}");

    assertThatThrownBy(() -> Snapshots.read(file))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("not a snapshot, the JSON does not parse")
        .hasMessageContaining("nesting depth");
  }
}
