/**
 * Feature flags: field specs, the shapes of {@code filters}, PostHog's own rules, the canonical
 * form of both sides, and where cohort and flag references sit.
 */
package io.posthoggitops.kinds.featureflag;
