package io.fixfinder.crawler.youtube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixfinder.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * YouTube Data API quota spent today, persisted so that several runs on one day share one budget.
 * The API's quota day resets at midnight Pacific time. Costs: search.list 100 units, videos.list 1
 * unit.
 */
public final class QuotaLedger {
  public static final int SEARCH_COST = 100;
  public static final int VIDEOS_COST = 1;
  private static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");
  private static final ObjectMapper JSON = Json.mapper();

  record State(LocalDate day, int used) {}

  private final Path file;
  private final int budget;
  private final Clock clock;
  private State state;

  public QuotaLedger(Path file, int budget, Clock clock) {
    this.file = file;
    this.budget = budget;
    this.clock = clock;
    this.state = load();
  }

  private State load() {
    LocalDate today = LocalDate.now(clock.withZone(QUOTA_ZONE));
    if (Files.exists(file)) {
      try {
        State s = JSON.readValue(file.toFile(), State.class);
        if (s.day().equals(today)) return s;
      } catch (IOException e) {
        // a corrupt ledger is treated as fully spent: safer than overspending
        return new State(today, budget);
      }
    }
    return new State(today, 0);
  }

  /** Reserves units if the budget allows; false means "stop, the budget would be exceeded". */
  public synchronized boolean tryCharge(int units) {
    LocalDate today = LocalDate.now(clock.withZone(QUOTA_ZONE));
    if (!state.day().equals(today)) state = new State(today, 0);
    if (state.used() + units > budget) return false;
    state = new State(today, state.used() + units);
    save();
    return true;
  }

  public synchronized int used() {
    return state.used();
  }

  public int budget() {
    return budget;
  }

  private void save() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), state);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save quota ledger " + file, e);
    }
  }
}
