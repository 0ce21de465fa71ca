package io.fixfinder.indexer.eval.clusters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where {@code ../shared/data} is from the module or the project root, when it exists at all. */
public final class SharedData {
  private SharedData() {}

  public static Optional<Path> quests() {
    for (String candidate : new String[] {"../shared/data", "../../shared/data"}) {
      Path p = Path.of(candidate, "openrepair", "quests");
      if (Files.isDirectory(p)) return Optional.of(p);
    }
    return Optional.empty();
  }
}
