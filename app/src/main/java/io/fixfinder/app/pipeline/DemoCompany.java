package io.fixfinder.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.Database;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.tenants.IssuedKeys;
import io.fixfinder.store.tenants.Tenant;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's fictional company, "Aqualine Customer Care": a tenant scoped to the Aqualine brand,
 * whose publishable key its help page embeds and whose secret key opens its dashboard. A key is
 * shown only once when it is made, and the demo needs it on every start, so the tenant and its keys
 * are kept in {@code demo-company.json} in the data directory (mode 0600, like the installation's
 * secret key). When the page's origin changed (its port was taken) or the tenant is gone, a new
 * tenant is made and the old one revoked.
 */
public final class DemoCompany {
  public static final String NAME = "Aqualine Customer Care (demo)";
  public static final String BRAND = "Aqualine";

  /** The tenant and its keys; {@link #toString} shows no key. */
  public record Keys(String tenantId, String origin, String publishableKey, String secretKey) {
    @Override
    public String toString() {
      return "Keys[" + tenantId + ", " + origin + "]";
    }
  }

  private DemoCompany() {}

  /** The demo company's keys for a help page at {@code origin}, made when needed. */
  public static Keys ensure(FixFinderConfig cfg, Database db, Path file, URI origin) {
    TenantStore tenants = new TenantStore(db, SecretKeys.load(cfg.data().dir()), Clock.systemUTC());
    String wanted = TenantRules.origin(origin.toString());
    Optional<Keys> kept = read(file);
    if (kept.isPresent()) {
      Keys k = kept.get();
      boolean live =
          tenants.find(k.tenantId()).filter(Tenant::active).isPresent()
              && tenants.resolve(k.publishableKey()).isPresent()
              && tenants.resolve(k.secretKey()).isPresent();
      if (live && k.origin().equals(wanted)) return k;
      if (live) tenants.revoke(k.tenantId());
    }
    TenantSpec spec =
        new TenantRules(Lexicon.builtIn())
            .check(
                new TenantSpec(
                    NAME,
                    List.of(BRAND),
                    List.of(),
                    List.of(wanted),
                    cfg.api().tenantRateLimitPerMinute(),
                    cfg.api().tenantDailyQuota()));
    IssuedKeys issued = tenants.create(spec);
    Keys keys = new Keys(issued.tenant().id(), wanted, issued.publishableKey(), issued.secretKey());
    write(file, keys);
    return keys;
  }

  static Optional<Keys> read(Path file) {
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      JsonNode n = Json.mapper().readTree(file.toFile());
      Keys k =
          new Keys(
              n.path("tenant").asText(),
              n.path("origin").asText(),
              n.path("publishableKey").asText(),
              n.path("secretKey").asText());
      return k.tenantId().isEmpty() || k.publishableKey().isEmpty()
          ? Optional.empty()
          : Optional.of(k);
    } catch (IOException e) {
      return Optional.empty(); // damaged: a new tenant replaces it
    }
  }

  private static void write(Path file, Keys k) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("tenant", k.tenantId());
    json.put("origin", k.origin());
    json.put("publishableKey", k.publishableKey());
    json.put("secretKey", k.secretKey());
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      try {
        // never readable by others, not even between creation and a chmod
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(tmp);
      }
      Files.writeString(tmp, Json.mapper().writeValueAsString(json), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
