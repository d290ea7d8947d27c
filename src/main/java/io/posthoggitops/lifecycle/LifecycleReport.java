package io.posthoggitops.lifecycle;

import java.util.List;

/**
 * What {@code lifecycle} found, each list in key order.
 *
 * @param days the period judged
 * @param declared how many flags the declarations hold
 * @param dead serving, created before the period and not called in it
 * @param fullyRolledOut serving everyone and unchanged for the period: remove them from code
 * @param inactive disabled or archived, and unchanged for the period
 * @param unreferenced declared flags no string literal in the code names ({@code --code} only)
 * @param strays keys code evaluates that no declaration names ({@code --code} only)
 * @param code what the source tree held, or null without {@code --code}
 */
public record LifecycleReport(
    int days,
    int declared,
    List<DeclaredFlag> dead,
    List<DeclaredFlag> fullyRolledOut,
    List<DeclaredFlag> inactive,
    List<DeclaredFlag> unreferenced,
    List<StrayKey> strays,
    CodeReferences code) {

  public boolean foundAnything() {
    return !dead.isEmpty()
        || !fullyRolledOut.isEmpty()
        || !inactive.isEmpty()
        || !unreferenced.isEmpty()
        || !strays.isEmpty();
  }
}
