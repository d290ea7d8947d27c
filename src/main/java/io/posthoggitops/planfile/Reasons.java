package io.posthoggitops.planfile;

import io.posthoggitops.plan.DeleteReason;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a saved plan writes why a delete is planned: {@code tombstone}, {@code removed since REF
 * (FILE)} or {@code --prune}, as format version 1 always has.
 */
final class Reasons {

  private static final Pattern REMOVED = Pattern.compile("removed since (\\S+) \\((.*)\\)");

  private Reasons() {}

  static String text(DeleteReason reason) {
    return switch (reason.cause()) {
      case TOMBSTONE -> "tombstone";
      case REMOVED_SINCE_BASE -> "removed since %s (%s)".formatted(reason.baseRef(), reason.file());
      case PRUNE -> "--prune";
    };
  }

  static Optional<DeleteReason> parse(String text) {
    if ("tombstone".equals(text)) {
      return Optional.of(DeleteReason.tombstone());
    }
    if ("--prune".equals(text)) {
      return Optional.of(DeleteReason.prune());
    }
    Matcher removed = REMOVED.matcher(text);
    return removed.matches()
        ? Optional.of(DeleteReason.removedSince(removed.group(1), removed.group(2)))
        : Optional.empty();
  }
}
