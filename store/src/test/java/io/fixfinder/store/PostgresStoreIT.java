package io.fixfinder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL, in a fresh schema per test, dropped after. */
class PostgresStoreIT extends StoreContract {
  private final List<TestDatabases.PostgresSchema> schemas = new ArrayList<>();

  @Override
  String freshUrl() {
    TestDatabases.PostgresSchema schema = TestDatabases.PostgresSchema.create();
    schemas.add(schema);
    return schema.url();
  }

  @Override
  Database.Kind expectedKind() {
    return Database.Kind.POSTGRESQL;
  }

  @AfterEach
  void dropSchemas() throws Exception {
    for (TestDatabases.PostgresSchema s : schemas) s.close();
  }

  @Test
  void unreachableServerFailsFastWithoutTheUrl() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                Database.open(
                    "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=not-for-logs", 2, 1))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot connect to the postgresql database")
        .hasMessageNotContaining("not-for-logs");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
  }
}
