package io.fixfinder.indexer.cluster;

import io.fixfinder.core.model.SourceKind;
import io.fixfinder.indexer.cluster.DocSignals.Outcome;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The committed state of a {@link ClusterStore}: one file, {@code clusters.bin}, replaced
 * atomically on every commit (written to {@code clusters.bin.tmp}, forced to disk, moved over the
 * old file, directory forced), so a crash at any point leaves the previous commit or the new one.
 * Commits are made by one writer at a time (the index's write lock); readers only read.
 *
 * <p>Format (big-endian, {@link DataOutputStream}): magic {@code FFCL}, format version, commit
 * generation, embedding dimensions; the clusters (id, family, catch-all flag, created and updated
 * epoch milliseconds, and since version 2 the id of its fault area); the retired cluster ids (never
 * handed out again); since version 2 the fault areas (id, family, key, created); the records, each
 * with its cluster id and {@link DocSignals}; then a CRC-32 of everything before it. A version 1
 * file is read with no fault areas: the store assigns them on open and writes version 2 on its next
 * commit. Since version 3 the aliases follow the fault areas: pairs of a merged cluster's id and
 * the live id it was merged into (so an old link still resolves); a version 2 file has none.
 * Cluster aggregates are not stored: they are summed again from the records on open, so they cannot
 * disagree.
 */
final class ClusterFile {
  static final String NAME = "clusters.bin";
  static final int MAGIC = 0x4646434c; // "FFCL"

  /** Bump on any change of the layout below; older files are read by their own branch. */
  static final int VERSION = 3;

  /**
   * @param area the fault area id, "" when the file predates fault areas (version 1)
   */
  record ClusterMeta(
      String id, String family, boolean catchAll, Instant created, Instant updated, String area) {}

  /** A fault area as persisted: its id, product type, key in fault-areas.yaml, creation time. */
  record AreaMeta(String id, String family, String key, Instant created) {}

  record Member(String clusterId, DocSignals doc) {}

  record Snapshot(
      long generation,
      int dimensions,
      List<ClusterMeta> clusters,
      List<String> retired,
      List<AreaMeta> areas,
      Map<String, String> aliases,
      List<Member> members) {}

  private ClusterFile() {}

  static void write(Path dir, Snapshot s) throws IOException {
    write(dir, s, VERSION);
  }

  /**
   * Writes {@code s} in the layout of {@code version}: only tests write an older one, to check that
   * files from before fault areas (version 1, which drops the areas) are still read.
   */
  static void write(Path dir, Snapshot s, int version) throws IOException {
    if (version < 1 || version > VERSION)
      throw new IllegalArgumentException("cannot write cluster file version " + version);
    Files.createDirectories(dir);
    Path tmp = dir.resolve(NAME + ".tmp");
    Path target = dir.resolve(NAME);
    try (FileChannel channel =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      CRC32 crc = new CRC32();
      OutputStream raw = java.nio.channels.Channels.newOutputStream(channel);
      DataOutputStream out =
          new DataOutputStream(
              new CheckedOutputStream(new BufferedOutputStream(unclosable(raw), 1 << 16), crc));
      out.writeInt(MAGIC);
      out.writeInt(version);
      out.writeLong(s.generation());
      out.writeInt(s.dimensions());
      out.writeInt(s.clusters().size());
      for (ClusterMeta c : s.clusters()) {
        out.writeUTF(c.id());
        out.writeUTF(c.family());
        out.writeBoolean(c.catchAll());
        out.writeLong(c.created().toEpochMilli());
        out.writeLong(c.updated().toEpochMilli());
        if (version >= 2) out.writeUTF(c.area());
      }
      out.writeInt(s.retired().size());
      for (String id : s.retired()) out.writeUTF(id);
      if (version >= 2) {
        out.writeInt(s.areas().size());
        for (AreaMeta a : s.areas()) {
          out.writeUTF(a.id());
          out.writeUTF(a.family());
          out.writeUTF(a.key());
          out.writeLong(a.created().toEpochMilli());
        }
      }
      if (version >= 3) {
        out.writeInt(s.aliases().size());
        for (Map.Entry<String, String> a : new java.util.TreeMap<>(s.aliases()).entrySet()) {
          out.writeUTF(a.getKey());
          out.writeUTF(a.getValue());
        }
      }
      out.writeInt(s.members().size());
      for (Member m : s.members()) {
        out.writeUTF(m.clusterId());
        writeDoc(out, m.doc());
      }
      out.flush();
      new DataOutputStream(unclosable(raw)).writeLong(crc.getValue());
      raw.flush();
      channel.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + dir + " cannot replace files atomically", e);
    }
    forceDirectory(dir);
  }

  /**
   * The last commit, or empty when none was made. The temporary file is never touched here: it may
   * be a commit in progress in another process (a server reading while {@code index} writes). One
   * left by a crash is never read and is truncated by the next commit, which only a writer makes.
   */
  static java.util.Optional<Snapshot> read(Path dir) throws IOException {
    Path file = dir.resolve(NAME);
    if (!Files.exists(file)) return java.util.Optional.empty();
    try {
      return readFile(file);
    } catch (java.io.EOFException
        | java.io.UTFDataFormatException
        | IllegalArgumentException
        | NegativeArraySizeException e) {
      // a damaged count or length runs off the end before the checksum is reached
      throw new IOException(file + " is damaged (" + e + ")", e);
    }
  }

  private static java.util.Optional<Snapshot> readFile(Path file) throws IOException {
    long size = Files.size(file);
    try (InputStream raw = Files.newInputStream(file)) {
      return java.util.Optional.of(parse(raw, size, file.toString()));
    }
  }

  /**
   * A cluster file's bytes read from {@code raw} (a published generation, issue 17): exactly {@code
   * size} bytes, checked as a file is. {@code name} says where they came from in errors.
   */
  static Snapshot read(InputStream raw, long size, String name) throws IOException {
    try {
      return parse(raw, size, name);
    } catch (java.io.EOFException
        | java.io.UTFDataFormatException
        | IllegalArgumentException
        | NegativeArraySizeException e) {
      throw new IOException(name + " is damaged (" + e + ")", e);
    }
  }

  private static Snapshot parse(InputStream raw, long size, String file) throws IOException {
    if (size < 8) throw new IOException(file + " is truncated (" + size + " bytes)");
    CRC32 crc = new CRC32();
    // Everything but the trailing 8-byte checksum goes through the CRC.
    InputStream body = new java.io.BufferedInputStream(raw, 1 << 16);
    DataInputStream in =
        new DataInputStream(new CheckedInputStream(new LimitedStream(body, size - 8), crc));
    int magic = in.readInt();
    if (magic != MAGIC)
      throw new IOException(
          file + " is not a cluster file (magic " + Integer.toHexString(magic) + ")");
    int version = in.readInt();
    if (version > VERSION || version < 1)
      throw new IOException(
          file
              + " has format version "
              + version
              + "; this build reads versions 1 to "
              + VERSION
              + " (a newer FixFinder wrote it)");
    long generation = in.readLong();
    int dims = in.readInt();
    int nc = in.readInt();
    List<ClusterMeta> clusters = new ArrayList<>(nc);
    for (int i = 0; i < nc; i++) {
      clusters.add(
          new ClusterMeta(
              in.readUTF(),
              in.readUTF(),
              in.readBoolean(),
              Instant.ofEpochMilli(in.readLong()),
              Instant.ofEpochMilli(in.readLong()),
              version >= 2 ? in.readUTF() : ""));
    }
    int nr = in.readInt();
    List<String> retired = new ArrayList<>(nr);
    for (int i = 0; i < nr; i++) retired.add(in.readUTF());
    List<AreaMeta> areas = new ArrayList<>();
    if (version >= 2) {
      int na = in.readInt();
      for (int i = 0; i < na; i++)
        areas.add(
            new AreaMeta(
                in.readUTF(), in.readUTF(), in.readUTF(), Instant.ofEpochMilli(in.readLong())));
    }
    Map<String, String> aliases = new java.util.LinkedHashMap<>();
    if (version >= 3) {
      int nl = in.readInt();
      for (int i = 0; i < nl; i++) aliases.put(in.readUTF(), in.readUTF());
    }
    int nm = in.readInt();
    List<Member> members = new ArrayList<>(nm);
    for (int i = 0; i < nm; i++) members.add(new Member(in.readUTF(), readDoc(in)));
    if (in.read() != -1) throw new IOException(file + " has trailing bytes before its checksum");
    long expected = new DataInputStream(body).readLong();
    if (expected != crc.getValue())
      throw new IOException(file + " fails its checksum: the file is damaged");
    return new Snapshot(generation, dims, clusters, retired, areas, aliases, members);
  }

  private static void writeDoc(DataOutputStream out, DocSignals d) throws IOException {
    out.writeUTF(d.docId());
    out.writeLong(d.contentHash());
    out.writeLong(d.fullHash());
    out.writeUTF(d.family());
    out.writeUTF(d.brand());
    out.writeUTF(d.model());
    writeList(out, d.codes());
    writeList(out, d.facets());
    out.writeShort(d.vector().length);
    out.write(d.vector());
    out.writeFloat(d.scale());
    out.writeUTF(d.kind().name());
    out.writeFloat(d.quality());
    out.writeBoolean(d.fixReported());
    out.writeUTF(d.outcome().name());
    writeList(out, d.phrases());
    out.writeInt(d.specificWords());
  }

  private static DocSignals readDoc(DataInputStream in) throws IOException {
    String id = in.readUTF();
    long content = in.readLong();
    long full = in.readLong();
    String family = in.readUTF();
    String brand = in.readUTF();
    String model = in.readUTF();
    List<String> codes = readList(in);
    List<String> facets = readList(in);
    byte[] vector = new byte[in.readShort()];
    in.readFully(vector);
    float scale = in.readFloat();
    SourceKind kind = SourceKind.valueOf(in.readUTF());
    float quality = in.readFloat();
    boolean fix = in.readBoolean();
    Outcome outcome = Outcome.valueOf(in.readUTF());
    List<String> phrases = readList(in);
    int specific = in.readInt();
    return new DocSignals(
        id, content, full, family, brand, model, codes, facets, vector, scale, kind, quality, fix,
        outcome, phrases, specific);
  }

  private static void writeList(DataOutputStream out, List<String> values) throws IOException {
    out.writeShort(values.size());
    for (String v : values) out.writeUTF(v);
  }

  private static List<String> readList(DataInputStream in) throws IOException {
    int n = in.readShort();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(in.readUTF());
    return out;
  }

  private static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; the rename is still atomic there.
    }
  }

  private static OutputStream unclosable(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  /** Reads at most {@code limit} bytes of the underlying stream. */
  private static final class LimitedStream extends java.io.FilterInputStream {
    private long left;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) return -1;
      int b = in.read();
      if (b >= 0) left--;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) return -1;
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) left -= n;
      return n;
    }
  }
}
