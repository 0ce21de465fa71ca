package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.app.Main;
import io.fixfinder.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fixfinder demo --backend opensearch} as a user runs it, in a child process: its node comes
 * up, the records are written to it, searches through the API answer from it with issue groups, and
 * SIGTERM stops the demo, the node and removes the node's data.
 *
 * <p>The crawl is not run again here: the child is given a copy of the shared demo's data directory
 * ({@link ServedDemo}, crawled and indexed by the same pipeline as {@code demo}), which the command
 * reuses as a second {@code demo} run does ({@code DemoEndToEndIT} covers the crawl). What follows
 * the reuse is all the command's own. The site file asks for two shards and a replica, so the
 * layout keys are checked on the way, and the searches must still equal the embedded demo's.
 */
class DemoOpenSearchIT {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Pattern NODE_DATA =
      Pattern.compile("starting an OpenSearch node \\(NodeMain\\) in (.+)$");
  static final Pattern NODE_URL = Pattern.compile("OpenSearch node at (http://\\S+)$");

  @TempDir static Path dir;
  static ServedDemo embedded;
  static Process demo;
  static int port;
  static final List<String> output = new ArrayList<>();
  static BlockingQueue<String> lines;
  static Path nodeData;
  static URI nodeUrl;

  @BeforeAll
  static void startTheDemoOnANode() throws Exception {
    embedded = ServedDemo.get();
    Path data = dir.resolve("data");
    OpenSearchServeIT.copy(embedded.dataDir(), data);
    Path site = dir.resolve("site.yaml");
    Files.writeString(site, "index:\n  opensearch:\n    shards: 2\n    replicas: 1\n");
    Path home = Path.of("..").toAbsolutePath().normalize();
    assertThat(home.resolve("opensearch-node/target/lib")).as("the node is built").isDirectory();
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    long t0 = System.nanoTime();
    demo =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-Dfixfinder.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "demo",
                "--backend",
                "opensearch",
                "--port",
                Integer.toString(port),
                "--data",
                data.toString(),
                "--config",
                site.toString())
            .redirectErrorStream(true)
            .start();
    lines = watch(demo);
    awaitLine("Open http://localhost:" + port + "/", Duration.ofMinutes(5));
    System.out.printf(
        "DemoOpenSearchIT: demo --backend opensearch ready in %d ms%n",
        (System.nanoTime() - t0) / 1_000_000);
    for (String line : output) {
      Matcher m = NODE_DATA.matcher(line);
      if (m.find()) nodeData = Path.of(m.group(1).strip());
      m = NODE_URL.matcher(line);
      if (m.find()) nodeUrl = URI.create(m.group(1));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (demo != null && demo.isAlive()) demo.destroyForcibly().waitFor();
  }

  static BlockingQueue<String> watch(Process p) {
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) queue.add(line);
              } catch (IOException e) {
                // the process ended
              }
            });
    return queue;
  }

  static void awaitLine(String marker, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (line == null) {
        if (!demo.isAlive() && lines.isEmpty()) break;
        continue;
      }
      output.add(line);
      if (line.contains(marker)) return;
    }
    throw new AssertionError(
        "no line with '"
            + marker
            + "' within "
            + timeout
            + "; output:\n"
            + String.join("\n", output));
  }

  static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(int at, String path) throws Exception {
    HttpResponse<String> r = get(URI.create("http://127.0.0.1:" + at + path));
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  @Test
  void theDemoServesFromItsNodeThenStopsAndRemovesIt() throws Exception {
    assertThat(output)
        .as("the crawled demo is reused")
        .anyMatch(l -> l.contains("reusing the index"));
    assertThat(nodeData).as("the node's data folder is printed").isNotNull().isDirectory();
    assertThat(nodeUrl).as("the node's address is printed").isNotNull();

    // the node holds the generation, in the layout of the site file
    JsonNode settings =
        Json.mapper().readTree(get(URI.create(nodeUrl + "/fixfinder/_settings")).body());
    assertThat(settings.size()).isEqualTo(1);
    JsonNode index = settings.elements().next().at("/settings/index");
    assertThat(index.path("number_of_shards").asText()).isEqualTo("2");
    assertThat(index.path("number_of_replicas").asText()).isEqualTo("1");

    // served from the cluster (the demo's embedded index stays on disk for a plain demo to reuse)
    JsonNode health = json(port, "/health");
    assertThat(health.path("status").asText()).isEqualTo("ok");
    assertThat(health.at("/backend/kind").asText()).isEqualTo("opensearch");
    assertThat(health.at("/backend/nodes").asInt()).isEqualTo(1);
    // a replica one node cannot place: yellow, which still serves
    assertThat(health.at("/backend/status").asText()).isEqualTo("yellow");

    // answered repair questions: the same hits and issue groups as the embedded demo's (up to
    // near-ties), over two shards (global term statistics)
    for (String q : List.of("washing+machine+won%27t+drain", "dishwasher+not+cleaning")) {
      JsonNode onCluster = json(port, "/api/search?q=" + q);
      JsonNode onIndex = json(embedded.port(), "/api/search?q=" + q);
      assertThat(onCluster.path("answered").asBoolean()).as(q).isTrue();
      assertThat(onCluster.path("hits")).as(q).isNotEmpty();
      assertThat(onCluster.path("issues")).as(q).isNotEmpty();
      RankedLists.assertSameRanking(q, onIndex.path("hits"), onCluster.path("hits"), "/id");
      RankedLists.assertSameRanking(
          q, onIndex.path("issues"), onCluster.path("issues"), "/issue/id");
    }
    assertThat(json(port, "/api/leaderboards"))
        .isEqualTo(json(embedded.port(), "/api/leaderboards"));

    // Ctrl-C (SIGTERM): the demo stops, its node with it, and the node's data is gone
    demo.destroy();
    assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
    for (String line; (line = lines.poll(1, TimeUnit.SECONDS)) != null; ) output.add(line);
    assertThat(output).noneMatch(l -> l.startsWith("Exception in thread"));
    assertThat(nodeData).doesNotExist();
    try {
      get(nodeUrl);
      throw new AssertionError("the node still answers at " + nodeUrl);
    } catch (ConnectException expected) {
      // nothing listens there any more
    }
  }
}
