package io.posthoggitops.lifecycle;

import java.util.List;
import java.util.Set;

/**
 * What a source tree says about flag keys.
 *
 * @param folder the folder scanned, as given
 * @param files the source files read
 * @param skipped source files left unread: over {@link CodeScan#MAX_FILE_BYTES}, or unreadable
 * @param literals every key-like string literal in them
 * @param calls the keys passed as literals to flag calls, by file, then line
 */
public record CodeReferences(
    String folder, int files, int skipped, Set<String> literals, List<KeyInCode> calls) {}
