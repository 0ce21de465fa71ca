package io.fixfinder.crawler.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuotaLedgerTest {
  @TempDir Path dir;

  static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void stopsBeforeTheBudgetAndRemembersAcrossRuns() {
    Path file = dir.resolve("quota.json");
    QuotaLedger ledger = new QuotaLedger(file, 250, at("2026-11-29T12:00:00Z"));
    assertThat(ledger.tryCharge(QuotaLedger.SEARCH_COST)).isTrue();
    assertThat(ledger.tryCharge(QuotaLedger.SEARCH_COST)).isTrue();
    assertThat(ledger.tryCharge(QuotaLedger.SEARCH_COST)).as("would reach 300 > 250").isFalse();
    assertThat(ledger.tryCharge(QuotaLedger.VIDEOS_COST)).isTrue();
    QuotaLedger again = new QuotaLedger(file, 250, at("2026-11-29T20:00:00Z"));
    assertThat(again.used()).isEqualTo(201);
  }

  @Test
  void theQuotaDayResetsAtPacificMidnight() {
    Path file = dir.resolve("quota.json");
    new QuotaLedger(file, 1000, at("2026-11-29T07:00:00Z"))
        .tryCharge(900); // 23:00 in Los Angeles, Nov 28
    assertThat(new QuotaLedger(file, 1000, at("2026-11-29T07:59:00Z")).used()).isEqualTo(900);
    assertThat(new QuotaLedger(file, 1000, at("2026-11-29T08:01:00Z")).used())
        .as("a new Pacific day")
        .isZero();
  }

  @Test
  void aCorruptLedgerCountsAsSpent() throws Exception {
    Path file = dir.resolve("quota.json");
    Files.writeString(file, "{not json");
    QuotaLedger ledger = new QuotaLedger(file, 500, at("2026-11-29T12:00:00Z"));
    assertThat(ledger.tryCharge(1)).isFalse();
  }
}
