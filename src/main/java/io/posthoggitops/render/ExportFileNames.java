package io.posthoggitops.render;

import io.posthoggitops.model.LiveObject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * File names for exported resources: the identity slugged to {@code [a-z0-9-]}; names that two
 * resources of one kind would share get each resource's id appended, so no file overwrites another.
 */
final class ExportFileNames {

  private ExportFileNames() {}

  static Map<LiveObject, String> assign(List<LiveObject> objects) {
    Map<String, Long> counts =
        objects.stream()
            .collect(Collectors.groupingBy(o -> slug(o.identity()), Collectors.counting()));
    Map<LiveObject, String> names = new HashMap<>();
    for (LiveObject o : objects) {
      String slug = slug(o.identity());
      names.put(o, counts.get(slug) > 1 ? slug + "-" + o.id() : slug);
    }
    return names;
  }

  static String slug(String identity) {
    String slug =
        identity == null ? "" : identity.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "unnamed" : slug;
  }
}
