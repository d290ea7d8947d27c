package io.posthoggitops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The block YAML reader returns exactly what SnakeYAML's path returns (trees, key and value
 * positions) for every text it reads, and leaves every other text to it.
 */
class BlockYamlReaderTest {

  private static final List<String> READ_HERE =
      List.of(
          "",
          "# only a comment\n",
          "kind: FeatureFlag\nkey: a\nactive: true\nrollout: 50\nratio: 0.5\nnothing: null\n",
          "a:\n  b:\n    - 1\n    - two\n    - 'three'\n  c: \"d\"\n",
          "list:\n- x\n- y: 1\n  z: 2\nafter: 3\n",
          "- a: 1\n  b:\n  - c\n- d\n",
          "  indented: root\n  second: 2\n",
          "\"n\": 0\n'y': 'it''s'\nq: \"tab\\tnew\\nline \\\"quoted\\\" \\u00e9 \\\\\"\n",
          "empty_list: []\nempty_map: {}\n",
          "a: value # comment\nb: 'quoted'   # comment\n# between\nc:   # comment\n  d: 1\n",
          "url: https://example.com/a#b\ntime: 12:30\nneg: -5\ndash: -x\nsp: a  b  \n",
          "$feature/x: 1\nkey.with-dots_and/slash: 2\n",
          "text: ünïcödé · ✓\n",
          "a:\n\n  b: 1\n\n\nc: 2\n",
          "k: yes\nl: on\nm: 1_000\nn: 0x1F\no: 1e3\np: .5\nq: ~\n",
          "a: |\n  block\n",
          "tiles:\n  - text: |-\n      ## Heading\n      Second line.\n    color: blue\n",
          "a: |\n  one\n\n    indented # not a comment\n  # nor this\n\nb: 2\n",
          "a:\n  b: |-   \n    x: 1\n    - y\n# after\n  c: 3\n",
          "n: 0\nm: -12\no: 123456789\np: 1234567890\nq: 007\nr: -0\ns: +5\n");

  private static final List<String> LEFT_TO_SNAKEYAML =
      List.of(
          "a: 1\n---\nb: 2\n",
          "a: >\n  folded\n",
          "a: |+\n  kept\n\n",
          "a: |2\n   indicated\n",
          "a: | # comment\n  x\n",
          "a: |\n\n  leading blank\n",
          "a: |\n  x\n     \n  y\n",
          "a: |\nb: 1\n",
          "a: |\n  no line break",
          "- |\n  in a list\n",
          "a: |\n    x\n  y\n",
          "a: plain\n  continued\n",
          "a: \"quoted\n  on two lines\"\n",
          "a: &x 1\nb: *x\n",
          "a: !tag 1\n",
          "a: [1, 2]\n",
          "a: {b: 1}\n",
          "a: 1\na: 2\n",
          "a:\nb: 1\n",
          "a:\n",
          "\ta: 1\n",
          "a: 1\r\nb: 2\r\n",
          "\uFEFFa: 1\n",
          "a: b: c\n",
          "a: b:\n",
          "a: - b\n",
          "a: -\n",
          "- - a\n",
          "-\n  a: 1\n",
          "? complex\n: key\n",
          "key with space: 1\n",
          "a : 1\n",
          "a: 1\n b: 2\n",
          "a:\n  - 1\n  b: 2\n",
          "a: 'x' y\n",
          "a: \"\\x41\"\n",
          "a: \"\\ud83d\\ude00\"\n",
          "a: 😀\n",
          "a\u2028: 1\n",
          "%YAML 1.2\n---\na: 1\n",
          "a: 1\n...\n",
          "just a scalar\n",
          "a: @x\n",
          "a: `x`\n",
          "a: b\n- c\n",
          "- a\nb: 1\n");

