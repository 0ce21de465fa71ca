package io.fixfinder.core.thumbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.io.Hashes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailStoreTest {
  @TempDir Path dir;

  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'};
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

  @Test
  void keepsImagesByTheHashOfTheirBytesAndReadsThemBackWithTheirSniffedType() throws Exception {
    ThumbnailStore store = new ThumbnailStore(dir.resolve("thumbs"));
    ThumbnailStore.Put put = store.put(JPEG);
    assertThat(put).isEqualTo(new ThumbnailStore.Put.Stored(Hashes.sha256Hex(JPEG)));
    String key = ((ThumbnailStore.Put.Stored) put).key();
    assertThat(store.put(JPEG)).isEqualTo(put);
    ThumbnailStore.Image image = store.get(key).orElseThrow();
    assertThat(image.type().mediaType()).isEqualTo("image/jpeg");
    assertThat(image.bytes()).isEqualTo(JPEG);
    assertThat(store.get(((ThumbnailStore.Put.Stored) store.put(PNG)).key()).orElseThrow().type())
        .isEqualTo(ThumbnailStore.Type.PNG);
    try (var files = Files.list(dir.resolve("thumbs"))) {
      assertThat(files.map(p -> p.getFileName().toString())).allMatch(ThumbnailStore::isKey);
    }
  }

  @Test
  void refusesWhatIsNotAnImageWeKeepOrTooLarge() throws Exception {
    ThumbnailStore store = new ThumbnailStore(dir);
    assertThat(store.put("<svg onload=alert(1)>".getBytes()))
        .isInstanceOf(ThumbnailStore.Put.Refused.class);
    assertThat(store.put("<html><script>".getBytes()))
        .isInstanceOf(ThumbnailStore.Put.Refused.class);
    assertThat(store.put(new byte[0])).isInstanceOf(ThumbnailStore.Put.Refused.class);
    byte[] huge = new byte[ThumbnailStore.MAX_BYTES + 1];
    System.arraycopy(JPEG, 0, huge, 0, JPEG.length);
    assertThat(store.put(huge)).isInstanceOf(ThumbnailStore.Put.Refused.class);
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void unknownMalformedOrTamperedKeysReadAsNothing() throws Exception {
    ThumbnailStore store = new ThumbnailStore(dir);
    assertThat(store.get("0".repeat(64))).isEmpty();
    assertThat(store.get("../../etc/passwd")).isEmpty();
    assertThat(store.get("A".repeat(64))).isEmpty();
    // A file swapped on disk for something else is not served as an image.
    String key = "1".repeat(64);
    Files.writeString(dir.resolve(key), "<script>alert(1)</script>");
    assertThat(store.get(key)).isEmpty();
  }
}
