/**
 * Immutable data shared by every stage: declarations, live objects and state, typed addresses and
 * live keys, diagnostics. No I/O.
 */
package io.posthoggitops.model;
