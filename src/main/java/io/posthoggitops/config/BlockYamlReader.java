package io.posthoggitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.posthoggitops.kind.FieldPath;
import io.posthoggitops.kind.JsonNodes;
import io.posthoggitops.model.SourceLocation;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the plain block YAML that {@code export} writes, and most people write, without SnakeYAML's
 * general scanner (most of the CPU of a large plan, docs/performance.md): one document of block
 * mappings and sequences, keys of letters, digits and {@code _$.-/} or quoted on one line, plain or
 * quoted one-line scalars, literal block scalars as values, {@code []} and {@code {}}, comments.
 * Anything else (a second document, another block or multi-line scalar, a flow collection, an
 * anchor, alias or tag, a tab, a duplicate key, an empty value, a syntax error) is left to {@link
 * YamlTreeReader}'s SnakeYAML path, so this one never has to judge YAML it does not read: what it
 * returns is what that path returns.
 */
final class BlockYamlReader {

  private static final JsonNodeFactory NODES = JsonNodes.FACTORY;
  private static final int MAX_DEPTH = 32;

  /** SnakeYAML reads a key of at most 1,024 characters on one line. */
  private static final int MAX_KEY = 1000;

  /** The text is not in the subset read here; thrown without a stack trace, caught in read. */
  private static final class NotBlockYaml extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotBlockYaml() {
      super(null, null, false, false);
    }
  }

  private static final NotBlockYaml NOT_BLOCK_YAML = new NotBlockYaml();

  private final String file;
  private final String text;

  /** Offset of each line's first character, and one past the end of the text. */
  private final int[] starts;

  /** Leading spaces of each line, or -1 for a line holding only spaces or a comment. */
  private final int[] indents;

  /** Whether the positions below are recorded. */
  private final boolean positions;

  private final Map<String, SourceLocation> keys = new HashMap<>();
  private final Map<String, SourceLocation> values = new HashMap<>();
  private int valuesRead;
  private JsonNode root;
  private SourceLocation start;

  private BlockYamlReader(
      String file, String text, int[] starts, int[] indents, boolean positions) {
    this.file = file;
    this.text = text;
    this.starts = starts;
    this.indents = indents;
    this.positions = positions;
  }

  /**
   * The documents of the text (none, or one), or empty when the text is not in the subset read
   * here. Where each key and value is written is worked out again only when first asked for (for a
   * message): held for every declaration of a run, those maps were a third of a large plan's heap.
   */
  static Optional<List<ParsedDocument>> read(String file, String text) {
    try {
      BlockYamlReader reader = parse(file, text, false);
      if (reader.root == null) {
        return Optional.of(List.of());
      }
      Positions positions = new Positions(file, text);
      return Optional.of(
          List.of(
              new ParsedDocument(
                  reader.root,
                  reader.start,
                  new Located(positions, true),
                  new Located(positions, false))));
    } catch (NotBlockYaml e) {
      return Optional.empty();
    }
  }

  private static BlockYamlReader parse(String file, String text, boolean positions) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lines++;
      } else if (!plainCharacter(c)) {
        throw NOT_BLOCK_YAML;
      }
    }
    int[] starts = new int[lines + 1];
    int[] indents = new int[lines];
    for (int i = 0, l = 1; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts[l++] = i + 1;
      }
    }
    starts[lines] = text.length() + 1;
    BlockYamlReader reader = new BlockYamlReader(file, text, starts, indents, positions);
    for (int l = 0; l < lines; l++) {
      indents[l] = reader.indentOf(l);
    }
    reader.document();
    return reader;
  }

  /** The positions of one document's keys and values, read again when first asked for. */
  private static final class Positions {
    private final String file;
    private final String text;
    private BlockYamlReader read;

    Positions(String file, String text) {
      this.file = file;
      this.text = text;
    }

    synchronized BlockYamlReader read() {
      if (read == null) {
        read = parse(file, text, true);
      }
      return read;
    }
  }

  /** JSON pointer → the key (or array item) or the value there, as the maps of SnakeYAML's path. */
  private static final class Located extends AbstractMap<String, SourceLocation> {
    private final Positions positions;
    private final boolean keys;

    Located(Positions positions, boolean keys) {
      this.positions = positions;
      this.keys = keys;
    }

    private Map<String, SourceLocation> map() {
      BlockYamlReader read = positions.read();
      return keys ? read.keys : read.values;
    }

    @Override
    public SourceLocation get(Object pointer) {
      return map().get(pointer);
    }

    @Override
    public boolean containsKey(Object pointer) {
      return map().containsKey(pointer);
    }

    @Override
    public Set<Entry<String, SourceLocation>> entrySet() {
      return Collections.unmodifiableMap(map()).entrySet();
    }
  }

  /**
   * Printable, and no tab, carriage return, byte-order mark, surrogate or line break SnakeYAML
   * counts that this reader would not.
   */
  private static boolean plainCharacter(char c) {
    return c >= 0x20 && c <= 0x7E
        || c >= 0xA0 && c < 0x2028
        || c > 0x2029 && c < 0xD800
        || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF;
  }

  private int indentOf(int l) {
    int i = starts[l];
    int end = lineEnd(l);
    if (text.startsWith("---", i) || text.startsWith("...", i) || text.startsWith("%", i)) {
      throw NOT_BLOCK_YAML; // a document marker or a directive
    }
    while (i < end && text.charAt(i) == ' ') {
      i++;
    }
    return i == end || text.charAt(i) == '#' ? -1 : i - starts[l];
  }

  private int lineEnd(int l) {
    return starts[l + 1] - 1;
  }

  private char at(int l, int column) {
    int i = starts[l] + column;
    return i < lineEnd(l) ? text.charAt(i) : '\n';
  }

  /** The first line from {@code l} on that holds something, or -1. */
  private int nextContent(int l) {
    for (int i = l; i < indents.length; i++) {
      if (indents[i] >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** Reads the document, if the text holds one, into root and start. */
  private void document() {
    int first = nextContent(0);
    if (first < 0) {
      return;
    }
    int column = indents[first];
    Parsed parsed = block("", first, column, 0);
    if (parsed.next >= 0) {
      throw NOT_BLOCK_YAML; // less indented than the first line
    }
    root = parsed.node;
    start = location(first, column);
  }

  /** A node and the first line after it that holds something (-1 at the end). */
  private record Parsed(JsonNode node, int next) {}

  /** The mapping or sequence whose first key or dash is at line l, column c. */
  private Parsed block(String pointer, int l, int c, int depth) {
    if (depth > MAX_DEPTH) {
      throw NOT_BLOCK_YAML;
    }
    noteValue(pointer, l, c);
    return isDash(l, c) ? sequence(pointer, l, c, depth) : mapping(pointer, l, c, depth);
  }

  private boolean isDash(int l, int c) {
    return at(l, c) == '-' && (at(l, c + 1) == ' ' || at(l, c + 1) == '\n');
  }

  private Parsed mapping(String pointer, int l, int c, int depth) {
    ObjectNode object = NODES.objectNode();
    int line = l;
    int column = c;
    while (true) {
      Key key = key(line, column);
      if (key == null || object.has(key.name)) {
        throw NOT_BLOCK_YAML;
      }
      String member = positions ? FieldPath.member(pointer, key.name) : null;
      noteKey(member, line, column);
      int v = skipSpaces(line, key.end + 1);
      Parsed value;
      if (at(line, v) == '\n' || at(line, v) == '#' && v > key.end + 1) {
        int next = nextContent(line + 1);
        if (next < 0
            || indents[next] < c
            || indents[next] == c && !isDash(next, c)) { // an empty value
          throw NOT_BLOCK_YAML;
        }
        value = block(member, next, indents[next], depth + 1);
      } else if (at(line, v) == '|') {
        value = literal(member, line, v, c);
      } else {
        value = new Parsed(inline(member, line, v), nextContent(line + 1));
      }
      object.set(key.name, value.node);
      if (value.next < 0 || indents[value.next] < c) {
        return new Parsed(object, value.next);
      }
      if (indents[value.next] > c) {
        throw NOT_BLOCK_YAML; // a value continued on another line, or bad indentation
      }
      line = value.next;
      column = c;
    }
  }

  private Parsed sequence(String pointer, int l, int c, int depth) {
    ArrayNode array = NODES.arrayNode();
    int line = l;
    while (true) {
      int v = skipSpaces(line, c + 1);
      if (at(line, v) == '\n' || at(line, v) == '#' || isDash(line, v)) {
        throw NOT_BLOCK_YAML; // an item on the next lines, or a list in a list on one line
      }
      String item = positions ? pointer + "/" + array.size() : null;
      noteKey(item, line, v);
      Parsed value =
          key(line, v) != null
              ? block(item, line, v, depth + 1)
              : new Parsed(inline(item, line, v), nextContent(line + 1));
      array.add(value.node);
      if (value.next < 0 || indents[value.next] < c) {
        return new Parsed(array, value.next);
      }
      if (indents[value.next] > c) {
        throw NOT_BLOCK_YAML;
      }
      if (!isDash(value.next, c)) {
        return new Parsed(array, value.next); // the next key of a mapping this list is a value of
      }
      line = value.next;
    }
  }

  /**
   * A literal block scalar, {@code |} or {@code |-}, as a mapping's value (how {@code export}
   * writes text of several lines): the lines below that are indented more than the key at column
   * {@code parent}, less the first one's indentation. Any other shape of block scalar (folded, kept
   * or with an indentation indicator, blank lines before its text or with spaces past its
   * indentation, a last line without a line break) is left to SnakeYAML.
   */
  private Parsed literal(String pointer, int l, int v, int parent) {
    noteValue(pointer, l, v);
    boolean strip = at(l, v + 1) == '-';
    int after = v + (strip ? 2 : 1);
    if (at(l, skipSpaces(l, after)) != '\n') {
      throw NOT_BLOCK_YAML;
    }
    StringBuilder out = new StringBuilder();
    int indent = -1;
    int blank = 0;
    int line = l + 1;
    for (; line < indents.length; line++) {
      int length = lineEnd(line) - starts[line];
      int spaces = 0;
      while (spaces < length && text.charAt(starts[line] + spaces) == ' ') {
        spaces++;
      }
      if (spaces == length) { // a blank line: kept only between lines of text
        if (indent < 0 || length > indent) {
          throw NOT_BLOCK_YAML;
        }
        blank++;
        continue;
      }
      if (indent < 0) {
        if (spaces <= parent) {
          throw NOT_BLOCK_YAML; // an empty scalar
        }
        indent = spaces;
      } else if (spaces < indent) {
        break;
      } else {
        out.append("\n".repeat(blank + 1));
      }
      blank = 0;
      if (line + 1 == indents.length) {
        throw NOT_BLOCK_YAML; // the text's last line, without a line break
      }
      out.append(text, starts[line] + indent, lineEnd(line));
      if (out.length() > YamlTreeReader.MAX_SCALAR) {
        throw NOT_BLOCK_YAML;
      }
    }
    if (indent < 0) {
      throw NOT_BLOCK_YAML;
    }
    if (!strip) {
      out.append('\n');
    }
    return new Parsed(NODES.textNode(out.toString()), nextContent(line));
  }

  /** A key's text and the column of the {@code :} after it. */
  private record Key(String name, int end) {}

  /** The key at line l, column c when a {@code :} and a space or the line's end follow it. */
  private Key key(int l, int c) {
    char first = at(l, c);
    int end;
    String name;
    if (first == '"' || first == '\'') {
      Quoted quoted = quoted(l, c);
      if (quoted == null) {
        return null;
      }
      end = quoted.end;
      name = quoted.text;
    } else {
      if (!keyStart(first)) {
        return null;
      }
      end = c + 1;
      while (keyPart(at(l, end))) {
        end++;
      }
      name = text.substring(starts[l] + c, starts[l] + end);
    }
    char after = at(l, end + 1);
    if (at(l, end) != ':' || after != ' ' && after != '\n' || end - c > MAX_KEY) {
      return null;
    }
    // Interned: thousands of documents share a few hundred keys, and keep them for the run.
    return new Key(name.intern(), end);
  }

  private static boolean keyStart(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '_'
        || c == '$';
  }

  private static boolean keyPart(char c) {
    return keyStart(c) || c == '.' || c == '-' || c == '/';
  }

  /** A scalar, {@code []} or {@code {}} that ends its line (but for a comment). */
  private JsonNode inline(String pointer, int l, int c) {
    noteValue(pointer, l, c);
    char first = at(l, c);
    JsonNode node;
    int end;
    if (first == '"' || first == '\'') {
      Quoted quoted = quoted(l, c);
      if (quoted == null) {
        throw NOT_BLOCK_YAML;
      }
      node = NODES.textNode(quoted.text);
      end = quoted.end;
    } else if (first == '[' || first == '{') {
      if (at(l, c + 1) != (first == '[' ? ']' : '}')) {
        throw NOT_BLOCK_YAML;
      }
      node = first == '[' ? NODES.arrayNode() : NODES.objectNode();
      end = c + 2;
    } else {
      return plain(l, c);
    }
    int rest = skipSpaces(l, end);
    if (at(l, rest) != '\n' && (at(l, rest) != '#' || rest == end)) {
      throw NOT_BLOCK_YAML;
    }
    return node;
  }

  /** A plain scalar to the line's end or a comment, typed as SnakeYAML's path types it. */
  private JsonNode plain(int l, int c) {
    char first = at(l, c);
    char second = at(l, c + 1);
    if (",[]{}#&*!|>'\"%@`?:".indexOf(first) >= 0
        || first == '-' && (second == ' ' || second == '\n')) {
      throw NOT_BLOCK_YAML;
    }
    int from = starts[l] + c;
    int end = from;
    int lineEnd = lineEnd(l);
    int last = from; // one past the last character that is not a space
    while (end < lineEnd) {
      char ch = text.charAt(end);
      if (ch == '#' && text.charAt(end - 1) == ' ') {
        break;
      }
      if (ch == ':' && (end + 1 == lineEnd || text.charAt(end + 1) == ' ')) {
        throw NOT_BLOCK_YAML; // a mapping where none can start
      }
      end++;
      if (ch != ' ') {
        last = end;
      }
    }
    if (last - from > YamlTreeReader.MAX_SCALAR) {
      throw NOT_BLOCK_YAML;
    }
    return YamlScalars.resolve(text.substring(from, last), true);
  }

  /** A quoted scalar's text and the column just past its closing quote. */
  private record Quoted(String text, int end) {}

  /** The single- or double-quoted scalar at line l, column c, when it ends on that line. */
  private Quoted quoted(int l, int c) {
    char quote = at(l, c);
    StringBuilder out = new StringBuilder();
    int i = starts[l] + c + 1;
    int lineEnd = lineEnd(l);
    while (i < lineEnd) {
      char ch = text.charAt(i);
      if (ch == quote) {
        if (quote == '\'' && i + 1 < lineEnd && text.charAt(i + 1) == '\'') {
          out.append('\'');
          i += 2;
          continue;
        }
        if (out.length() > YamlTreeReader.MAX_SCALAR) {
          throw NOT_BLOCK_YAML;
        }
        return new Quoted(out.toString(), i + 1 - starts[l]);
      }
      if (ch == '\\' && quote == '"') {
        if (i + 1 >= lineEnd) {
          return null;
        }
        i = escape(i + 1, lineEnd, out);
        continue;
      }
      out.append(ch);
      i++;
    }
    return null; // continued on the next line
  }

  /** Appends the escape whose letter is at i; the offset after it. */
  private int escape(int i, int lineEnd, StringBuilder out) {
    char letter = text.charAt(i);
    switch (letter) {
      case '"', '\\' -> out.append(letter);
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      case 'r' -> out.append('\r');
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case '0' -> out.append('\0');
      case 'u' -> {
        if (i + 5 > lineEnd) {
          throw NOT_BLOCK_YAML;
        }
        int code = hex(text.substring(i + 1, i + 5));
        if (code >= 0xD800 && code <= 0xDFFF) {
          throw NOT_BLOCK_YAML; // a surrogate pair's half: left to SnakeYAML
        }
        out.append((char) code);
        return i + 5;
      }
      default -> throw NOT_BLOCK_YAML;
    }
    return i + 1;
  }

  private static int hex(String digits) {
    int code = 0;
    for (int k = 0; k < digits.length(); k++) {
      int digit = Character.digit(digits.charAt(k), 16);
      if (digit < 0) {
        throw NOT_BLOCK_YAML;
      }
      code = code * 16 + digit;
    }
    return code;
  }

  private int skipSpaces(int l, int c) {
    int column = c;
    while (at(l, column) == ' ') {
      column++;
    }
    return column;
  }

  private void noteValue(String pointer, int l, int c) {
    if (++valuesRead > YamlTreeReader.MAX_VALUES) {
      throw NOT_BLOCK_YAML;
    }
    if (positions) {
      values.put(pointer, location(l, c));
    }
  }

  private void noteKey(String pointer, int l, int c) {
    if (positions) {
      keys.put(pointer, location(l, c));
    }
  }

  private SourceLocation location(int l, int c) {
    return new SourceLocation(file, l + 1, c + 1);
  }
}
