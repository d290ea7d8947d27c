package io.posthoggitops.live;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * PostHog's endpoints that only read but are asked by POST, behind the impact in plans: the HogQL
 * query endpoint and the flag blast-radius estimate (docs/impact.md). Each request is sent once and
 * never retried, since every HogQL attempt counts against the key's 120 an hour, and a plan never
 * waits for advice.
 */
public interface AdvisoryApi {

  /**
   * POSTs {@code body} to {@code path} (relative to {@code /api/projects/{project}/}) once.
   *
   * @throws ApiException on any failure: a status other than 2xx, no answer in time, no JSON
   */
  ObjectNode post(String path, ObjectNode body);
}
