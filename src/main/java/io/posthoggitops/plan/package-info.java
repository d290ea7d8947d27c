/**
 * The kind-agnostic pipeline from (declarations, live state) to a {@link
 * io.posthoggitops.plan.Plan}: canonicalise, match, resolve references, decide, order, build
 * requests. Pure functions driven by each kind's {@link io.posthoggitops.kind.Kind}; problems come
 * back as diagnostics.
 */
package io.posthoggitops.plan;
