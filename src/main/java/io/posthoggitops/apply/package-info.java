/**
 * Executing a plan: the approval gate, staleness checks, ordered writes, id substitution, the apply
 * report.
 */
package io.posthoggitops.apply;
