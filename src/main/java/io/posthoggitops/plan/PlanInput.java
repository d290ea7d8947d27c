package io.posthoggitops.plan;

import io.posthoggitops.model.Address;
import io.posthoggitops.model.Declaration;
import io.posthoggitops.model.LiveState;
import java.util.List;

/**
 * Everything the planner needs; it does no I/O.
 *
 * @param declarations the documents under PATH
 * @param live the live state (from the API or a snapshot)
 * @param removedSinceBase documents present at {@code --base REF} and gone now (empty without it)
 * @param baseRef the {@code --base} ref, or null
 * @param prune whether {@code --prune} was given
 * @param pruneIgnore glob patterns of {@code prune.ignore} ({@code KIND/IDENTITY} globs)
 * @param targets {@code --target KIND/IDENTITY} addresses; empty means everything
 * @param metadata provenance for the saved plan
 */
public record PlanInput(
    List<Declaration> declarations,
    LiveState live,
    List<Declaration> removedSinceBase,
    String baseRef,
    boolean prune,
    List<String> pruneIgnore,
    List<Address> targets,
    PlanMetadata metadata) {}
