package io.posthoggitops.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.Usage.Standing;
import io.posthoggitops.lifecycle.DeclaredFlag;
import io.posthoggitops.lifecycle.LifecycleReport;
import io.posthoggitops.lifecycle.Origin;
import io.posthoggitops.lifecycle.StrayKey;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code lifecycle --format json} (docs/commands/lifecycle.md#json). */
public final class LifecycleJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LifecycleJson() {}

  public static String render(Origin origin, LifecycleReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("api_url", origin.apiUrl());
    root.put("project_id", origin.projectId());
    root.put("project_name", origin.projectName());
    root.put("days", report.days());
    root.put("declared_flags", report.declared());
    flags(root.putArray("dead"), report.dead());
    flags(root.putArray("fully_rolled_out"), report.fullyRolledOut());
    flags(root.putArray("inactive"), report.inactive());
    if (report.code() != null) {
      root.putObject("code")
          .put("folder", report.code().folder())
          .put("files", report.code().files())
          .put("skipped", report.code().skipped());
      flags(root.putArray("unreferenced"), report.unreferenced());
      strays(root.putArray("stray_keys"), report.strays());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static void flags(ArrayNode out, List<DeclaredFlag> flags) {
    for (DeclaredFlag flag : flags) {
      ObjectNode node = out.addObject();
      node.put("key", flag.key());
      node.put("source", flag.source().toString());
      if (flag.calls() != null) {
        node.put("calls", flag.calls().calls());
        node.put("persons", flag.calls().persons());
      }
      Standing standing = flag.standing();
      if (standing != null) {
        node.put("serving", standing.serving());
        node.put("archived", standing.archived());
        node.put("fully_rolled_out", standing.fullyRolledOut());
        time(node, "last_called_at", standing.lastCalledAt());
        time(node, "created_at", standing.createdAt());
        time(node, "changed_at", standing.changedAt());
      }
    }
  }

  private static void time(ObjectNode node, String field, Optional<Instant> value) {
    node.put(field, value.map(Instant::toString).orElse(null));
  }

  private static void strays(ArrayNode out, List<StrayKey> strays) {
    for (StrayKey stray : strays) {
      out.addObject()
          .put("key", stray.first().key())
          .put("file", stray.first().file())
          .put("line", stray.first().line())
          .put("column", stray.first().column())
          .put("call", stray.first().call())
          .put("places", stray.places())
          .put("why", stray.why().name().toLowerCase(Locale.ROOT))
          .put("suggestion", stray.suggestion());
    }
  }
}
