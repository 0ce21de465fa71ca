package io.fixfinder.crawler.state;

/**
 * What the crawler remembers about a URL between runs: the validators for conditional GET, the hash
 * of the content it extracted, and the run that last confirmed it.
 */
public record FetchState(
    String url,
    String etag,
    String lastModified,
    String contentHash,
    long fetchedAtMillis,
    String runId) {
  public FetchState {
    etag = etag == null ? "" : etag;
    lastModified = lastModified == null ? "" : lastModified;
    contentHash = contentHash == null ? "" : contentHash;
    runId = runId == null ? "" : runId;
  }

  public FetchState confirmedIn(String run, long at) {
    return new FetchState(url, etag, lastModified, contentHash, at, run);
  }
}
