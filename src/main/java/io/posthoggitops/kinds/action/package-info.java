/** Actions: field specs, the shapes of steps, and the canonical form of both sides. */
package io.posthoggitops.kinds.action;
