package io.posthoggitops.config;

import io.posthoggitops.model.Declaration;

/** A declaration together with the parsed document it came from (for positions of values). */
record ReadDocument(Declaration declaration, ParsedDocument document) {}
