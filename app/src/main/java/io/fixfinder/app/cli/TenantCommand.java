package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.Database;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.tenants.IssuedKeys;
import io.fixfinder.store.tenants.Tenant;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import io.fixfinder.store.tenants.TenantSummary;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fixfinder tenant create|list|rotate|revoke|alerts}: companies that embed FixFinder (issue
 * 16). {@code create} and {@code rotate} print the new keys once; the store keeps only their keyed
 * hashes, so no command can show a key again. A running server sees a new tenant at once, and a
 * revocation or the end of a rotation's grace within {@code api.keyCacheSeconds}.
 */
@Command(
    name = "tenant",
    mixinStandardHelpOptions = true,
    description = "Create, list, rotate the keys of or revoke companies' API tenants.",
    subcommands = {
      TenantCommand.Create.class,
      TenantCommand.ListTenants.class,
      TenantCommand.Rotate.class,
      TenantCommand.Revoke.class,
      TenantCommand.AlertsCommand.class
    })
public final class TenantCommand implements Runnable {
  private static final Pattern TENANT_ID = Pattern.compile("tn_[0-9a-f]{12}");

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The tenant store of the configured database, keyed by the installation's secret key. */
  static <T> T withStore(CommonOptions common, BiFunction<TenantStore, FixFinderConfig, T> use) {
    FixFinderConfig cfg = common.load();
    try (Database db = Database.open(cfg.database(), cfg.data().dir())) {
      return use.apply(
          new TenantStore(db, SecretKeys.load(cfg.data().dir()), Clock.systemUTC()), cfg);
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "A new tenant scoped to brands and/or products; prints its publishable (pk_) and secret"
              + " (sk_) keys once.")
  public static final class Create implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--name", required = true, description = "The company's name.")
    String name;

    @Option(
        names = "--brands",
        split = ",",
        paramLabel = "BRAND",
        description = "Brands whose records the keys see (as the lexicon names them).")
    List<String> brands = new ArrayList<>();

    @Option(
        names = "--products",
        split = ",",
        paramLabel = "ID",
        description = "Products whose records the keys see too, by id (aqualine-wm8420x).")
    List<String> products = new ArrayList<>();

    @Option(
        names = "--origins",
        split = ",",
        paramLabel = "ORIGIN",
        description =
            "Browser origins the publishable key may be used from (https://help.example.com).")
    List<String> origins = new ArrayList<>();

    @Option(
        names = "--rate-limit",
        paramLabel = "N",
        description =
            "Requests per minute over all the tenant's keys (default api.tenantRateLimitPerMinute).")
    Integer rateLimit;

    @Option(
        names = "--quota",
        paramLabel = "N",
        description =
            "Requests per UTC day over all the tenant's keys (default api.tenantDailyQuota).")
    Integer quota;

    @Override
    public Integer call() {
      IssuedKeys issued =
          withStore(
              common,
              (store, cfg) -> {
                TenantSpec spec =
                    new TenantSpec(
                        name,
                        brands,
                        products,
                        origins,
                        Optional.ofNullable(rateLimit).orElse(cfg.api().tenantRateLimitPerMinute()),
                        Optional.ofNullable(quota).orElse(cfg.api().tenantDailyQuota()));
                try {
                  spec = new TenantRules(Lexicon.builtIn()).check(spec);
                } catch (TenantRules.Invalid e) {
                  throw new Main.UsageError(e.getMessage());
                }
                return store.create(spec);
              });
      PrintWriter out = spec.commandLine().getOut();
      out.println("tenant " + issued.tenant().id() + " created: " + describe(issued.tenant()));
      printKeys(out, issued);
      out.flush();
      return 0;
    }
  }

  static void printKeys(PrintWriter out, IssuedKeys issued) {
    out.println(
        "publishable key (pages and the widget, only from its origins): "
            + issued.publishableKey());
    out.println("secret key (servers only, never in a page): " + issued.secretKey());
    out.println("Store both now: they are shown only this once (the database keeps only hashes).");
  }

