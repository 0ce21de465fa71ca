package io.fixfinder.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostShardsTest {
  @Test
  void everyHostHasOneStableOwnerAndTheLoadIsEven() {
    HostShards eight = new HostShards(8);
    int[] load = new int[8];
    for (int i = 0; i < 80_000; i++) load[eight.workerOf("host" + i + ".example")]++;
    for (int l : load) assertThat(l).isBetween(9_400, 10_600);
    assertThat(eight.workerOf("WWW.Example.org")).isEqualTo(eight.workerOf("www.example.org"));
    assertThat(new HostShards(8).workerOf("a.example")).isEqualTo(eight.workerOf("a.example"));
  }

  @Test
  void aNinthWorkerTakesAboutANinthOfTheHostsAndMovesNoneBetweenTheOthers() {
    HostShards eight = new HostShards(8);
    HostShards nine = new HostShards(9);
    int moved = 0;
    for (int i = 0; i < 90_000; i++) {
      String host = "host" + i + ".example";
      int before = eight.workerOf(host);
      int after = nine.workerOf(host);
      if (before != after) {
        assertThat(after).as("a moved host goes to the new worker").isEqualTo(8);
        moved++;
      }
    }
    assertThat(moved).isBetween(9_400, 10_600);
  }
}
