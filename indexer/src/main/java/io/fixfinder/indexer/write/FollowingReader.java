package io.fixfinder.indexer.write;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * A read-only reader of one generation that, when refreshed, follows {@code CURRENT}: to the next
 * commit of its generation, or to the generation the pointer names now. Searches in flight keep the
 * reader they acquired; the generation is let go when its last reader closes.
 */
final class FollowingReader extends DirectoryReader {
  private final DirectoryReader in;
  private final ReadGeneration generation;
  private final Following following;

  /** Takes over {@code in} and one hold on {@code generation}; both are released on close. */
  FollowingReader(DirectoryReader in, ReadGeneration generation, Following following)
      throws IOException {
    super(generation.directory(), leavesOf(in), null);
    this.in = in;
    this.generation = generation;
    this.following = following;
  }

  private static LeafReader[] leavesOf(DirectoryReader in) {
    return in.leaves().stream().map(LeafReaderContext::reader).toArray(LeafReader[]::new);
  }

  ReadGeneration generation() {
    return generation;
  }

  @Override
  protected DirectoryReader doOpenIfChanged() throws IOException {
    return follow();
  }

  private DirectoryReader follow() throws IOException {
    Optional<FollowingReader> moved = following.openIfMoved(generation.name());
    if (moved.isPresent()) return moved.get();
    DirectoryReader changed = DirectoryReader.openIfChanged(in);
    if (changed == null) return null;
    generation.retain();
    try {
      return new FollowingReader(changed, generation, following);
    } catch (IOException | RuntimeException e) {
      changed.close();
      generation.release();
      throw e;
    }
  }

  @Override
  protected DirectoryReader doOpenIfChanged(ExecutorService executor) throws IOException {
    return follow();
  }

  /** Only the latest commit ({@code null}, as the searcher manager asks) is followed. */
  @Override
  protected DirectoryReader doOpenIfChanged(IndexCommit commit) throws IOException {
    if (commit != null) {
      throw new UnsupportedOperationException(
          "a serving reader follows CURRENT, not given commits");
    }
    return follow();
  }

  @Override
  protected DirectoryReader doOpenIfChanged(IndexCommit commit, ExecutorService executor)
      throws IOException {
    return doOpenIfChanged(commit);
  }

  @Override
  protected DirectoryReader doOpenIfChanged(IndexWriter writer, boolean applyAllDeletes) {
    throw new UnsupportedOperationException("a serving reader has no writer");
  }

  @Override
  protected DirectoryReader doOpenIfChanged(
      IndexWriter writer, boolean applyAllDeletes, ExecutorService executor) {
    return doOpenIfChanged(writer, applyAllDeletes);
  }

  @Override
  public long getVersion() {
    return in.getVersion();
  }

  @Override
  public boolean isCurrent() throws IOException {
    return in.isCurrent() && following.isLive(generation.name());
  }

  @Override
  public IndexCommit getIndexCommit() throws IOException {
    return in.getIndexCommit();
  }

  @Override
  protected void doClose() throws IOException {
    try {
      in.close();
    } finally {
      generation.release();
    }
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return in.getReaderCacheHelper(); // same segments, same content
  }
}
