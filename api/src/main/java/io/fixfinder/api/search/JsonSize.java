package io.fixfinder.api.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixfinder.indexer.search.SearchResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.ToIntFunction;

/** A response's length as the API's JSON, counted without keeping the bytes: the cache's weight. */
public final class JsonSize implements ToIntFunction<SearchResponse> {
  private final ObjectMapper mapper;

  /**
   * @param mapper the mapper the API writes responses with
   */
  public JsonSize(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public int applyAsInt(SearchResponse response) {
    Counter counter = new Counter();
    try {
      mapper.writeValue(counter, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) Math.min(Integer.MAX_VALUE, counter.bytes);
  }

  private static final class Counter extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
