package io.posthoggitops.render;

import io.posthoggitops.model.LiveObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * File names for exported resources, unique by construction within a kind folder, also on file
 * systems that ignore case (docs/commands/export.md#file-names):
 *
 * <ul>
 *   <li>the identity slugged to lower-case {@code [a-z0-9-]}, runs of anything else folded into one
 *       {@code -}, at most {@value #MAX_SLUG} characters;
 *   <li>where that slug alone does not tell objects apart (two names folding to one slug, a slug
 *       cut to length, a blank or non-ASCII name), {@code --<id>} is appended.
 * </ul>
 *
 * A plain slug never holds {@code --}, so a plain name never equals a suffixed one, and suffixed
 * names differ by their ids.
 */
final class ExportFileNames {

  static final int MAX_SLUG = 80;

  private ExportFileNames() {}

  static Map<LiveObject, String> assign(List<LiveObject> objects) {
    Map<LiveObject, String> bases = new HashMap<>();
    Set<LiveObject> ambiguous = new HashSet<>();
    for (LiveObject o : objects) {
      String slug = slug(o.identity());
      if (slug.isEmpty()) {
        ambiguous.add(o);
        slug = o.identity() == null || o.identity().isBlank() ? "unnamed" : kindSlug(o);
      } else if (slug.length() > MAX_SLUG) {
        ambiguous.add(o);
        slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
      }
      bases.put(o, slug);
    }
    Map<String, Long> counts =
        objects.stream().collect(Collectors.groupingBy(bases::get, Collectors.counting()));
    Map<LiveObject, String> names =
        objects.stream()
            .collect(
                Collectors.toMap(
                    Function.identity(),
                    o ->
                        ambiguous.contains(o) || counts.get(bases.get(o)) > 1
                            ? bases.get(o) + "--" + slug(o.id().value())
                            : bases.get(o)));
    if (new HashSet<>(names.values()).size() != names.size()) {
      throw new IllegalStateException("two exported objects were given one file name: " + names);
    }
    return names;
  }

  /** Lower-case {@code [a-z0-9-]}, no leading, trailing or doubled {@code -}; empty if none. */
  static String slug(String identity) {
    String slug =
        identity == null ? "" : identity.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("^-+|-+$", "");
  }

  private static String kindSlug(LiveObject o) {
    return o.kind().name().toLowerCase(Locale.ROOT);
  }
}
