/**
 * Pure functions from (declarations, live state) to a Plan: normalisation, matching, references,
 * ordering.
 */
package io.posthoggitops.plan;
