/**
 * {@code lifecycle} (docs/commands/lifecycle.md): which declared flags are dead, fully rolled out
 * or inactive, from PostHog's usage fields and one HogQL query; and, from a source tree, which
 * declared flags no code references and which keys code evaluates that no declaration names.
 */
package io.posthoggitops.lifecycle;
