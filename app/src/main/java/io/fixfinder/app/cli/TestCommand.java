package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole test suite (unit and integration tests, format check) with the Maven wrapper.",
      "The ./fixfinder launcher runs it directly; extra arguments go to Maven."
    })
public final class TestCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "MAVEN_ARG", description = "Extra Maven arguments.")
  List<String> mavenArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Path home =
        Path.of(
            System.getProperty(
                "fixfinder.home", System.getenv().getOrDefault("FIXFINDER_HOME", ".")));
    Path mvnw = home.resolve("mvnw");
    if (!Files.isExecutable(mvnw)) {
      throw new Main.UsageError(
          "the test suite needs the source tree: no executable mvnw in " + home.toAbsolutePath());
    }
    List<String> command = new ArrayList<>(List.of(mvnw.toString(), "-B", "verify"));
    command.addAll(mavenArgs);
    return new ProcessBuilder(command).directory(home.toFile()).inheritIO().start().waitFor();
  }
}
