/**
 * Planner scenarios: folders under {@code src/test/resources/scenarios/} holding declarations, a
 * live snapshot and the exact plan output, run through the real {@code plan} command.
 */
package io.posthoggitops.scenario;
