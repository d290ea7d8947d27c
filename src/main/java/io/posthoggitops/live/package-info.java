/**
 * The PostHog/Maton REST client (retries, rate limit, pagination) and reading live state and
 * snapshots.
 */
package io.posthoggitops.live;
