package io.posthoggitops.lifecycle;

/**
 * Where {@code lifecycle} read PostHog, for the views' headers.
 *
 * @param apiUrl the API base URL (never the key)
 */
public record Origin(long projectId, String projectName, String apiUrl) {}
