package io.posthoggitops.render;

import io.posthoggitops.model.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --out} folder of an export: files are written only inside it and never through a
 * symbolic link (a link inside it is refused before anything is written), and every file is read
 * back afterwards, so an object whose file was overwritten by another is an error instead of a
 * silent loss (docs/commands/export.md#file-names).
 */
final class ExportFolder {
  private final Path dir;

  ExportFolder(Path dir) {
    this.dir = dir;
  }

  /** Refuses, before any write, a link or a non-folder where export would write. */
  void refuseLinks(Set<Path> files) {
    Set<Path> folders = new LinkedHashSet<>();
    files.forEach(f -> folders.add(f.getParent()));
    List<String> problems = new ArrayList<>();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      problems.add(dir + " is a file, not a folder");
    }
    for (Path folder : folders) {
      Path path = dir.resolve(folder);
      if (Files.isSymbolicLink(path)) {
        problems.add(path + " is a symbolic link");
      } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(path)) {
        problems.add(path + " is a file, not a folder");
      }
    }
    for (Path file : files) {
      Path path = dir.resolve(file);
      if (Files.isSymbolicLink(path)) {
        problems.add(path + " is a symbolic link");
      } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        problems.add(path + " is a folder");
      }
    }
    if (!problems.isEmpty()) {
      throw new UserError(
          "export writes plain files inside --out only, never through a link: "
              + String.join("; ", problems)
              + ". Nothing was written; remove "
              + (problems.size() == 1 ? "it" : "them")
              + " or export to another --out folder.");
    }
  }

  void write(Path file, String text) {
    Path path = dir.resolve(file);
    try {
      Files.createDirectories(path.getParent());
      Files.write(
          path,
          text.getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UserError(
          "cannot write " + path + ": " + e.getMessage() + "; check that " + dir + " is writable");
    }
  }

  /** Every file holds what was written to it, so no object lost its file to another. */
  void checkWritten(Map<Path, String> files) {
    List<String> lost = new ArrayList<>();
    for (Map.Entry<Path, String> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      try {
        if (!Files.readString(path, StandardCharsets.UTF_8).equals(file.getValue())) {
          lost.add(path.toString());
        }
      } catch (IOException e) {
        lost.add(path + " (" + e.getMessage() + ")");
      }
    }
    if (!lost.isEmpty()) {
      throw new UserError(
          "export wrote "
              + files.size()
              + " files, but "
              + lost.size()
              + " no longer hold what was written to them (another file of the export, or"
              + " another program, wrote over them): "
              + String.join(", ", lost)
              + ". Export to an empty folder on a case-sensitive file system and compare.");
    }
  }
}
