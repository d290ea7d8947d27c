/** Picocli commands and mixins and the exit-code mapping: parse, wire, pick a view; no logic. */
package io.posthoggitops.cli;
