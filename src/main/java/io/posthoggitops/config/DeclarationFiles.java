package io.posthoggitops.config;

import io.posthoggitops.model.Diagnostic;
import io.posthoggitops.model.SourceLocation;
import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
    for (Candidate file : candidates(paths)) {
      files.read(file);
    }
    return new Read(files.texts, files.problems, files.order);
  }

  /**
   * A file to read, with what the listing already knows of it (not following links), so a large
   * folder costs one status call per file.
   */
  private record Candidate(Path path, boolean link, long size) {
    static Candidate of(Path path) {
      try {
        BasicFileAttributes attributes =
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new Candidate(path, attributes.isSymbolicLink(), attributes.size());
      } catch (IOException e) {
        return new Candidate(path, false, -1); // reading it reports why
      }
    }
  }

  /** The YAML files under the paths, each directory's files sorted by path for a stable order. */
  private static List<Candidate> candidates(List<Path> paths) {
    Map<Path, Candidate> files = new LinkedHashMap<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        filesUnder(path).forEach(c -> files.putIfAbsent(c.path(), c));
      } else if (!isConfigFile(path)) {
        files.putIfAbsent(path, Candidate.of(path));
      }
    }
    return List.copyOf(files.values());
  }

  /**
   * Walked from the folder's real path (a PATH may itself be a link), named under PATH as given;
   * links below it are listed, not followed. Hidden files and folders and build output below it are
   * not read ({@link DeclarationLoader#skippedBelowPath}).
   */
  private static List<Candidate> filesUnder(Path directory) {
    Path real = realPath(directory);
    List<Candidate> found = new ArrayList<>();
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
              String name = file.getFileName().toString();
              if (DeclarationLoader.skippedBelowPath(name)
                  || name.equals(DeclarationLoader.CONFIG_FILE_NAME)) {
                return FileVisitResult.CONTINUE;
              }
              Path named = directory.resolve(real.relativize(file)).normalize();
              // Links are listed, not followed: one to a folder is reported when it is read.
              if (attributes.isSymbolicLink()
                  ? isYaml(named) || Files.isDirectory(file)
                  : attributes.isRegularFile() && isYaml(named)) {
                found.add(new Candidate(named, attributes.isSymbolicLink(), attributes.size()));
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
    found.sort(Comparator.comparing(Candidate::path));
    return found;
  }

  private void read(Candidate candidate) {
    Path file = candidate.path();
    String name = file.toString();
    order.add(name);
    if (candidate.link() && Files.isDirectory(file)) {
      if (!insideRoots(file)) {
        problems.add(
            Diagnostic.warning(
                SourceLocation.unknown(name),
                "a symbolic link to a folder outside the folders given; its files were not read."));
      }
      return; // a link to a folder inside PATH: its files are listed under their own names
    }
    if (candidate.link() && !insideRoots(file)) {
      problems.add(
          Diagnostic.error(
              SourceLocation.unknown(name),
              "a symbolic link to a file outside the folders given; it was not read. Declarations"
                  + " must be inside PATH: replace the link with the file itself."));
      return;
    }
    try {
      long size = candidate.link() || candidate.size() < 0 ? Files.size(file) : candidate.size();
      if (size > MAX_BYTES) {
        tooLarge(name, size);
        return;
      }
      byte[] bytes = contents(file, size);
      if (bytes.length > MAX_BYTES) { // it grew after it was listed
        tooLarge(name, bytes.length);
        return;
      }
      decode(name, bytes);
    } catch (IOException | UncheckedIOException e) {
      problems.add(
          Diagnostic.error(
              SourceLocation.unknown(name), "cannot read the file (" + e.getMessage() + ")."));
    }
  }

  /**
   * The bytes of a file whose size the listing gave: one read of one byte more than that size,
   * answered with exactly that many bytes, is the whole file as listed (a large folder is thousands
   * of files, and a second read to find the end was a fifth of reading them); any other answer (the
   * file changed since) reads it whole.
   */
  private static byte[] contents(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate((int) size + 1);
      int read = channel.read(buffer);
      if (read == size || read == -1 && size == 0) {
        return Arrays.copyOf(buffer.array(), (int) size);
      }
    }
    return Files.readAllBytes(file);
  }

  private void tooLarge(String name, long size) {
    problems.add(
        Diagnostic.error(
            SourceLocation.unknown(name),
            "the file holds %d bytes, more than the %d MiB a declaration file may hold; it was not read. Split it into several files."
                .formatted(size, MAX_BYTES / 1024 / 1024)));
  }

  /**
   * The text of a UTF-8 file (a leading byte-order mark dropped), or a problem at its first bad
   * byte.
   */
  private void decode(String name, byte[] bytes) {
    // The JDK's own decoding is much faster; it replaces bad bytes with U+FFFD, so only a text
    // holding that character is decoded again strictly to find out whether a byte was bad.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      texts.put(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
      return;
    }
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
    text = out.flip().toString();
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
