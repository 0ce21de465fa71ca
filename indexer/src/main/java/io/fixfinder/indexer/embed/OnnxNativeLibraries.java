package io.fixfinder.indexer.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where ONNX Runtime loads its native libraries from. Left alone, its loader copies them (16 MB)
 * out of the jar into a new {@code onnxruntime-java*} temporary folder on every start and only
 * marks them for deletion at exit, so every start leaves a folder behind, and a killed process its
 * libraries too. Pointing the loader's {@code onnxruntime.native.path} at one folder per library
 * build, extracted once, stops that: later starts load what is there.
 *
 * <p>The folder sits in {@code java.io.tmpdir}, named by user and by a hash of the libraries, and
 * is private to the user ({@code rwx------}); one that another user owns or can write to is not
 * used (a planted library would run in our process), and the loader's own behaviour applies then.
 * Files are written under a temporary name and renamed into place, so a second process starting at
 * the same time never loads half a library.
 */
final class OnnxNativeLibraries {
  static final String PATH_PROPERTY = "onnxruntime.native.path";
  private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");
  private static final Set<PosixFilePermission> PRIVATE =
      PosixFilePermissions.fromString("rwx------");

  private OnnxNativeLibraries() {}

  /**
   * Sets {@code onnxruntime.native.path} before ONNX Runtime first loads, unless the operator set
   * it. Returns the folder used, or empty when the loader keeps its default.
   */
  static synchronized Optional<Path> prepare() {
    String configured = System.getProperty(PATH_PROPERTY);
    if (configured != null) return Optional.of(Path.of(configured));
    Optional<String> platform = platform();
    if (platform.isEmpty()) return Optional.empty();
    try {
      Path folder = extract(Path.of(System.getProperty("java.io.tmpdir")), platform.get());
      System.setProperty(PATH_PROPERTY, folder.toString());
      return Optional.of(folder);
    } catch (IOException | UncheckedIOException | SecurityException e) {
      return Optional.empty(); // the loader's default still works, only less tidily
    }
  }

  /** Extracts the libraries into their folder under {@code base} if they are not there yet. */
  static Path extract(Path base, String platform) throws IOException {
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
    Path folder =
        base.resolve("fixfinder-onnxruntime-" + user + "-" + platform + "-" + buildId(platform));
    createPrivate(folder);
    for (String library : LIBRARIES) {
      String file = System.mapLibraryName(library).replace("jnilib", "dylib");
      Path target = folder.resolve(file);
      long size = resourceSize(platform, file);
      if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == size) {
        continue;
      }
      Path part = Files.createTempFile(folder, file, ".part");
      try (InputStream in = resource(platform, file)) {
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
      }
      try {
        Files.move(
            part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return folder;
  }

  /** Creates {@code folder} private to this user, or checks that an existing one is. */
  private static void createPrivate(Path folder) throws IOException {
    boolean posix = Files.getFileStore(folder.getParent()).supportsFileAttributeView("posix");
    try {
      if (posix) {
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PRIVATE));
      } else {
        Files.createDirectory(folder);
      }
    } catch (FileAlreadyExistsException e) {
      // made by an earlier start: checked below
    }
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(folder + " is not a folder");
    }
    if (posix) {
      PosixFileAttributeView view =
          Files.getFileAttributeView(
              folder, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      var attributes = view.readAttributes();
      String me = System.getProperty("user.name");
      if (!attributes.owner().getName().equals(me) || !attributes.permissions().equals(PRIVATE)) {
        throw new IOException(folder + " is not private to " + me);
      }
    }
  }

  /** ONNX Runtime's name for this platform's resource folder, e.g. {@code linux-x64}. */
  static Optional<String> platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o =
        os.contains("mac") || os.contains("darwin")
            ? "osx"
            : os.contains("win") ? "win" : os.contains("nux") ? "linux" : null;
    String a =
        arch.startsWith("amd64") || arch.startsWith("x86_64")
            ? "x64"
            : arch.startsWith("aarch64") ? "aarch64" : null;
    if (o == null || a == null) return Optional.empty();
    String platform = o + "-" + a;
    for (String library : LIBRARIES) {
      String file = System.mapLibraryName(library).replace("jnilib", "dylib");
      if (OnnxNativeLibraries.class.getResource(resourcePath(platform, file)) == null) {
        return Optional.empty();
      }
    }
    return Optional.of(platform);
  }

  /** A short hash of the JNI library and the runtime's size: a new ONNX Runtime, a new folder. */
  private static String buildId(String platform) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    try (InputStream in =
        resource(platform, System.mapLibraryName("onnxruntime4j_jni").replace("jnilib", "dylib"))) {
      sha.update(in.readAllBytes());
    }
    String runtime = System.mapLibraryName("onnxruntime").replace("jnilib", "dylib");
    sha.update(Long.toString(resourceSize(platform, runtime)).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest(), 0, 8);
  }

  private static long resourceSize(String platform, String file) throws IOException {
    var url = OnnxNativeLibraries.class.getResource(resourcePath(platform, file));
    if (url == null) throw new IOException("no " + file + " for " + platform);
    long size = url.openConnection().getContentLengthLong();
    if (size >= 0) return size;
    try (InputStream in = url.openStream()) {
      return in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static InputStream resource(String platform, String file) throws IOException {
    InputStream in = OnnxNativeLibraries.class.getResourceAsStream(resourcePath(platform, file));
    if (in == null) throw new IOException("no " + file + " for " + platform);
    return in;
  }

  private static String resourcePath(String platform, String file) {
    return "/ai/onnxruntime/native/" + platform + "/" + file;
  }
}
