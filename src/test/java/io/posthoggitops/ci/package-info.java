/**
 * Tests of what runs in GitHub Actions: the workflow files and the action checked for consistency,
 * and the reusable workflows' steps run on this machine against a loopback PostHog and GitHub.
 */
package io.posthoggitops.ci;
