package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.store.Database;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.tenants.KeyKind;
import io.fixfinder.store.tenants.TenantStore;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fixfinder tenant} over a real SQLite store in a data directory: create prints the keys
 * once and they resolve; list shows no key; rotate keeps the old keys in their grace period (or
 * not, with 0 hours); revoke refuses them; the database holds only hashes; an operator's mistake is
 * one line on stderr with exit 2.
 */
class TenantCommandTest {
  private static final Pattern KEY = Pattern.compile("\\b([ps]k_[A-Za-z0-9_-]{43})\\b");
  private static final Pattern ID = Pattern.compile("tenant (tn_[0-9a-f]{12})");

  @TempDir Path dir;

  CliRun run(String... args) {
    return CliRun.of(dir, args);
  }

  static List<String> keys(String out) {
    List<String> found = new ArrayList<>();
    Matcher m = KEY.matcher(out);
    while (m.find()) found.add(m.group(1));
    return found;
  }

  static String id(String out) {
    Matcher m = ID.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  <T> T withStore(java.util.function.Function<TenantStore, T> use) {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"))) {
      return use.apply(new TenantStore(db, SecretKeys.load(dir), Clock.systemUTC()));
    }
  }

  java.util.Optional<io.fixfinder.store.tenants.KeyMatch> resolve(String key) {
    return withStore(s -> s.resolve(key));
  }

  CliRun create() {
    return run(
        "tenant",
        "create",
        "--name",
        "Aqualine Support",
        "--brands",
        "aqualine",
        "--products",
        "kesseler-wak2840",
        "--origins",
        "https://help.aqualine.example,http://localhost:8081",
        "--rate-limit",
        "120",
        "--quota",
        "5000");
  }

  @Test
  void createPrintsBothKeysOnceAndListShowsNone() {
    CliRun created = create();
    assertThat(created.exit()).as(created.err()).isZero();
    List<String> keys = keys(created.out());
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0)).startsWith("pk_");
    assertThat(keys.get(1)).startsWith("sk_");
    String id = id(created.out());
    assertThat(created.out()).contains("brands Aqualine").contains("products kesseler-wak2840");
    assertThat(resolve(keys.get(0)).orElseThrow().kind()).isEqualTo(KeyKind.PUBLISHABLE);
    assertThat(resolve(keys.get(1)).orElseThrow().tenant().id()).isEqualTo(id);

    CliRun list = run("tenant", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out())
        .contains(id + "\tactive\t2 current\tAqualine Support\tAqualine\tkesseler-wak2840\t")
        .contains("https://help.aqualine.example,http://localhost:8081\t120\t5000\t")
        .contains("1 tenant");
    assertThat(keys(list.out())).isEmpty();
    for (String k : keys) assertThat(list.out()).doesNotContain(k.substring(3, 15));
    // only keyed hashes in the database
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"))) {
      List<String> hashes =
          db.read(
              c -> {
                List<String> out = new ArrayList<>();
                try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT key_hash FROM tenant_key")) {
                  while (rs.next()) out.add(rs.getString(1));
                }
                return out;
              });
      assertThat(hashes).hasSize(2).allMatch(h -> h.matches("[0-9a-f]{64}"));
      for (String k : keys) assertThat(hashes).noneMatch(h -> h.contains(k.substring(3)));
    }
  }

  @Test
  void rotateKeepsTheOldKeysForTheGraceAndRevokeRefusesAll() {
    CliRun created = create();
    String id = id(created.out());
    List<String> old = keys(created.out());
    CliRun rotated = run("tenant", "rotate", id);
    assertThat(rotated.exit()).as(rotated.err()).isZero();
    List<String> fresh = keys(rotated.out());
    assertThat(fresh).hasSize(2).doesNotContainAnyElementsOf(old);
    for (String k : old) assertThat(resolve(k)).isPresent();
    assertThat(run("tenant", "list").out()).contains("2 current, 2 rotated out until ");

    CliRun now = run("tenant", "rotate", id, "--grace-hours", "0");
    assertThat(now.exit()).isZero();
    for (String k : fresh) assertThat(resolve(k)).isEmpty();
    List<String> newest = keys(now.out());
    assertThat(resolve(newest.get(0))).isPresent();

    CliRun revoked = run("tenant", "revoke", id);
    assertThat(revoked.exit()).isZero();
    assertThat(revoked.out()).contains("tenant " + id + " revoked");
    for (String k : newest) assertThat(resolve(k)).isEmpty();
    for (String k : old) assertThat(resolve(k)).isEmpty();
    assertThat(run("tenant", "list").out()).contains(id + "\trevoked ");
  }

  @Test
  void operatorMistakesAreOneLineAndExitTwo() {
    String id = id(create().out());
    for (String[] args :
        new String[][] {
          {"tenant", "create", "--name", "X", "--brands", "Nobrand"},
          {"tenant", "create", "--name", "X", "--products", "aqualine-zz1"},
          {"tenant", "create", "--name", "X"},
          {"tenant", "create", "--brands", "Aqualine"},
          {"tenant", "create", "--name", "X", "--brands", "Aqualine", "--origins", "example.com"},
          {"tenant", "create", "--name", "X", "--brands", "Aqualine", "--rate-limit", "0"},
          {"tenant", "create", "--name", "X", "--brands", "Aqualine", "--quota", "many"},
          {"tenant", "rotate", "tn_000000000000"},
          {"tenant", "rotate", "not-an-id"},
          {"tenant", "rotate", id, "--grace-hours", "-1"},
          {"tenant", "revoke", "tn_000000000000"},
          {"tenant", "revoke"},
          {"tenant", "frobnicate"}
        }) {
      CliRun r = run(args);
      assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
      assertThat(keys(r.out() + r.err())).as("no key printed on a mistake").isEmpty();
    }
    assertThat(run("tenant", "revoke", id).exit()).isZero();
    CliRun again = run("tenant", "revoke", id);
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("revoked already");
    CliRun rotateRevoked = run("tenant", "rotate", id);
    assertThat(rotateRevoked.exit()).isEqualTo(2);
    assertThat(rotateRevoked.err()).contains("is revoked");
  }

  @Test
  void alertsShowAndSetThenRefuseAnInternalWebhookAndTurnOff() {
    String id = id(create().out());
    CliRun shown = run("tenant", "alerts", id);
    assertThat(shown.exit()).as(shown.err()).isZero();
    assertThat(shown.out()).contains("tenant " + id + ": alerts off");

    CliRun set =
        run(
            "tenant",
            "alerts",
            id,
            "--webhook",
            "https://93.184.216.34/fixfinder",
            "--email",
            "support@aqualine.example",
            "--min-growth",
            "3");
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out())
        .contains("alerts on")
        .contains("https://93.184.216.34/fixfinder")
        .contains("support@aqualine.example")
        .contains("3.0")
        .containsPattern("signing secret: whsec_[A-Za-z0-9_-]{43}");

    // an internal address is refused (SSRF), and nothing changes
    CliRun refused = run("tenant", "alerts", id, "--webhook", "https://169.254.169.254/x");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("webhookUrl").contains("link-local");
    assertThat(run("tenant", "alerts", id).out()).contains("https://93.184.216.34/fixfinder");

    // an option not given keeps its value; '' clears one target
    CliRun cleared = run("tenant", "alerts", id, "--webhook", "");
    assertThat(cleared.out()).contains("webhook:        -").contains("support@aqualine.example");
    CliRun off = run("tenant", "alerts", id, "--off");
    assertThat(off.out()).contains("alerts off");
  }
}
