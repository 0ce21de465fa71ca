package io.fixfinder.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/** The demo videos' thumbnails: a 320×180 JPEG per video, its colour drawn from the video id. */
final class Thumbnails {
  private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

  private Thumbnails() {}

  static byte[] jpeg(String videoId) {
    return CACHE.computeIfAbsent(videoId, Thumbnails::draw);
  }

  private static byte[] draw(String videoId) {
    byte[] h = SiteFiles.sha256(videoId.getBytes(StandardCharsets.UTF_8)).getBytes();
    float hue = (h[0] * 31 + h[1]) % 360 / 360f;
    BufferedImage img = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.getHSBColor(hue, 0.45f, 0.55f));
      g.fillRect(0, 0, 320, 180);
      g.setColor(Color.getHSBColor(hue, 0.35f, 0.8f));
      g.fillRect(0, 140, 320, 40);
      g.setColor(Color.WHITE);
      g.fillPolygon(new int[] {140, 140, 190}, new int[] {60, 120, 90}, 3);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, "jpg", out)) throw new IllegalStateException("no JPEG writer");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
