package io.fixfinder.crawler.fetch.crawler4j;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.http.HttpEntity;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.client.methods.AbortableHttpRequest;
import org.apache.http.client.methods.HttpRequestWrapper;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.protocol.HttpContext;

/**
 * Drops the connection of a body crawler4j stopped reading at the size limit, instead of draining
 * it. Crawler4j reads a page up to {@code maxDownloadSize}, marks it truncated and closes the
 * stream; closing a chunked body reads it to its end so the connection can be reused, which for a
 * gzip bomb (1 GiB of zeros in 1 MB) means waiting while the server compresses and we inflate the
 * whole gigabyte, until the fetch deadline fails the page. Added last, so it sees the decompressed
 * body: the size crawler4j counts.
 */
final class CappedBodies implements HttpResponseInterceptor {
  private final long maxBytes;

  CappedBodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void process(HttpResponse response, HttpContext context) {
    HttpEntity entity = response.getEntity();
    if (entity == null || !entity.isStreaming()) return;
    HttpRequest request = HttpClientContext.adapt(context).getRequest();
    if (request instanceof HttpRequestWrapper wrapper) request = wrapper.getOriginal();
    if (request instanceof AbortableHttpRequest abortable) {
      response.setEntity(new Capped(entity, maxBytes, abortable));
    }
  }

  private static final class Capped extends HttpEntityWrapper {
    private final long maxBytes;
    private final AbortableHttpRequest request;
    private InputStream content;

    Capped(HttpEntity entity, long maxBytes, AbortableHttpRequest request) {
      super(entity);
      this.maxBytes = maxBytes;
      this.request = request;
    }

    /** One stream for the entity's life, as the decompressing entity it wraps does. */
    @Override
    public InputStream getContent() throws IOException {
      if (content == null) content = new CountingStream(super.getContent());
      return content;
    }

    private final class CountingStream extends FilterInputStream {
      private long read;

      CountingStream(InputStream in) {
        super(in);
      }

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) read++;
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) read += n;
        return n;
      }

      @Override
      public void close() throws IOException {
        if (read <= maxBytes) {
          super.close();
          return;
        }
        // Past the limit the rest is unwanted: close the connection rather than read it all.
        request.abort();
        try {
          super.close();
        } catch (IOException expected) {
          // the aborted connection fails the drain; the truncated page is already read
        }
      }
    }
  }
}
