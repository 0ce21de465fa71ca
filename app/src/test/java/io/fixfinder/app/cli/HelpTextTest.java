package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} renders without a picocli formatting warning: a '%' in a
 * description is a format directive, so "80%" printed a warning and the raw text.
 */
class HelpTextTest {
  @Test
  void everyCommandsHelpFormatsCleanly() {
    List<CommandLine> all = new ArrayList<>();
    collect(new CommandLine(new Main()), all);
    assertThat(all).hasSizeGreaterThan(20);
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (CommandLine c : all) {
        String usage = c.getUsageMessage();
        assertThat(usage).as(c.getCommandSpec().qualifiedName()).contains("Usage:");
      }
    } finally {
      System.setErr(err);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
  }

  private static void collect(CommandLine c, List<CommandLine> out) {
    out.add(c);
    c.getSubcommands().values().stream().distinct().forEach(s -> collect(s, out));
  }
}
