package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.store.Database;
import io.fixfinder.store.contact.ContactStore;
import io.fixfinder.store.contact.HelperReport;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.helpers.HelperAdmin;
import io.fixfinder.store.helpers.HelperDeletion;
import io.fixfinder.store.helpers.HelperSummary;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fixfinder helpers list|suspend|unsuspend|delete}: the operator's commands over the helper
 * directory. They name a helper by id and never print a contact detail; a running server sees a
 * suspension at once on the helper's profile and within its directory refresh in searches.
 */
@Command(
    name = "helpers",
    mixinStandardHelpOptions = true,
    description =
        "List, suspend, unsuspend or delete helper accounts, or read reports about them (no"
            + " contact details shown).",
    subcommands = {
      HelpersCommand.ListHelpers.class,
      HelpersCommand.Suspend.class,
      HelpersCommand.Unsuspend.class,
      HelpersCommand.Delete.class,
      HelpersCommand.Reports.class
    })
public final class HelpersCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The operator's view of the store in {@code --data}. */
  static <T> T withAdmin(CommonOptions common, java.util.function.Function<HelperAdmin, T> use) {
    FixFinderConfig cfg = common.load();
    try (Database db = Database.open(cfg.database(), cfg.data().dir())) {
      SecretBox box = SecretKeys.load(cfg.data().dir());
      ContactStore contact =
          new ContactStore(db, box, Clock.systemUTC(), cfg.contact().retention());
      HelperDeletion deletion = new HelperDeletion(db, List.of(contact::deleteHelperData));
      return use.apply(new HelperAdmin(db, deletion));
    }
  }

  /** The operator's view of the reports kept in {@code --data}'s store. */
  static <T> T withReports(
      CommonOptions common, java.util.function.BiFunction<HelperAdmin, ContactStore, T> use) {
    FixFinderConfig cfg = common.load();
    try (Database db = Database.open(cfg.database(), cfg.data().dir())) {
      ContactStore contact =
          new ContactStore(
              db, SecretKeys.load(cfg.data().dir()), Clock.systemUTC(), cfg.contact().retention());
      return use.apply(new HelperAdmin(db, new HelperDeletion(db, List.of())), contact);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every helper, oldest first: id, status, verified, display name, created.")
  public static final class ListHelpers implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      List<HelperSummary> all = withAdmin(common, HelperAdmin::list);
      PrintWriter out = spec.commandLine().getOut();
      row(out, "id", "status", "verified", "name", "created");
      for (HelperSummary h : all) {
        row(
            out,
            h.id(),
            h.status().wire(),
            h.verified() ? "yes" : "no",
            printable(h.displayName()),
            h.created());
      }
      out.println(all.size() == 1 ? "1 helper" : all.size() + " helpers");
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "reports",
      mixinStandardHelpOptions = true,
      description =
          "Reports people made about helpers and still kept, oldest first: when, helper, request,"
              + " reason.")
  public static final class Reports implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "ID",
        description = "Only the reports about this helper (see 'list').")
    String id;

    @Override
    public Integer call() {
      if (id != null && (id.isBlank() || id.length() > 64)) {
        throw new Main.UsageError(
            "'" + printable(id) + "' is not a helper id (see 'helpers list')");
      }
      List<HelperReport> reports =
          withReports(
              common,
              (admin, contact) -> {
                if (id != null && !admin.exists(id)) {
                  throw new Main.UsageError(
                      "no helper with id '" + printable(id) + "' (see 'helpers list')");
                }
                return id == null ? contact.reports() : contact.reportsAbout(id);
              });
      PrintWriter out = spec.commandLine().getOut();
      row(out, "reported", "helper", "request", "reason");
      for (HelperReport r : reports) {
        // the reason is a stranger's text: one line, no control characters reach the terminal
        row(out, r.reportedAt(), r.helperId(), r.requestId().orElse("-"), printable(r.reason()));
      }
      out.println(reports.size() == 1 ? "1 report" : reports.size() + " reports");
      out.flush();
      return 0;
    }
  }

  /** One tab-separated line; text fields must have been made {@link #printable} first. */
  private static void row(PrintWriter out, Object... fields) {
    out.println(
        java.util.Arrays.stream(fields)
            .map(String::valueOf)
            .collect(java.util.stream.Collectors.joining("\t")));
  }

  /** A display name as one safe terminal field: no control character, no tab. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == 0x7f ? ' ' : c));
    return b.toString();
  }

  /** One helper named by id, an action on it, and what to print when it is done. */
  abstract static class OnOne implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "ID",
        description = "The helper's id (see 'list'); put '--' before an id that starts with '-'.")
    String id;

    abstract BiPredicate<HelperAdmin, String> action();

    abstract String done();

    @Override
    public Integer call() {
      if (id.isBlank() || id.length() > 64) {
        throw new Main.UsageError(
            "'" + printable(id) + "' is not a helper id (see 'helpers list')");
      }
      boolean found = withAdmin(common, admin -> action().test(admin, id));
      if (!found) {
        throw new Main.UsageError("no helper with id '" + printable(id) + "' (see 'helpers list')");
      }
      spec.commandLine().getOut().println("helper " + id + " " + done());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "suspend",
      mixinStandardHelpOptions = true,
      description = "Unlist a helper at once and end their sessions; no sign-in until unsuspended.")
  public static final class Suspend extends OnOne {
    @Override
    BiPredicate<HelperAdmin, String> action() {
      return HelperAdmin::suspend;
    }

    @Override
    String done() {
      return "suspended";
    }
  }

  @Command(name = "unsuspend", mixinStandardHelpOptions = true, description = "Lift a suspension.")
  public static final class Unsuspend extends OnOne {
    @Override
    BiPredicate<HelperAdmin, String> action() {
      return HelperAdmin::unsuspend;
    }

    @Override
    String done() {
      return "unsuspended";
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a helper and all their personal data, contact requests included.")
  public static final class Delete extends OnOne {
    @Override
    BiPredicate<HelperAdmin, String> action() {
      return HelperAdmin::delete;
    }

    @Override
    String done() {
      return "deleted with all their personal data";
    }
  }
}
