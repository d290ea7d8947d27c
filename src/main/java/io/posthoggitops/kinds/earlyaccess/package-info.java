/**
 * Early access features: field specs, PostHog's rules, the link to their flag (a reference slot,
 * read back from the nested {@code feature_flag}), archiving as their removal, and the flag
 * enrollment they write.
 */
package io.posthoggitops.kinds.earlyaccess;
