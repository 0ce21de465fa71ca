package io.fixfinder.app.cli;

import io.fixfinder.api.ApiServer;
import io.fixfinder.app.Main;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Opens the index, starts the API and blocks until Ctrl-C, then closes everything in order. */
final class Serving {
  private Serving() {}

  static void serveUntilStopped(FixFinderConfig cfg, PrintStream out, List<AutoCloseable> alsoClose)
      throws Exception {
    IndexStore store =
        IndexStore.open(CommonOptions.layout(cfg).index(), cfg.index().ramBufferMb());
    ApiServer server;
    try {
      server =
          new ApiServer(
                  store, new Searcher(store.searchers(), KeyExtractor.builtIn()), cfg.server())
              .start(cfg.server().host(), cfg.server().port());
    } catch (ApiServer.PortInUseException e) {
      store.close();
      throw new Main.UsageError(e.getMessage() + " (try --port)");
    }
    String shown =
        cfg.server().host().equals("127.0.0.1") || cfg.server().host().equals("0.0.0.0")
            ? "localhost"
            : cfg.server().host();
    out.printf(
        "FixFinder is serving %d documents. Open http://%s:%d/%n",
        store.count(), shown, server.port());
    out.println("Press Ctrl-C to stop.");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    List<AutoCloseable> closeables = new ArrayList<>();
    closeables.add(server);
    closeables.add(store);
    closeables.addAll(alsoClose);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (AutoCloseable c : closeables) {
                    try {
                      c.close();
                    } catch (Exception e) {
                      // shutting down: nothing more useful to do with it
                    }
                  }
                  stopped.countDown();
                },
                "fixfinder-shutdown"));
    stopped.await();
  }
}
