package io.fixfinder.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.store.Database;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.tenants.TenantStore;
import io.fixfinder.store.tenants.TenantSummary;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo company's tenant on a real SQLite store: made once, kept, replaced when it moves. */
class DemoCompanyTest {
  @TempDir Path dir;

  @Test
  void keptAcrossRunsAndReplacedWhenThePageMoves() throws Exception {
    FixFinderConfig cfg = ConfigLoader.load(Optional.empty(), Map.of()).withDataDir(dir);
    Path file = new DataLayout(dir).demoCompany();
    try (Database db = Database.open(cfg.database(), dir)) {
      TenantStore tenants = new TenantStore(db, SecretKeys.load(dir), Clock.systemUTC());
      DemoCompany.Keys first =
          DemoCompany.ensure(cfg, db, file, URI.create("http://127.0.0.1:7091"));
      assertThat(first.origin()).isEqualTo("http://127.0.0.1:7091");
      assertThat(first.publishableKey()).startsWith("pk_");
      assertThat(first.secretKey()).startsWith("sk_");
      assertThat(first.toString()).doesNotContain(first.publishableKey(), first.secretKey());
      assertThat(Files.getPosixFilePermissions(file))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(tenants.resolve(first.publishableKey())).isPresent();
      assertThat(tenants.find(first.tenantId()).orElseThrow().brands()).containsExactly("Aqualine");

      DemoCompany.Keys again =
          DemoCompany.ensure(cfg, db, file, URI.create("http://127.0.0.1:7091"));
      assertThat(again).isEqualTo(first);
      assertThat(tenants.list()).hasSize(1);

      DemoCompany.Keys moved =
          DemoCompany.ensure(cfg, db, file, URI.create("http://127.0.0.1:7092"));
      assertThat(moved.tenantId()).isNotEqualTo(first.tenantId());
      assertThat(tenants.resolve(first.publishableKey())).isEmpty();
      assertThat(tenants.resolve(moved.publishableKey())).isPresent();
      assertThat(
              tenants.list().stream().filter(t -> t.tenant().active()).map(TenantSummary::tenant))
          .extracting(t -> t.origins())
          .containsExactly(java.util.List.of("http://127.0.0.1:7092"));

      Files.writeString(file, "{ damaged");
      DemoCompany.Keys fresh =
          DemoCompany.ensure(cfg, db, file, URI.create("http://127.0.0.1:7092"));
      assertThat(tenants.resolve(fresh.publishableKey())).isPresent();
    }
  }
}