  @Test
  void everyYamlFileOfTheRepositoryIsReadAsSnakeYamlReadsIt() throws IOException {
    int readHere = 0;
    int files = 0;
    for (Path root : List.of(Path.of("examples"), Path.of("src/test/resources"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : walk.filter(p -> p.toString().matches(".*\\.ya?ml")).toList()) {
          files++;
          if (sameAsSnakeYaml(file.toString(), Files.readString(file))) {
            readHere++;
          }
        }
      }
    }
    // A third are plain block YAML (the rest have flow collections or several documents), enough
    // to show both readers agree on real declarations.
    assertThat(readHere).isGreaterThan(files / 4);
  }

  @Test
  void plainBlockYamlIsReadHereToWhatSnakeYamlReads() {
    for (String text : READ_HERE) {
      assertThat(sameAsSnakeYaml("t.yaml", text)).as(text).isTrue();
    }
  }

  @Test
  void everythingElseIsLeftToSnakeYaml() {
    for (String text : LEFT_TO_SNAKEYAML) {
      assertThat(BlockYamlReader.read("t.yaml", text)).as(text).isEmpty();
    }
  }

  /**
   * Literal block scalars in every arrangement of blank, comment-like and more indented lines, and
   * what follows them: each is read here to SnakeYAML's tree and positions, or left to it.
   */
  @Test
  void literalBlockScalarsAreReadAsSnakeYamlReadsThemOrLeftToIt() {
    List<String> headers = List.of("|", "|-", "|+", "| ", "|-  ");
    List<String> bodies =
        List.of(
            "  x\n",
            "  x\n  y\n",
            "  x\n\n  y\n",
            "  x\n \n  y\n",
            "  x\n    deeper\n  back\n",
            "    deep\n  shallow\n",
            "  # hash\n  x: 1\n",
            "  x\n\n\n",
            "  x\n  ",
            "  x");
    List<String> tails = List.of("", "b: 2\n", "# c\nb: 2\n", " b: 2\n", "- 3\n");
    int readHere = 0;
    for (String header : headers) {
      for (String body : bodies) {
        for (String tail : tails) {
          for (String prefix : List.of("", "top:\n  - ")) {
            String text =
                prefix + "a: " + header + "\n" + indent(body, prefix) + indent(tail, prefix);
            if (sameAsSnakeYaml("t.yaml", text)) {
              readHere++;
            }
          }
        }
      }
    }
    assertThat(readHere).isGreaterThan(50);
  }

  private static String indent(String lines, String prefix) {
    return prefix.isEmpty() ? lines : lines.replaceAll("(?m)^(?=.)", "    ");
  }

  @ParameterizedTest
  @ValueSource(ints = {100_000, 100_001})
  void aScalarPastTheLimitIsLeftToSnakeYamlWhichReportsIt(int length) {
    String text = "a: " + "x".repeat(length) + "\n";
    assertThat(BlockYamlReader.read("t.yaml", text).isPresent())
        .isEqualTo(length <= YamlTreeReader.MAX_SCALAR);
  }

  /**
   * True when the block reader read the text, to what SnakeYAML's path reads; false if it left it.
   */
  private static boolean sameAsSnakeYaml(String file, String text) {
    Optional<List<ParsedDocument>> here = BlockYamlReader.read(file, text);
    if (here.isEmpty()) {
      return false;
    }
    YamlTreeReader.Result snake = YamlTreeReader.readWithSnakeYaml(file, text);
    assertThat(snake.diagnostics()).as(file).isEmpty();
    assertThat(here.get()).as(file).hasSameSizeAs(snake.documents());
    for (int i = 0; i < snake.documents().size(); i++) {
      ParsedDocument mine = here.get().get(i);
      ParsedDocument theirs = snake.documents().get(i);
      assertThat(mine.root()).as(file).isEqualTo(theirs.root());
      assertThat(mine.start()).as(file).isEqualTo(theirs.start());
      assertThat(mine.keyLocations()).as(file).isEqualTo(theirs.keyLocations());
      assertThat(mine.valueLocations()).as(file).isEqualTo(theirs.valueLocations());
    }
    return true;
  }
}
