/**
 * Immutable data shared by every stage: kinds and their field specs, declarations, live objects,
 * diagnostics. No I/O.
 */
package io.posthoggitops.model;
