/** Unified diffs of canonical YAML (java-diff-utils); renders nothing. */
package io.posthoggitops.diff;
