package io.posthoggitops.plan;

/**
 * Where a plan comes from, saved with it (never the API key).
 *
 * @param formatVersion the saved-plan format, currently 1
 * @param toolVersion the posthog-gitops version that made it
 * @param apiUrl the API base URL planned against ({@code snapshot:FILE} for a snapshot)
 * @param projectId the numeric project id
 * @param projectName the project's name
 * @param gitCommit the commit of the declarations, or null outside git
 * @param gitDirty whether the work tree had uncommitted changes
 * @param environment the environment name, or null
 */
public record PlanMetadata(
    int formatVersion,
    String toolVersion,
    String apiUrl,
    long projectId,
    String projectName,
    String gitCommit,
    boolean gitDirty,
    String environment) {}
