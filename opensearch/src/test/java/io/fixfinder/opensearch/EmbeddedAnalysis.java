package io.fixfinder.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded index's own analyzers ({@code io.fixfinder.indexer.analysis.Analyzers}) with the
 * embedded Lucene version, in a class loader of their own: this JVM runs OpenSearch, whose Lucene
 * is another version, and the two cannot share a class path. The jars are copied by the build to
 * {@code target/embedded-lib}. Reflection only: nothing of the other loader leaks into this one.
 */
final class EmbeddedAnalysis implements AutoCloseable {
  private final URLClassLoader loader;
  private final Class<?> analyzers;
  private final Class<?> language;
  private final Method tokenStream;
  private final Class<?> termAttribute;
  private final Class<?> positionAttribute;
  private final Class<?> offsetAttribute;

  EmbeddedAnalysis() {
    Path lib = Path.of(System.getProperty("embedded.lib", "target/embedded-lib"));
    try (Stream<Path> jars = Files.list(lib)) {
      URL[] urls =
          jars.filter(p -> p.toString().endsWith(".jar"))
              .map(
                  p -> {
                    try {
                      return p.toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .toArray(URL[]::new);
      // the platform loader as parent: no OpenSearch, no other Lucene
      loader = new URLClassLoader("embedded-analysis", urls, ClassLoader.getPlatformClassLoader());
      analyzers = loader.loadClass("io.fixfinder.indexer.analysis.Analyzers");
      language = loader.loadClass("io.fixfinder.indexer.analysis.Language");
      Class<?> analyzer = loader.loadClass("org.apache.lucene.analysis.Analyzer");
      tokenStream = analyzer.getMethod("tokenStream", String.class, String.class);
      termAttribute =
          loader.loadClass("org.apache.lucene.analysis.tokenattributes.CharTermAttribute");
      positionAttribute =
          loader.loadClass("org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute");
      offsetAttribute =
          loader.loadClass("org.apache.lucene.analysis.tokenattributes.OffsetAttribute");
      String version =
          (String)
              loader
                  .loadClass("org.apache.lucene.util.Version")
                  .getField("LATEST")
                  .get(null)
                  .toString();
      System.out.println("EmbeddedAnalysis: Lucene " + version + " from " + lib);
    } catch (IOException e) {
      throw new UncheckedIOException("no embedded analysis jars in " + lib, e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("embedded analysis jars incomplete in " + lib, e);
    }
  }

  /** The analyzer {@code Analyzers.<method>()} ("prose", "proseQuery"). */
  Object analyzer(String method) {
    try {
      return analyzers.getMethod(method).invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(method, e);
    }
  }

  /** The analyzer {@code Analyzers.language(Language.<code>)}. */
  Object language(String code) {
    try {
      Object l = language.getMethod("valueOf", String.class).invoke(null, code.toUpperCase());
      return analyzers.getMethod("language", language).invoke(null, l);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(code, e);
    }
  }

  /** Tokens of {@code text} as "term@position:start-end", the form {@link #ofOpenSearch} gives. */
  List<String> tokens(Object analyzer, String text) {
    List<String> out = new ArrayList<>();
    try {
      Object ts = tokenStream.invoke(analyzer, "body", text);
      Class<?> tsClass = ts.getClass();
      Method add = tsClass.getMethod("addAttribute", Class.class);
      Object term = add.invoke(ts, termAttribute);
      Object pos = add.invoke(ts, positionAttribute);
      Object off = add.invoke(ts, offsetAttribute);
      Method inc = positionAttribute.getMethod("getPositionIncrement");
      Method start = offsetAttribute.getMethod("startOffset");
      Method end = offsetAttribute.getMethod("endOffset");
      Method next = tsClass.getMethod("incrementToken");
      tsClass.getMethod("reset").invoke(ts);
      int position = -1;
      while ((Boolean) next.invoke(ts)) {
        position += (Integer) inc.invoke(pos);
        out.add(
            format(
                term.toString(), position, (Integer) start.invoke(off), (Integer) end.invoke(off)));
      }
      tsClass.getMethod("end").invoke(ts);
      tsClass.getMethod("close").invoke(ts);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static String format(String term, long position, long start, long end) {
    return term + "@" + position + ":" + start + "-" + end;
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
