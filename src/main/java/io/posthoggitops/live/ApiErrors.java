package io.posthoggitops.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a failed answer into one sentence a person can act on: the request, the status, PostHog's
 * {@code detail}/{@code attr}, and what to do next. Nothing here ever sees the API key.
 */
final class ApiErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_CHARS = 300;

  /** What to do when Maton holds several PostHog connections for the key and none was named. */
  private static final String CHOOSE_CONNECTION =
      "Maton has several PostHog connections for this key and none was chosen; pick one by setting"
          + " MATON_CONNECTION (or --connection, or connection: in posthog-gitops.yaml) to its"
          + " connection id. The ids are on the Maton dashboard, or listed by: curl -s"
          + " 'https://ctrl.maton.ai/connections?app=posthog&status=ACTIVE' -H \"Authorization:"
          + " Bearer $MATON_API_KEY\" (docs/connecting.md#several-maton-connections).";

  private final boolean viaMaton;
  private final String secret;

  /**
   * @param viaMaton whether the API URL is Maton's gateway, which changes what 400/500 mean
   * @param secret the API key, masked wherever a server echoes it back into an answer
   */
  ApiErrors(boolean viaMaton, String secret) {
    this.viaMaton = viaMaton;
    this.secret = secret;
  }

  private String scrub(String text) {
    return text == null || secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
  }

  ApiException fromReply(String method, String path, HttpTransport.HttpReply reply, int attempts) {
    if (reply.status() == 409) {
      Optional<ApprovalRequiredException> gated =
          ApprovalRequiredException.from(method, path, json(reply.body()));
      if (gated.isPresent()) {
        return gated.get();
      }
    }
    ErrorBody body = ErrorBody.parse(reply.body());
    String request = method + " " + path + " failed with " + reply.status();
    String said = body.describe();
    String sentence =
        switch (reply.status()) {
          case 401 ->
              request
                  + said
                  + ": the API key was rejected; check that MATON_API_KEY (or POSTHOG_API_KEY) holds a current key.";
          case 403 ->
              request
                  + said
                  + ": the key lacks a permission; give it the scope named above (or use a key that has it).";
          case 404 -> notFound(request, said, body);
          case 429, 502, 503, 504 ->
              request
                  + said
                  + " after "
                  + attempts
                  + " attempt"
                  + (attempts == 1 ? "" : "s")
                  + ": "
                  + unavailable(reply.status());
          default -> otherStatus(request, said, reply.status(), body);
        };
    if (isConnectionRequired(reply.status(), body)) {
      sentence = request + said + ": " + CHOOSE_CONNECTION;
    } else if (isMatonConnectionAnswer(reply.status(), body)) {
      sentence =
          request
              + said
              + ": Maton has no usable PostHog connection for this key; create one in Maton, or set MATON_CONNECTION (or --connection) to the connection id.";
    }
    return new ApiException(reply.status(), scrub(body.detail), scrub(body.attr), scrub(sentence));
  }

  private static JsonNode json(String text) {
    try {
      return text == null ? null : JSON.readTree(text);
    } catch (IOException notJson) {
      return null;
    }
  }

  ApiException unreachable(
      String method, String path, String host, IOException cause, int attempts) {
    String what = describe(cause);
    return new ApiException(
        0,
        null,
        null,
        method
            + " "
            + path
            + " got no answer from "
            + host
            + " after "
            + attempts
            + " attempt"
            + (attempts == 1 ? "" : "s")
            + " ("
            + what
            + "); check the network, any proxy, and the API URL (--api-url / POSTHOG_GITOPS_API_URL).");
  }

  /**
   * An answer that cannot be trusted; {@code problem} is a clause such as "the body is not JSON".
   */
  /** The failure in words; the exception classes of the JDK and Netty mean little to a user. */
  private static String describe(IOException cause) {
    String detail = cause.getMessage() == null ? "" : ": " + cause.getMessage();
    if (cause instanceof java.net.ConnectException) {
      return "connection refused" + detail;
    }
    if (cause instanceof JdkHttpTransport.AnswerTooLarge) {
      return cause.getMessage();
    }
    if (cause instanceof java.net.UnknownHostException) {
      return "unknown host" + detail;
    }
    if (cause instanceof java.net.http.HttpTimeoutException
        || cause instanceof java.net.SocketTimeoutException) {
      return "timed out" + detail;
    }
    return cause.getClass().getSimpleName() + detail;
  }

  ApiException unusable(String method, String path, int status, String problem) {
    return new ApiException(
        status,
        null,
        null,
        method
            + " "
            + path
            + " answered "
            + status
            + ", but "
            + scrub(problem)
            + "; nothing was planned from it. Run again; if it persists, check that the API URL points at PostHog or Maton.");
  }

  private String notFound(String request, String said, ErrorBody body) {
    if (body.detail != null && body.detail.toLowerCase(Locale.ROOT).contains("project not found")) {
      return request
          + said
          + ": no such project for this key; check --project / POSTHOG_GITOPS_PROJECT (or project: in posthog-gitops.yaml).";
    }
    return request + said + ": the object or path does not exist; check the API URL and project.";
  }

  private String unavailable(int status) {
    return status == 429
        ? "the request budget stayed exhausted; wait a minute, or lower rate_limit_per_minute in posthog-gitops.yaml."
        : "the API is unavailable; try again later.";
  }

  private String otherStatus(String request, String said, int status, ErrorBody body) {
    if (status == 500 && viaMaton) {
      return request
          + said
          + ": through Maton a 500 usually means the connection's PostHog authorisation expired; re-create (re-authorise) the PostHog connection in Maton, then run again.";
    }
    if (status >= 500) {
      return request + said + ": PostHog had an internal error; try again later.";
    }
    String fix = body.attr != null ? "fix the field '" + body.attr + "'" : "fix the request";
    return request + said + ": " + fix + " and run again.";
  }

  /**
   * Maton's answer when the key has several connections for the app and the request named none: its
   * code {@code connection_required}, which no PostHog answer carries, on any 4xx.
   */
  private static boolean isConnectionRequired(int status, ErrorBody body) {
    return status >= 400
        && status < 500
        && !body.isPostHogEnvelope()
        && body.raw.contains("connection_required");
  }

  /** Maton answers 400 (or 404) with its own body when the key has no connection for the app. */
  private boolean isMatonConnectionAnswer(int status, ErrorBody body) {
    return viaMaton
        && (status == 400 || status == 404)
        && !body.isPostHogEnvelope()
        && body.raw.toLowerCase(Locale.ROOT).contains("connection");
  }

  /** PostHog's {@code {type, code, detail, attr}} envelope, or the raw text when it is not one. */
  private record ErrorBody(String type, String detail, String attr, String raw) {

    static ErrorBody parse(String text) {
      String raw = text == null ? "" : text;
      try {
        JsonNode node = JSON.readTree(raw);
        if (node != null && node.isObject()) {
          return new ErrorBody(textOf(node, "type"), firstText(node), textOf(node, "attr"), raw);
        }
      } catch (IOException notJson) {
        // Proxies and load balancers answer in HTML or plain text; shown below as raw text.
      }
      return new ErrorBody(null, null, null, raw);
    }

    /** The first message field; Maton nests its own as {@code {"error": {"message": …}}}. */
    private static String firstText(JsonNode node) {
      JsonNode error = node.get("error");
      if (error != null && error.isObject() && firstText(error) != null) {
        return firstText(error);
      }
      for (String field : new String[] {"detail", "message", "error"}) {
        String value = textOf(node, field);
        if (value != null) {
          return value;
        }
      }
      return null;
    }

    private static String textOf(JsonNode node, String field) {
      JsonNode value = node.get(field);
      return value == null || value.isNull()
          ? null
          : value.isTextual() ? value.asText() : value.toString();
    }

    boolean isPostHogEnvelope() {
      return type != null;
    }

    /** {@code (detail; attr: x)} or a trimmed raw body; empty when the body is empty. */
    String describe() {
      if (detail != null) {
        return " (" + detail + (attr != null ? "; attr: " + attr : "") + ")";
      }
      String trimmed = raw.strip().replaceAll("\\s+", " ");
      if (trimmed.isEmpty()) {
        return "";
      }
      return " ("
          + (trimmed.length() > MAX_BODY_CHARS
              ? trimmed.substring(0, MAX_BODY_CHARS) + "…"
              : trimmed)
          + ")";
    }
  }
}
