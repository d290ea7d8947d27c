package io.posthoggitops.lifecycle;

import io.posthoggitops.impact.Calls;
import io.posthoggitops.kind.Usage.Standing;
import io.posthoggitops.model.SourceLocation;

/**
 * A declared flag as {@code lifecycle} found it.
 *
 * @param key its key
 * @param source where it is declared
 * @param calls its calls in the period, or null when they were not counted
 * @param standing where PostHog says it stands, or null when it is not live yet
 */
public record DeclaredFlag(String key, SourceLocation source, Calls calls, Standing standing) {}
