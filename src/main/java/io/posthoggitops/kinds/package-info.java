/**
 * The kinds there are: {@link io.posthoggitops.kinds.Kinds} lists them, and each lives in a package
 * of its own below this one, holding everything particular to it. Nothing outside these packages
 * names a concrete kind.
 */
package io.posthoggitops.kinds;
