package io.posthoggitops.config;

import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.Kind;
import io.posthoggitops.model.SourceLocation;

/** A reference by name, e.g. {@code {cohort: Beta testers}}, and where it is written. */
record ReferenceUse(Declaration from, Kind target, String name, SourceLocation location) {}
