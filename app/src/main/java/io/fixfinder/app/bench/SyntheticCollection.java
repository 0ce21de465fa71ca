package io.fixfinder.app.bench;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.demo.scale.SyntheticRecords;
import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The first {@code size} synthetic records, generated while iterating: a million fit no heap. */
final class SyntheticCollection extends AbstractCollection<SourceDoc> {
  private final SyntheticRecords records;
  private final int size;

  SyntheticCollection(SyntheticRecords records, int size) {
    this.records = records;
    this.size = size;
  }

  @Override
  public Iterator<SourceDoc> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public SourceDoc next() {
        if (next >= size) throw new NoSuchElementException();
        return records.record(next++);
      }
    };
  }

  @Override
  public int size() {
    return size;
  }
}
