package io.fixfinder.crawler.frontier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A Bloom filter of the URLs a worker has queued, so that none is queued twice: about 9.6 bits a
 * URL at a 1% false-positive rate, where a set of the URLs themselves would hold ~100 bytes each. A
 * false positive drops a URL never seen (1 in 100 new links at the sizing rate); it never queues
 * one twice. Past its sized count the rate grows; {@link #expectedFalsePositiveRate} says by how
 * much.
 */
public final class SeenUrls {
  private final long[] bits;
  private final long size;
  private final int hashes;
  private long added;

  /** Sized for {@code expected} URLs at false-positive rate {@code fpp} (0 < fpp < 1). */
  public SeenUrls(long expected, double fpp) {
    if (expected < 1 || !(fpp > 0 && fpp < 1)) {
      throw new IllegalArgumentException(
          "expected >= 1 and 0 < fpp < 1, got " + expected + ", " + fpp);
    }
    long m = (long) Math.ceil(-expected * Math.log(fpp) / (Math.log(2) * Math.log(2)));
    this.size = Math.max(64, (m + 63) / 64 * 64);
    this.bits = new long[Math.toIntExact(size / 64)];
    this.hashes = Math.max(1, (int) Math.round((double) size / expected * Math.log(2)));
  }

  private SeenUrls(long[] bits, int hashes, long added) {
    this.bits = bits;
    this.size = (long) bits.length * 64;
    this.hashes = hashes;
    this.added = added;
  }

  /** Adds {@code url}; false when it was (probably) there already. */
  public boolean addIfNew(String url) {
    return probe(url, true);
  }

  /** Whether {@code url} was (probably) added; adds nothing. */
  public boolean contains(String url) {
    return !probe(url, false);
  }

  /** True when some bit of {@code url} was clear (so it is new), setting them if {@code add}. */
  private boolean probe(String url, boolean add) {
    byte[] b = url.getBytes(StandardCharsets.UTF_8);
    long h1 = HostShards.mix(fnv(b, 0xcbf29ce484222325L));
    long h2 = HostShards.mix(fnv(b, 0x84222325cbf29ce4L)) | 1;
    boolean isNew = false;
    for (int i = 0; i < hashes; i++) {
      long bit = Long.remainderUnsigned(h1 + i * h2, size);
      int word = (int) (bit >>> 6);
      long mask = 1L << (bit & 63);
      if ((bits[word] & mask) == 0) {
        if (!add) return true;
        bits[word] |= mask;
        isNew = true;
      }
    }
    if (isNew) added++;
    return isNew;
  }

  /** Bytes held: the figure a worker's memory budget counts. */
  public long bytes() {
    return (long) bits.length * Long.BYTES;
  }

  /** The false-positive rate at the count added so far: (1 - e^(-k n / m))^k. */
  public double expectedFalsePositiveRate() {
    return Math.pow(1 - Math.exp(-(double) hashes * added / size), hashes);
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(hashes);
    out.writeLong(added);
    out.writeInt(bits.length);
    for (long w : bits) out.writeLong(w);
  }

  static SeenUrls read(DataInputStream in) throws IOException {
    int k = in.readInt();
    long added = in.readLong();
    long[] bits = new long[in.readInt()];
    for (int i = 0; i < bits.length; i++) bits[i] = in.readLong();
    return new SeenUrls(bits, k, added);
  }

  private static long fnv(byte[] b, long seed) {
    long h = seed;
    for (byte x : b) {
      h ^= x & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
