/**
 * What a kind is: the {@link io.posthoggitops.kind.Kind} interface the shared pipeline works on,
 * and the vocabulary kinds are described in (field specs and shapes, reference slots, canonical
 * form hooks, requests, JSON equality). Depends on nothing of this project, so the kinds and every
 * stage can use it.
 */
package io.posthoggitops.kind;
