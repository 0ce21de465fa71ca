package io.fixfinder.opensearch.backend;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the cluster is and how the index is laid out.
 *
 * @param urls the nodes' HTTP addresses ({@code http://127.0.0.1:9200}); requests go to them in
 *     turn
 * @param alias the name searches use; generations are the indices {@code <alias>-<n>}
 * @param shards primary shards of a generation; the lexical search asks for {@code
 *     dfs_query_then_fetch}, so BM25 statistics are the whole index's whatever the number (on one
 *     shard OpenSearch skips that phase)
 * @param replicas replicas of each shard
 * @param user basic-auth user, from {@value #USER_ENV}; empty: no authentication
 * @param password basic-auth password, from {@value #PASSWORD_ENV}; never printed ({@link
 *     #toString()} leaves it out)
 */
public record OpenSearchSettings(
    List<URI> urls,
    String alias,
    int shards,
    int replicas,
    Optional<String> user,
    Optional<String> password) {
  public static final String USER_ENV = "FIXFINDER_OPENSEARCH_USER";
  public static final String PASSWORD_ENV = "FIXFINDER_OPENSEARCH_PASSWORD";
  public static final String DEFAULT_ALIAS = "fixfinder";

  public OpenSearchSettings {
    urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
    if (urls.isEmpty()) throw new IllegalArgumentException("index.opensearch.urls is empty");
    for (URI u : urls) {
      if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
        throw new IllegalArgumentException("index.opensearch.urls: not an http(s) address: " + u);
      }
    }
    Objects.requireNonNull(alias, "alias");
    if (!alias.matches("[a-z0-9][a-z0-9_.-]*")) {
      throw new IllegalArgumentException(
          "the index alias must be lower-case letters, digits, '_', '.', '-': " + alias);
    }
    if (shards < 1) throw new IllegalArgumentException("shards must be >= 1, not " + shards);
    if (replicas < 0) throw new IllegalArgumentException("replicas must be >= 0, not " + replicas);
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /**
   * The cluster and layout of {@code index.opensearch} ({@code urls}, {@code shards}, {@code
   * replicas}), the default alias, credentials from the environment.
   */
  public static OpenSearchSettings of(
      io.fixfinder.core.config.FixFinderConfig.OpenSearch config, Map<String, String> env) {
    return of(config.urls().stream().map(Clients::uri).toList(), env)
        .withLayout(config.shards(), config.replicas());
  }

  /** One shard, no replica, credentials from the environment. */
  public static OpenSearchSettings of(List<URI> urls, Map<String, String> env) {
    return new OpenSearchSettings(
        urls,
        DEFAULT_ALIAS,
        1,
        0,
        Optional.ofNullable(env.get(USER_ENV)).filter(s -> !s.isBlank()),
        Optional.ofNullable(env.get(PASSWORD_ENV)).filter(s -> !s.isEmpty()));
  }

  public OpenSearchSettings withAlias(String other) {
    return new OpenSearchSettings(urls, other, shards, replicas, user, password);
  }

  public OpenSearchSettings withLayout(int shardCount, int replicaCount) {
    return new OpenSearchSettings(urls, alias, shardCount, replicaCount, user, password);
  }

  /** The cluster and alias, for messages: never the credentials. */
  public String where() {
    return "OpenSearch index '" + alias + "' at " + urls;
  }

  @Override
  public String toString() {
    return "OpenSearchSettings[urls="
        + urls
        + ", alias="
        + alias
        + ", shards="
        + shards
        + ", replicas="
        + replicas
        + ", user="
        + user.map(u -> "(set)").orElse("(none)")
        + "]";
  }
}
