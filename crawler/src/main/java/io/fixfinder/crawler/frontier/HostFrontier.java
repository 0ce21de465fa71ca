package io.fixfinder.crawler.frontier;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One worker's frontier: every URL of the hosts it owns, served one host at a time at that host's
 * pace. Memory holds what is per host (its due time and the two ends of its queue); the URLs are in
 * an append-only log on disk, each record pointing to the next of its host, so the frontier grows
 * with the disk, not the heap. Picking the next URL is a heap pop and one read: O(log hosts).
 *
 * <p>Resume: {@link #checkpoint} writes the host table and the seen-filter beside the log; {@link
 * #open} after a kill reads the last checkpoint and replays the log written after it. No queued URL
 * is lost; a URL handed out after the last checkpoint is handed out again (at least once), which a
 * crawl's conditional GET makes cheap.
 *
 * <p>Not thread-safe: a worker's fetch threads take URLs through one picker thread.
 */
public final class HostFrontier implements AutoCloseable {
  /** What {@link #next} found. */
  public sealed interface Pick {
    /** The URL to fetch now. */
    record Fetch(String url) implements Pick {}

    /** Nothing is due yet: the first host is due in {@code millis}. */
    record Wait(long millis) implements Pick {}

    /** No URL is queued. */
    record Empty() implements Pick {}
  }

  private static final byte HOST = 'H';
  private static final byte URL = 'U';
  private static final int BUFFER = 1 << 20;
  private static final String LOG = "frontier.log";
  private static final String CHECKPOINT = "frontier.checkpoint";

  private static final class Host {
    final int id;
    final String name;
    long head = -1;
    long tailNext = -1; // where the last record's pointer to the next one is, -1 when empty
    int queued;
    long dueAt;
    int delayMillis;

    Host(int id, String name, int delayMillis) {
      this.id = id;
      this.name = name;
      this.delayMillis = delayMillis;
    }
  }

  private final Path dir;
  private final FileChannel log;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
  private long bufferStart;
  private final Map<String, Host> byName = new HashMap<>();
  private final List<Host> byId = new ArrayList<>();
  private final PriorityQueue<Host> due =
      new PriorityQueue<>(
          Comparator.comparingLong((Host h) -> h.dueAt).thenComparingInt(h -> h.id));
  private final int defaultDelayMillis;
  private SeenUrls seen;
  private long queued;

  private HostFrontier(Path dir, FileChannel log, SeenUrls seen, int defaultDelayMillis) {
    this.dir = dir;
    this.log = log;
    this.seen = seen;
    this.defaultDelayMillis = defaultDelayMillis;
  }

  /**
   * Opens the frontier in {@code dir}, resuming from its last checkpoint and the log after it.
   *
   * @param expectedUrls what the seen-filter is sized for (a new frontier only)
   * @param delayMillis the pause between two requests to one host, unless {@link #pace} says else
   */
  public static HostFrontier open(Path dir, long expectedUrls, int delayMillis) {
    try {
      Files.createDirectories(dir);
      FileChannel ch =
          FileChannel.open(
              dir.resolve(LOG),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      HostFrontier f = new HostFrontier(dir, ch, new SeenUrls(expectedUrls, 0.01), delayMillis);
      long from = f.readCheckpoint();
      f.replay(from);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the frontier in " + dir, e);
    }
  }

  /**
   * Queues {@code url} unless it was queued before or has no host; true when queued. A host seen
   * for the first time becomes due at once.
   */
  public boolean offer(String url, long nowMillis) {
    String host = hostOf(url);
    if (host == null || !seen.addIfNew(url)) return false;
    Host h = byName.get(host);
    if (h == null) {
      h = new Host(byId.size(), host, defaultDelayMillis);
      h.dueAt = nowMillis;
      byName.put(host, h);
      byId.add(h);
      byte[] name = host.getBytes(StandardCharsets.UTF_8);
      ByteBuffer r = ByteBuffer.allocate(1 + 4 + 2 + name.length);
      r.put(HOST).putInt(h.id).putShort((short) name.length).put(name).flip();
      append(r);
    }
    byte[] u = url.getBytes(StandardCharsets.UTF_8);
    ByteBuffer r = ByteBuffer.allocate(1 + 4 + 2 + u.length + 8);
    r.put(URL).putInt(h.id).putShort((short) u.length).put(u).putLong(-1).flip();
    long at = append(r);
    link(h, at, at + 7 + u.length);
    return true;
  }

  /** Sets the pause between two requests to {@code host} (from its robots.txt crawl-delay). */
  public void pace(String host, int delayMillis) {
    Host h = byName.get(host.toLowerCase(Locale.ROOT));
    if (h != null) h.delayMillis = delayMillis;
  }

  /** The next URL whose host is due at {@code nowMillis}; its host is then due a delay later. */
  public Pick next(long nowMillis) {
    Host h = due.peek();
    if (h == null) return new Pick.Empty();
    if (h.dueAt > nowMillis) return new Pick.Wait(h.dueAt - nowMillis);
    due.poll();
    ByteBuffer record = read(h.head, 256, 7);
    int len = Short.toUnsignedInt(record.getShort(5));
    if (record.limit() < 7 + len + 8) record = read(h.head, 7 + len + 8, 7 + len + 8);
    byte[] u = new byte[len];
    record.get(7, u);
    long next = record.getLong(7 + len);
    h.queued--;
    queued--;
    h.head = h.queued == 0 ? -1 : next;
    if (h.queued == 0) h.tailNext = -1;
    h.dueAt = nowMillis + h.delayMillis;
    if (h.queued > 0) due.add(h);
    return new Pick.Fetch(new String(u, StandardCharsets.UTF_8));
  }

  /** URLs queued and not yet handed out. */
  public long queued() {
    return queued;
  }

  /** Hosts known to this worker. */
  public int hosts() {
    return byId.size();
  }

  /** Bytes of the log on disk, its unwritten buffer included. */
  public long logBytes() {
    return bufferStart + buffer.position();
  }

  /** The seen-filter's bytes and its false-positive rate at what it holds. */
  public SeenUrls seen() {
    return seen;
  }

  /** Makes the log durable and writes the host table and seen-filter beside it, atomically. */
  public void checkpoint() {
    try {
      flush();
      log.force(false);
      Path tmp = dir.resolve(CHECKPOINT + ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        out.writeLong(bufferStart);
        out.writeInt(byId.size());
        for (Host h : byId) {
          out.writeUTF(h.name);
          out.writeLong(h.head);
          out.writeLong(h.tailNext);
          out.writeInt(h.queued);
          out.writeLong(h.dueAt);
          out.writeInt(h.delayMillis);
        }
        seen.write(out);
      }
      Files.move(
          tmp,
          dir.resolve(CHECKPOINT),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot checkpoint the frontier in " + dir, e);
    }
  }

  /** Writes what is buffered and closes the log, without a checkpoint (the next open replays). */
  @Override
  public void close() {
    try {
      flush();
      log.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the frontier in " + dir, e);
    }
  }

  /** A host as the frontier keys it: lower case, without port; null for a URL without one. */
  static String hostOf(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null || host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Appends the record at {@code at} (its next-pointer at {@code nextAt}) to its host's queue. */
  private void link(Host h, long at, long nextAt) {
    if (h.tailNext >= 0) {
      write(h.tailNext, ByteBuffer.allocate(8).putLong(0, at));
    } else {
      h.head = at;
    }
    h.tailNext = nextAt;
    if (h.queued++ == 0) due.add(h);
    queued++;
  }

  private long append(ByteBuffer r) {
    if (r.remaining() > buffer.remaining()) flush();
    long at = bufferStart + buffer.position();
    buffer.put(r);
    return at;
  }

  private void flush() {
    try {
      buffer.flip();
      long at = bufferStart;
      while (buffer.hasRemaining()) at += log.write(buffer, at);
      bufferStart = at;
      buffer.clear();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the frontier log in " + dir, e);
    }
  }

  /**
   * Up to {@code len} bytes at {@code at} (fewer where the log ends), at least {@code atLeast}: one
   * read gets a whole record of usual length.
   */
  private ByteBuffer read(long at, int len, int atLeast) {
    if (at >= bufferStart) {
      int from = (int) (at - bufferStart);
      int n = Math.min(len, buffer.position() - from);
      ByteBuffer out = ByteBuffer.allocate(n);
      out.put(0, buffer, from, n);
      return out;
    }
    ByteBuffer out = ByteBuffer.allocate(len);
    try {
      long pos = at;
      while (out.position() < atLeast) {
        int n = log.read(out, pos);
        if (n < 0) throw new IOException("the frontier log ends at " + pos);
        pos += n;
      }
      return out.flip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the frontier log in " + dir, e);
    }
  }

  private void write(long at, ByteBuffer b) {
    if (at >= bufferStart) {
      buffer.put((int) (at - bufferStart), b, 0, b.limit());
      return;
    }
    try {
      long pos = at;
      while (b.hasRemaining()) pos += log.write(b, pos);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the frontier log in " + dir, e);
    }
  }

  private long readCheckpoint() throws IOException {
    Path cp = dir.resolve(CHECKPOINT);
    if (!Files.exists(cp)) return 0;
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(cp), 1 << 16))) {
      long logLength = in.readLong();
      int hosts = in.readInt();
      for (int i = 0; i < hosts; i++) {
        Host h = new Host(i, in.readUTF(), 0);
        h.head = in.readLong();
        h.tailNext = in.readLong();
        h.queued = in.readInt();
        h.dueAt = in.readLong();
        h.delayMillis = in.readInt();
        byName.put(h.name, h);
        byId.add(h);
        queued += h.queued;
        if (h.queued > 0) due.add(h);
      }
      seen = SeenUrls.read(in);
      return logLength;
    }
  }

  /** Links the records written after the checkpoint; a torn last record is cut off. */
  private void replay(long from) throws IOException {
    long size = log.size();
    long at = from;
    bufferStart = size; // while replaying, every read and write goes through the channel
    ByteBuffer head = ByteBuffer.allocate(7);
    while (at + 7 <= size) {
      head.clear();
      if (log.read(head, at) < 7) break;
      byte type = head.get(0);
      int id = head.getInt(1);
      int len = Short.toUnsignedInt(head.getShort(5));
      int whole = 7 + len + (type == URL ? 8 : 0);
      if ((type != URL && type != HOST) || at + whole > size) break;
      ByteBuffer body = ByteBuffer.allocate(len);
      log.read(body, at + 7);
      String text = new String(body.array(), StandardCharsets.UTF_8);
      if (type == HOST) {
        if (id != byId.size()) break;
        Host h = new Host(id, text, defaultDelayMillis);
        byName.put(text, h);
        byId.add(h);
      } else {
        if (id >= byId.size()) break;
        Host h = byId.get(id);
        seen.addIfNew(text);
        link(h, at, at + 7 + len);
        write(at + 7 + len, ByteBuffer.allocate(8).putLong(0, -1));
      }
      at += whole;
    }
    log.truncate(at);
    bufferStart = at;
  }
}
