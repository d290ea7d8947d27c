package io.posthoggitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs the code and the markdown point at exist: pages cited in comments, relative links and
 * their anchors. Documents outside the repository are never cited.
 */
class DocumentationTest {

  private static final Pattern CITED = Pattern.compile("docs/[A-Za-z0-9_./-]+\\.md(#[a-z0-9-]+)?");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);

  private static List<Path> files(String root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of(root))) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static List<Path> markdown() throws IOException {
    List<Path> pages = new ArrayList<>(files("docs", ".md"));
    pages.add(Path.of("README.md"));
    pages.add(Path.of("CONTRIBUTING.md"));
    return pages;
  }

  @Test
  void everyPageTheCodeCitesExists() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path source : files("src/main/java", ".java")) {
      Matcher cited = CITED.matcher(Files.readString(source));
      while (cited.find()) {
        if (!resolves(null, cited.group())) {
          missing.add(source + " cites " + cited.group());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : markdown()) {
      Matcher link = LINK.matcher(Files.readString(page));
      while (link.find()) {
        String target = link.group(1);
        if (!target.matches("[a-z]+:.*") && !resolves(page, target)) {
          broken.add(page + " links " + target);
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void noDocumentOutsideTheRepositoryIsCited() throws IOException {
    List<Path> sources = new ArrayList<>(files("src/main", ".java"));
    sources.addAll(markdown());
    for (Path source : sources) {
      assertThat(Files.readString(source))
          .as(source.toString())
          .doesNotContain("DESIGN.md", "CONTRACT.md");
    }
  }

  /**
   * {@code page.md#anchor}, or {@code #anchor} within {@code from}: the file exists and holds the
   * heading.
   *
   * @param from the page holding the link, or null for a path from the repository root
   */
  private static boolean resolves(Path from, String target) throws IOException {
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    Path base = from == null ? Path.of("") : from.toAbsolutePath().getParent();
    Path page = file.isEmpty() ? from : base.resolve(file).normalize();
    if (page == null || !Files.exists(page)) {
      return false;
    }
    return hash < 0
        || !Files.isDirectory(page) && anchors(page).contains(target.substring(hash + 1));
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
  private static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new HashSet<>();
    Matcher heading = HEADING.matcher(Files.readString(page));
    while (heading.find()) {
      anchors.add(
          heading
              .group(1)
              .trim()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N} _-]", "")
              .replace(' ', '-'));
    }
    return anchors;
  }
}
