/**
 * Dashboards: field specs and tile shapes, the canonical form of tiles, the requests that make live
 * tiles match declared ones (insights, the {@code tiles} PATCH), and what apply learns from them.
 */
package io.posthoggitops.kinds.dashboard;
