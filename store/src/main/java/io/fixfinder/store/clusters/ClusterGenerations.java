package io.fixfinder.store.clusters;

import io.fixfinder.store.Database;
import io.fixfinder.store.StoreException;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Published issue-cluster generations: the bytes of a committed cluster file, numbered, stored in
 * parts, the newest one served. {@link #publish} stores a new generation and announces it on the
 * change feed in one transaction; readers take the {@link #latest} and {@link #open} its bytes.
 *
 * <p>A publication names the generation it was built from: when another one was published meanwhile
 * (two {@code index} runs on two machines), the later publish is refused rather than silently
 * dropping the other's clusters ({@link Conflict}); the head row's compare-and-set decides, under
 * its row lock, so two concurrent publishers cannot both win. The generation before the newest is
 * kept, so a server still reading it when a new one lands finishes its read.
 */
public final class ClusterGenerations {
  /** The most a part holds: bounds one row and one allocation, on both engines. */
  static final int PART_BYTES = 4 << 20;

  /** Generations kept: the newest and the one before it. */
  static final int KEEP = 2;

  /**
   * A published generation.
   *
   * @param basedOn the generation it was built from (0: none)
   * @param indexName the OpenSearch index it was built beside ("" when unknown)
   */
  public record Published(
      long generation,
      long basedOn,
      long sizeBytes,
      int parts,
      String sha256,
      String indexName,
      Instant publishedAt) {
    public Published {
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(indexName, "indexName");
      Objects.requireNonNull(publishedAt, "publishedAt");
    }
  }

  /** Another generation was published since the one a publication was built from. */
  public static final class Conflict extends RuntimeException {
    Conflict(long expected) {
      super(
          "issue clusters were published by another index run meanwhile (this run started from "
              + (expected == 0 ? "none" : "generation " + expected)
              + "): run index again to build on them");
    }
  }

  private final Database db;
  private final Clock clock;

  public ClusterGenerations(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The newest published generation, if any. */
  public Optional<Published> latest() {
    return db.read(
        c -> {
          try (PreparedStatement st =
                  c.prepareStatement(
                      "SELECT generation, based_on, size_bytes, parts, sha256, index_name,"
                          + " published_at_ms FROM issue_cluster_generation"
                          + " ORDER BY generation DESC LIMIT 1");
              ResultSet rs = st.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            return Optional.of(
                new Published(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getInt(4),
                    rs.getString(5).strip(),
                    rs.getString(6),
                    Instant.ofEpochMilli(rs.getLong(7))));
          }
        });
  }

  /**
   * Stores {@code content} (read to its end) as the generation after {@code basedOn} and announces
   * it on the change feed, in one transaction; older generations but the one before are deleted.
   *
   * @param basedOn the generation the content was built from, 0 when built from none
   * @throws Conflict when the newest generation is no longer {@code basedOn}
   */
  public Published publish(InputStream content, long basedOn, String indexName) {
    Objects.requireNonNull(indexName, "indexName");
    return db.transaction(
        c -> {
          long generation = basedOn + 1;
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE issue_cluster_head SET generation = ? WHERE id = 1 AND generation = ?")) {
            st.setLong(1, generation);
            st.setLong(2, basedOn);
            if (st.executeUpdate() != 1) throw new Conflict(basedOn);
          }
          MessageDigest sha = sha256();
          long size = 0;
          int parts = 0;
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO issue_cluster_part (generation, part, content) VALUES (?, ?, ?)")) {
            byte[] buffer = new byte[PART_BYTES];
            int n;
            while ((n = content.readNBytes(buffer, 0, buffer.length)) > 0) {
              byte[] part = n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n);
              sha.update(part);
              st.setLong(1, generation);
              st.setInt(2, parts++);
              st.setBytes(3, part);
              st.executeUpdate();
              size += n;
            }
          } catch (IOException e) {
            throw new SQLException("reading the cluster file to publish: " + e.getMessage(), e);
          }
          Published p =
              new Published(
                  generation,
                  basedOn,
                  size,
                  parts,
                  HexFormat.of().formatHex(sha.digest()),
                  indexName,
                  Instant.ofEpochMilli(clock.millis()));
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO issue_cluster_generation (generation, based_on, size_bytes, parts,"
                      + " sha256, index_name, published_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, p.generation());
            st.setLong(2, p.basedOn());
            st.setLong(3, p.sizeBytes());
            st.setInt(4, p.parts());
            st.setString(5, p.sha256());
            st.setString(6, p.indexName());
            st.setLong(7, p.publishedAt().toEpochMilli());
            st.executeUpdate();
          }
          for (String table : new String[] {"issue_cluster_part", "issue_cluster_generation"}) {
            try (PreparedStatement st =
                c.prepareStatement("DELETE FROM " + table + " WHERE generation <= ?")) {
              st.setLong(1, generation - KEEP);
              st.executeUpdate();
            }
          }
          // last: the feed's counter lock is held only for the rest of this transaction
          ChangeFeed.append(c, Topic.CLUSTERS, Long.toString(generation), clock);
          return p;
        });
  }

  /**
   * The bytes of {@code p}, read a part at a time; the last read checks them against the SHA-256
   * published with them. A generation deleted while it is read (two newer ones published meanwhile)
   * ends the read with an {@link IOException}: read the latest again.
   */
  public InputStream open(Published p) {
    return new PartStream(p);
  }

  private final class PartStream extends InputStream {
    private final Published published;
    private final MessageDigest sha = sha256();
    private byte[] current = new byte[0];
    private int offset;
    private int next;
    private boolean verified;

    PartStream(Published published) {
      this.published = published;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) return 0;
      while (offset == current.length) {
        if (next == published.parts()) {
          if (!verified) verify();
          return -1;
        }
        current = part(next++);
        offset = 0;
        sha.update(current);
      }
      int n = Math.min(len, current.length - offset);
      System.arraycopy(current, offset, b, off, n);
      offset += n;
      return n;
    }

    private void verify() throws IOException {
      String got = HexFormat.of().formatHex(sha.digest());
      verified = true; // once: further reads only say the end
      if (!got.equals(published.sha256()))
        throw new IOException(
            "issue clusters of generation "
                + published.generation()
                + " fail their SHA-256: the stored parts are damaged");
    }

    private byte[] part(int n) throws IOException {
      try {
        Optional<byte[]> bytes =
            db.read(
                c -> {
                  try (PreparedStatement st =
                      c.prepareStatement(
                          "SELECT content FROM issue_cluster_part"
                              + " WHERE generation = ? AND part = ?")) {
                    st.setLong(1, published.generation());
                    st.setInt(2, n);
                    try (ResultSet rs = st.executeQuery()) {
                      return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                    }
                  }
                });
        return bytes.orElseThrow(
            () ->
                new IOException(
                    "issue clusters of generation "
                        + published.generation()
                        + " were replaced while being read"));
      } catch (StoreException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
