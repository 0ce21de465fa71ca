package io.fixfinder.indexer.cluster;

/** The default algorithm honours the contract. */
class FaultClustererTest extends IssueClustererContract {
  @Override
  protected IssueClusterer clusterer() {
    return new FaultClusterer();
  }
}
