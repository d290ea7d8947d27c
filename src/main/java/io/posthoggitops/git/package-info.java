/** The only package that imports JGit: declarations at a git ref, commit provenance. */
package io.posthoggitops.git;
