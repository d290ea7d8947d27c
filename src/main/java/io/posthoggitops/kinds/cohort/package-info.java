/**
 * Cohorts: field specs, the shapes of the AND/OR filter tree, PostHog's rules for leaves and static
 * queries, the canonical form, and where cohort and action references sit.
 */
package io.posthoggitops.kinds.cohort;
