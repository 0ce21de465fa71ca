package io.fixfinder.api.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixfinder.indexer.search.SearchResponse;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** A search response as the bytes of the API's JSON: what the search cache keeps and sends. */
public final class JsonBytes implements Function<SearchResponse, byte[]> {
  private final ObjectMapper mapper;

  /**
   * @param mapper the mapper the API writes every other response with
   */
  public JsonBytes(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public byte[] apply(SearchResponse response) {
    try {
      return mapper.writeValueAsBytes(response);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
