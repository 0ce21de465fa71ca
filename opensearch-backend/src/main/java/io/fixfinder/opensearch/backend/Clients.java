package io.fixfinder.opensearch.backend;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** The {@code opensearch-java} client over HTTP for {@link OpenSearchSettings}. */
final class Clients {
  private Clients() {}

  static OpenSearchClient connect(OpenSearchSettings settings) {
    HttpHost[] hosts = new HttpHost[settings.urls().size()];
    for (int i = 0; i < hosts.length; i++) hosts[i] = host(settings.urls().get(i));
    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
    if (settings.user().isPresent()) {
      char[] password = settings.password().orElse("").toCharArray();
      for (HttpHost h : hosts) {
        credentials.setCredentials(
            new AuthScope(h), new UsernamePasswordCredentials(settings.user().get(), password));
      }
    }
    return new OpenSearchClient(
        ApacheHttpClient5TransportBuilder.builder(hosts)
            .setMapper(new JacksonJsonpMapper())
            .setHttpClientConfigCallback(
                b -> {
                  // the client reads gzip itself; the HTTP client's own decoding would do it twice
                  b.disableContentCompression();
                  if (settings.user().isPresent()) b.setDefaultCredentialsProvider(credentials);
                  return b;
                })
            .setRequestConfigCallback(
                r ->
                    r.setConnectTimeout(Timeout.ofSeconds(5))
                        .setResponseTimeout(Timeout.ofSeconds(120)))
            .build());
  }

  private static HttpHost host(URI uri) {
    try {
      return HttpHost.create(uri);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("index.opensearch.urls: not a host address: " + uri, e);
    }
  }

  static URI uri(String s) {
    try {
      return new URI(s.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("index.opensearch.urls: not an address: " + s);
    }
  }
}
