package io.posthoggitops.impact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.Usage;
import io.posthoggitops.live.AdvisoryApi;
import io.posthoggitops.live.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one HogQL query a run sends (docs/impact.md#usage): calls and distinct persons per key, read
 * from the answer's rows by the column names asked for.
 */
public final class UsageQuery {

  static final String PATH = "query/";
  private static final List<String> COLUMNS = List.of("key", "calls", "persons");

  private UsageQuery() {}

  /**
   * @throws AdvisoryFailure when PostHog refuses, does not answer, or answers without rows
   */
  public static UsageCounts ask(AdvisoryApi api, Usage usage, List<String> keys, int days) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("query").put("kind", "HogQLQuery").put("query", usage.callsQuery(keys, days));
    ObjectNode answer;
    try {
      answer = api.post(PATH, body);
    } catch (ApiException e) {
      throw AdvisoryFailure.of(e, true);
    }
    return read(answer);
  }

  static UsageCounts read(JsonNode answer) {
    JsonNode results = answer.get("results");
    if (results == null || !results.isArray()) {
      throw new AdvisoryFailure(
          "PostHog answered the usage query without rows"
              + (answer.path("query_status").path("complete").asBoolean(true)
                  ? ""
                  : " (it is still running)")
              + "; run again later.");
    }
    int[] at = columns(answer.path("columns"));
    Map<String, Calls> rows = new LinkedHashMap<>();
    for (JsonNode row : results) {
      JsonNode key = row.path(at[0]);
      if (key.isTextual()) {
        rows.put(key.asText(), new Calls(count(row.path(at[1])), count(row.path(at[2]))));
      }
    }
    return new UsageCounts(rows, !answer.path("hasMore").asBoolean(false));
  }

  /** Where key, calls and persons sit in each row: by name, else in the order asked for. */
  private static int[] columns(JsonNode names) {
    int[] at = {0, 1, 2};
    for (int i = 0; i < names.size(); i++) {
      int wanted = COLUMNS.indexOf(names.get(i).asText());
      if (wanted >= 0) {
        at[wanted] = i;
      }
    }
    return at;
  }

  /** ClickHouse's 64-bit counts may arrive as text. */
  private static long count(JsonNode value) {
    if (value.canConvertToLong()) {
      return value.asLong();
    }
    try {
      return value.isTextual() ? Long.parseLong(value.asText().trim()) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
