package io.posthoggitops.lifecycle;

import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a source tree for flag keys (docs/commands/lifecycle.md#how-keys-in-code-are-found): source
 * files by extension, in path order; never hidden folders, dependencies or build output; never
 * through a symbolic link; never a file over {@link #MAX_FILE_BYTES} (bundles, generated code).
 */
public final class CodeScan {

  /** Files over this are bundled or generated, not written by hand. */
  public static final long MAX_FILE_BYTES = 1024 * 1024;

  static final Set<String> SKIPPED_FOLDERS =
      Set.of(
          "node_modules",
          "bower_components",
          "vendor",
          "target",
          "build",
          "dist",
          "out",
          "coverage",
          "__pycache__",
          "venv");

  static final Set<String> EXTENSIONS =
      Set.of(
          "js", "jsx", "mjs", "cjs", "ts", "tsx", "vue", "svelte", "astro", "html", "erb", "py",
          "rb", "go", "java", "kt", "kts", "scala", "swift", "m", "mm", "php", "cs", "dart", "ex",
          "exs", "rs");

  private CodeScan() {}

  public static CodeReferences scan(Path folder) {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserError(
          "--code "
              + folder
              + ": no such folder; give the folder that holds the application's source code.");
    }
    List<Path> files = sourceFiles(folder);
    Set<String> literals = new LinkedHashSet<>();
    List<KeyInCode> calls = new ArrayList<>();
    int skipped = 0;
    for (Path file : files) {
      String text = read(file);
      if (text == null) {
        skipped++;
        continue;
      }
      CodeLiterals.Found found = CodeLiterals.in(text);
      literals.addAll(found.literals());
      for (CodeLiterals.Call call : found.calls()) {
        calls.add(
            new KeyInCode(call.key(), call.call(), file.toString(), call.line(), call.column()));
      }
    }
    return new CodeReferences(
        folder.toString(), files.size() - skipped, skipped, literals, List.copyOf(calls));
  }

  /** The text, or null when the file is too large or cannot be read. */
  private static String read(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        return null;
      }
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static List<Path> sourceFiles(Path folder) {
    List<Path> files = new ArrayList<>();
    try {
      // Without FOLLOW_LINKS a link is visited as a file and never entered, wherever it points.
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              boolean skipped =
                  !dir.equals(folder) && (name.startsWith(".") || SKIPPED_FOLDERS.contains(name));
              return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && isSource(file)) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UserError(
          "--code "
              + folder
              + ": cannot read the folder ("
              + e.getMessage()
              + "); check its permissions, or give another --code folder.");
    }
    files.sort((a, b) -> a.toString().compareTo(b.toString()));
    return files;
  }

  private static boolean isSource(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
