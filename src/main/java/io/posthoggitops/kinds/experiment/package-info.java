/**
 * Experiments: field specs and shapes, PostHog's rules for variants, the canonical form, the
 * lifecycle ({@code status} through {@code launch}/{@code end}), and the flag each one owns.
 */
package io.posthoggitops.kinds.experiment;
