package io.posthoggitops.lifecycle;

import io.posthoggitops.impact.AdvisoryFailure;
import io.posthoggitops.impact.Calls;
import io.posthoggitops.impact.UsageCounts;
import io.posthoggitops.impact.UsageQuery;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.live.AdvisoryApi;
import io.posthoggitops.live.LiveStateReader;
import io.posthoggitops.live.PostHogApi;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Reads what {@code lifecycle} judges from: the live flags (their usage fields come with the list),
 * their calls over the period in one HogQL query, and the source tree. The query is advisory here
 * too: when PostHog cannot answer it, flags are judged by {@code last_called_at} alone, with one
 * warning.
 */
public final class LifecycleRun {

  /**
   * @param warning why calls were not counted, if they were not
   */
  public record Result(LifecycleReport report, Origin origin, Optional<String> warning) {}

  private LifecycleRun() {}

  /**
   * @param advisory the advisory client for the resolved project id
   * @param code the source tree to scan, or null
   */
  public static Result run(
      List<Declaration> declarations,
      PostHogApi api,
      String apiUrl,
      LongFunction<AdvisoryApi> advisory,
      Path code,
      Instant now,
      int days) {
    CodeReferences references = code == null ? null : CodeScan.scan(code);
    List<LiveObject> live = new ArrayList<>();
    Map<String, Calls> rows = new HashMap<>();
    boolean complete = true;
    String warning = null;
    for (Kind kind : Kinds.all()) {
      if (kind.usage().isEmpty()) {
        continue;
      }
      List<LiveObject> objects = LiveStateReader.toLiveObjects(kind, api.list(kind));
      live.addAll(objects);
      List<String> keys = FlagLifecycle.liveKeys(declarations, objects);
      if (keys.isEmpty() || warning != null) {
        continue;
      }
      try {
        UsageCounts counts =
            UsageQuery.ask(advisory.apply(api.project().id()), kind.usage().get(), keys, days);
        rows.putAll(counts.rows());
        complete &= counts.complete();
      } catch (AdvisoryFailure e) {
        warning =
            "calls not counted: "
                + e.getMessage()
                + " Flags are judged by the last call PostHog recorded (last_called_at) alone.";
      }
    }
    UsageCounts counts = warning == null ? new UsageCounts(rows, complete) : null;
    FlagLifecycle.Inputs inputs =
        new FlagLifecycle.Inputs(declarations, live, counts, references, now, days);
    PostHogApi.ProjectInfo project = api.project();
    return new Result(
        FlagLifecycle.report(inputs),
        new Origin(project.id(), project.name(), apiUrl),
        Optional.ofNullable(warning));
  }
}
