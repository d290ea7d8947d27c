package io.posthoggitops.config;

import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.SourceLocation;
import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declaration files under the PATH arguments, read as text (docs/safety.md): every {@code
 * *.yaml}/{@code *.yml} below them in path order, except settings files, hidden files and folders,
 * and build output. A symbolic link is read only when it resolves inside one of the PATH roots, a
 * file larger than {@link #MAX_BYTES} is not read at all, and a file that is not UTF-8 is reported
 * with the offset of its first bad byte. Each of these is a problem at the file, and the other
 * files are still read and checked.
 */
final class DeclarationFiles {

  /** The largest declaration file read: a whole project fits in one many times over. */
  static final long MAX_BYTES = 4L * 1024 * 1024;

  /** The files' texts by display name, in path order, and the files that could not be read. */
  record Read(Map<String, String> texts, List<Diagnostic> problems, List<String> order) {}

  private final List<Path> roots;
  private final Map<String, String> texts = new LinkedHashMap<>();
  private final List<Diagnostic> problems = new ArrayList<>();
  private final List<String> order = new ArrayList<>();

  private DeclarationFiles(List<Path> roots) {
    this.roots = roots;
  }

  /**
   * @throws UserError when a PATH does not exist
   */
  static Read under(List<Path> paths) {
    List<Path> roots = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new UserError(
            path + ": no such file or directory; pass a YAML file or a folder of them.");
      }
      roots.add(realPath(path));
    }
    DeclarationFiles files = new DeclarationFiles(roots);
    for (Path file : candidates(paths)) {
      files.read(file);
    }
    return new Read(files.texts, files.problems, files.order);
  }

  /** The YAML files under the paths, each directory's files sorted by path for a stable order. */
  private static List<Path> candidates(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        files.addAll(filesUnder(path));
      } else if (!isConfigFile(path)) {
        files.add(path);
      }
    }
    return files.stream().distinct().toList();
  }

  /**
   * Walked from the folder's real path (a PATH may itself be a link), named under PATH as given;
   * links below it are listed, not followed. Hidden files and folders and build output below it are
   * not read ({@link DeclarationLoader#skippedBelowPath}).
   */
  private static List<Path> filesUnder(Path directory) {
    Path real = realPath(directory);
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          real,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              return !dir.equals(real)
                      && DeclarationLoader.skippedBelowPath(dir.getFileName().toString())
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (!DeclarationLoader.skippedBelowPath(file.getFileName().toString())) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | UncheckedIOException e) {
      throw new UserError(
          directory
              + ": cannot list files ("
              + e.getMessage()
              + "); check the folder's permissions.");
    }
    return found.stream()
        .map(p -> directory.resolve(real.relativize(p)).normalize())
        .filter(p -> isYaml(p) || Files.isSymbolicLink(p) && Files.isDirectory(p))
        .filter(p -> !isConfigFile(p))
        .filter(p -> Files.isSymbolicLink(p) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
        .sorted()
        .toList();
  }

  private void read(Path file) {
    String name = file.toString();
    order.add(name);
    if (Files.isSymbolicLink(file) && Files.isDirectory(file)) {
      if (!insideRoots(file)) {
        problems.add(
            Diagnostic.warning(
                SourceLocation.unknown(name),
                "a symbolic link to a folder outside the folders given; its files were not read."));
      }
      return; // a link to a folder inside PATH: its files are listed under their own names
    }
    if (Files.isSymbolicLink(file) && !insideRoots(file)) {
      problems.add(
          Diagnostic.error(
              SourceLocation.unknown(name),
              "a symbolic link to a file outside the folders given; it was not read. Declarations"
                  + " must be inside PATH: replace the link with the file itself."));
      return;
    }
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        problems.add(
            Diagnostic.error(
                SourceLocation.unknown(name),
                "the file holds %d bytes, more than the %d MiB a declaration file may hold; it was not read. Split it into several files."
                    .formatted(size, MAX_BYTES / 1024 / 1024)));
        return;
      }
      byte[] bytes = Files.readAllBytes(file);
      decode(name, bytes);
    } catch (IOException | UncheckedIOException e) {
      problems.add(
          Diagnostic.error(
              SourceLocation.unknown(name), "cannot read the file (" + e.getMessage() + ")."));
    }
  }

  /**
   * The text of a UTF-8 file (a leading byte-order mark dropped), or a problem at its first bad
   * byte.
   */
  private void decode(String name, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      problems.add(
          Diagnostic.error(
              position(name, bytes, offset),
              "the file is not UTF-8: byte %d (0x%02x) cannot start or continue a character; save the file as UTF-8."
                  .formatted(offset, bytes[offset] & 0xff)));
      return;
    }
    String text = out.flip().toString();
    texts.put(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  /** Line and column of a byte offset, counting columns in bytes. */
  private static SourceLocation position(String name, byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new SourceLocation(name, line, offset - lineStart + 1);
  }

  private boolean insideRoots(Path link) {
    Path target;
    try {
      target = link.toRealPath();
    } catch (IOException e) {
      return false; // a dangling link leads nowhere inside PATH
    }
    return roots.stream().anyMatch(target::startsWith);
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UserError(
          path + ": cannot be read (" + e.getMessage() + "); check the file's permissions.");
    }
  }

  static boolean isYaml(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  static boolean isConfigFile(Path path) {
    return path.getFileName() != null
        && path.getFileName().toString().equals(DeclarationLoader.CONFIG_FILE_NAME);
  }
}
