package io.fixfinder.core.feedback;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tallies of all items in memory: lock-free reads for ranking, updated by the store after each
 * committed write ({@link #put}) and replaced wholesale when it reloads ({@link #replaceAll}).
 * Writers are serialised so that a reload never loses a concurrent update.
 */
public final class TallySnapshot implements FeedbackSignals, AllTallies {
  private volatile Map<String, Tally> tallies = new ConcurrentHashMap<>();

  @Override
  public Tally tally(String item) {
    return tallies.getOrDefault(item, Tally.NONE);
  }

  public synchronized void put(String item, Tally tally) {
    if (tally.total() == 0) tallies.remove(item);
    else tallies.put(item, tally);
  }

  public synchronized void replaceAll(Map<String, Tally> all) {
    Map<String, Tally> fresh = new ConcurrentHashMap<>();
    all.forEach(
        (k, v) -> {
          if (v.total() > 0) fresh.put(k, v);
        });
    tallies = fresh;
  }

  @Override
  public void forEach(java.util.function.BiConsumer<String, Tally> action) {
    tallies.forEach(action);
  }

  /** Items with at least one vote. */
  public int size() {
    return tallies.size();
  }
}
