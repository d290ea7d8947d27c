/**
 * The GitHub side of CI: the REST client (on the JDK's HTTP client, paginating by the Link header),
 * the sticky pull-request comment, the drift issue and the workflow-command annotations. The token
 * is read from the environment GitHub Actions sets and never appears in output
 * (docs/ci.md#the-github-command).
 */
package io.posthoggitops.github;