  static String describe(Tenant t) {
    return HelpersCommand.printable(t.name())
        + "; brands "
        + (t.brands().isEmpty() ? "-" : String.join(",", t.brands()))
        + "; products "
        + (t.products().isEmpty() ? "-" : String.join(",", t.products()))
        + "; origins "
        + (t.origins().isEmpty() ? "- (server to server only)" : String.join(",", t.origins()))
        + "; "
        + t.rateLimitPerMinute()
        + "/min, "
        + t.dailyQuota()
        + "/day";
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every tenant, oldest first: id, status, keys, scope, origins, limits; no key.")
  public static final class ListTenants implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      List<TenantSummary> all = withStore(common, (store, cfg) -> store.list());
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "id\tstatus\tkeys\tname\tbrands\tproducts\torigins\tper minute\tper day\tcreated");
      for (TenantSummary s : all) {
        Tenant t = s.tenant();
        String keys =
            s.currentKeys()
                + " current"
                + (s.keysInGrace() > 0
                    ? ", " + s.keysInGrace() + " rotated out until " + s.graceUntil().orElseThrow()
                    : "");
        out.println(
            String.join(
                "\t",
                t.id(),
                t.active() ? "active" : "revoked " + t.revoked().orElseThrow(),
                keys,
                HelpersCommand.printable(t.name()),
                String.join(",", t.brands()),
                String.join(",", t.products()),
                String.join(",", t.origins()),
                Integer.toString(t.rateLimitPerMinute()),
                Integer.toString(t.dailyQuota()),
                t.created().toString()));
      }
      out.println(all.size() == 1 ? "1 tenant" : all.size() + " tenants");
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description =
          "New keys for a tenant, printed once; the old ones keep working for the grace period.")
  public static final class Rotate implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The tenant's id (see 'list').")
    String id;

    @Option(
        names = "--grace-hours",
        paramLabel = "H",
        description =
            "How long the old keys stay valid (default api.rotationGraceHours; 0: stop now).")
    Integer graceHours;

    @Override
    public Integer call() {
      checkId(id);
      if (graceHours != null && (graceHours < 0 || graceHours > 24 * 90)) {
        throw new Main.UsageError("--grace-hours must be 0-2160, got " + graceHours);
      }
      Optional<IssuedKeys> issued =
          withStore(
              common,
              (store, cfg) -> {
                Optional<Tenant> t = store.find(id);
                if (t.isEmpty()) throw unknown(id);
                if (!t.get().active()) {
                  throw new Main.UsageError("tenant " + id + " is revoked: create a new tenant");
                }
                int hours = Optional.ofNullable(graceHours).orElse(cfg.api().rotationGraceHours());
                return store.rotate(id, Duration.ofHours(hours));
              });
      IssuedKeys keys = issued.orElseThrow(() -> unknown(id));
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "tenant "
              + id
              + " has new keys; the previous ones work until "
              + (graceHours != null && graceHours == 0
                  ? "now (stopped)"
                  : "the grace period ends"));
      printKeys(out, keys);
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Refuse every key of a tenant from now on (a running server within seconds).")
  public static final class Revoke implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The tenant's id (see 'list').")
    String id;

    @Override
    public Integer call() {
      checkId(id);
      boolean done =
          withStore(
              common,
              (store, cfg) -> {
                Optional<Tenant> t = store.find(id);
                if (t.isEmpty()) throw unknown(id);
                if (!t.get().active())
                  throw new Main.UsageError("tenant " + id + " is revoked already");
                return store.revoke(id);
              });
      if (!done) throw unknown(id);
      spec.commandLine().getOut().println("tenant " + id + " revoked: its keys are refused");
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "alerts",
      mixinStandardHelpOptions = true,
      description =
          "Shows a tenant's alerts on emerging issues, or sets them: a webhook (https) and/or an"
              + " email address, and the growth that triggers an alert. Options not given keep"
              + " their value; an empty value clears a target; both targets empty: alerts off.")
  public static final class AlertsCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The tenant's id (see 'list').")
    String id;

    @Option(names = "--webhook", paramLabel = "URL", description = "The webhook URL ('' clears).")
    String webhook;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "The address ('' clears).")
    String email;

    @Option(
        names = "--min-growth",
        paramLabel = "N",
        description = "Alert when an emerging issue grows at least N times (1-1000, default 2).")
    Double minGrowth;

    @Option(names = "--off", description = "Clears both targets: no more alerts.")
    boolean off;

    @Override
    public Integer call() {
      checkId(id);
      PrintWriter out = spec.commandLine().getOut();
      FixFinderConfig cfg = common.load();
      try (Database db = Database.open(cfg.database(), cfg.data().dir())) {
        io.fixfinder.store.crypto.SecretBox box = SecretKeys.load(cfg.data().dir());
        TenantStore tenants = new TenantStore(db, box, Clock.systemUTC());
        if (tenants.find(id).isEmpty()) throw unknown(id);
        io.fixfinder.store.alerts.AlertStore store =
            new io.fixfinder.store.alerts.AlertStore(db, box, Clock.systemUTC());
        Optional<io.fixfinder.store.alerts.AlertSettings> saved = store.find(id);
        Optional<io.fixfinder.store.alerts.AlertSettings> now = saved;
        boolean change = off || webhook != null || email != null || minGrowth != null;
        if (change) {
          io.fixfinder.api.alerts.AlertsService.Input input =
              off
                  ? new io.fixfinder.api.alerts.AlertsService.Input(
                      Optional.empty(), Optional.empty(), Optional.ofNullable(minGrowth))
                  : new io.fixfinder.api.alerts.AlertsService.Input(
                      webhook != null
                          ? Optional.of(webhook)
                          : saved.flatMap(io.fixfinder.store.alerts.AlertSettings::webhookUrl),
                      email != null
                          ? Optional.of(email)
                          : saved.flatMap(io.fixfinder.store.alerts.AlertSettings::email),
                      Optional.ofNullable(minGrowth)
                          .or(() -> saved.map(io.fixfinder.store.alerts.AlertSettings::minGrowth)));
          io.fixfinder.api.alerts.AlertsService.Checked checked;
          try {
            checked =
                io.fixfinder.api.alerts.AlertsService.check(
                    input,
                    new io.fixfinder.api.alerts.TargetPolicy(
                        cfg.dashboard().alertAllowPrivateTargets()));
          } catch (io.fixfinder.api.account.InvalidInput e) {
            throw new Main.UsageError(
                "alerts not saved: "
                    + String.join(
                        "; ",
                        e.errors().stream().map(f -> f.field() + " " + f.message()).toList()));
          }
          if (checked.webhookUrl().isEmpty() && checked.email().isEmpty()) {
            store.clear(id);
          } else {
            store.save(id, checked.webhookUrl(), checked.email(), checked.minGrowth());
          }
          now = store.find(id);
        }
        if (now.isEmpty()) {
          out.println("tenant " + id + ": alerts off");
        } else {
          io.fixfinder.store.alerts.AlertSettings a = now.get();
          out.println("tenant " + id + ": alerts on");
          out.println("  webhook:        " + a.webhookUrl().orElse("-"));
          out.println("  email:          " + a.email().orElse("-"));
          out.println("  min growth:     " + a.minGrowth());
          out.println("  signing secret: " + a.signingSecret());
        }
        for (io.fixfinder.store.alerts.AlertClaim c : store.claims(id, 10)) {
          out.println(
              "  alert "
                  + c.windowEnd()
                  + " "
                  + c.issueId()
                  + " "
                  + c.outcome().name().toLowerCase(java.util.Locale.ROOT));
        }
        out.flush();
      }
      return 0;
    }
  }

  private static void checkId(String id) {
    if (!TENANT_ID.matcher(id).matches()) {
      throw new Main.UsageError(
          "'"
              + HelpersCommand.printable(id.length() > 40 ? id.substring(0, 40) : id)
              + "' is not a tenant id (tn_ and 12 hex digits; see 'tenant list')");
    }
  }

  private static Main.UsageError unknown(String id) {
    return new Main.UsageError("no tenant with id '" + id + "' (see 'tenant list')");
  }
}
