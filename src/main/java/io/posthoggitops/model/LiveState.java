package io.posthoggitops.model;

import io.posthoggitops.kind.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything read from one PostHog project: the objects of every kind, the organisation's product
 * features (to know whether {@code tags} and {@code evaluation_contexts} are stored), and the
 * change requests open in it (docs/approvals.md).
 *
 * @param apiUrl the API base URL it was read from (never the key)
 * @param projectId the numeric project id
 * @param projectName the project's name, for headers
 * @param organizationFeatures keys of {@code available_product_features} (e.g. {@code tagging})
 * @param objects live objects per kind, in the order PostHog listed them
 * @param unavailable kinds this PostHog does not serve (their list answered 404)
 * @param changeRequests change requests pending or approved in the project, newest first; none
 *     where the organisation lacks PostHog's approvals
 */
public record LiveState(
    String apiUrl,
    long projectId,
    String projectName,
    Set<String> organizationFeatures,
    Map<Kind, List<LiveObject>> objects,
    Set<Kind> unavailable,
    List<ChangeRequest> changeRequests) {

  public LiveState(
      String apiUrl,
      long projectId,
      String projectName,
      Set<String> organizationFeatures,
      Map<Kind, List<LiveObject>> objects,
      Set<Kind> unavailable) {
    this(apiUrl, projectId, projectName, organizationFeatures, objects, unavailable, List.of());
  }

  public LiveState(
      String apiUrl,
      long projectId,
      String projectName,
      Set<String> organizationFeatures,
      Map<Kind, List<LiveObject>> objects) {
    this(apiUrl, projectId, projectName, organizationFeatures, objects, Set.of(), List.of());
  }

  public List<LiveObject> of(Kind kind) {
    return objects.getOrDefault(kind, List.of());
  }
}
