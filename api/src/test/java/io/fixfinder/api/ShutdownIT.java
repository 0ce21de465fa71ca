package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.config.FixFinderConfig;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** close() stops accepting at once and lets requests in flight finish, within the grace period. */
class ShutdownIT {
  @TempDir Path dir;
  final CountDownLatch entered = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);

  ApiFixture serverWithSlowRoute(int graceSeconds) throws Exception {
    FixFinderConfig.Server settings =
        new FixFinderConfig.Server(
            "127.0.0.1", 0, List.of(), 6000, 1000, List.of(), graceSeconds, 0, 16, 64, "off");
    return new ApiFixture(
        dir,
        settings,
        routes ->
            routes.get(
                "/test/slow",
                ctx -> {
                  entered.countDown();
                  boolean released = release.await(30, TimeUnit.SECONDS);
                  ctx.result(released ? "done" : "timed out");
                }));
  }

  @Test
  void inFlightRequestFinishesWhileNewConnectionsAreRefused() throws Exception {
    ApiFixture api = serverWithSlowRoute(10);
    int port = api.server.port();
    try {
      CompletableFuture<HttpResponse<String>> slow =
          HttpClient.newHttpClient()
              .sendAsync(
                  HttpRequest.newBuilder(api.uri("/test/slow")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      long start = System.nanoTime();
      CompletableFuture<Void> closing = CompletableFuture.runAsync(api.server::close);
      awaitRefused(port, Duration.ofSeconds(5));
      assertThat(closing).as("close() waits for the request in flight").isNotDone();
      assertThat(slow).isNotDone();

      release.countDown();
      HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("done");
      closing.get(10, TimeUnit.SECONDS);
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
          .isInstanceOf(ConnectException.class);
    } finally {
      release.countDown();
      api.index.close();
      api.database.close();
    }
  }

  @Test
  void graceIsBounded() throws Exception {
    ApiFixture api = serverWithSlowRoute(1);
    try {
      CompletableFuture<HttpResponse<String>> slow =
          HttpClient.newHttpClient()
              .sendAsync(
                  HttpRequest.newBuilder(api.uri("/test/slow")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      long start = System.nanoTime();
      api.server.close(); // the request never finishes by itself
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(seconds).isBetween(0.9, 6.0);
      release.countDown();
      slow.handle((r, e) -> null).get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      api.index.close();
      api.database.close();
    }
  }

  private static void awaitRefused(int port, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        Thread.sleep(20);
      } catch (ConnectException refused) {
        return;
      } catch (java.io.IOException other) {
        Thread.sleep(20);
      }
    }
    throw new AssertionError("port " + port + " still accepts connections after " + max);
  }
}
