package io.fixfinder.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Binds defaults, an optional override file and the environment into a {@link FixFinderConfig}. */
public final class ConfigLoader {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // a count written 1.5 is a mistake to report, not a 1 to use
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .findAndRegisterModules();

  private ConfigLoader() {}

  /** Defaults plus the environment. */
  public static FixFinderConfig load() {
    return load(Optional.empty(), System.getenv());
  }

  public static FixFinderConfig load(Optional<Path> overrideFile, Map<String, String> env) {
    ObjectNode tree = defaults();
    if (overrideFile.isPresent()) {
      Path file = overrideFile.get();
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("config file not found: " + file);
      }
      try {
        JsonNode override = YAML.readTree(file.toFile());
        if (override != null && !override.isNull()) {
          if (!override.isObject())
            throw new ConfigException("config file " + file + " must hold a YAML mapping");
          merge(tree, (ObjectNode) override);
        }
      } catch (IOException e) {
        throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
      }
    }
    applyEnv(tree, env);
    try {
      return YAML.treeToValue(tree, FixFinderConfig.class);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof ConfigException ce) throw ce;
      String key = keyOf(e);
      throw new ConfigException(
          "invalid configuration"
              + (key.isEmpty() || e.getOriginalMessage().startsWith(key) ? "" : " " + key)
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof ConfigException ce) throw ce;
      throw new ConfigException("invalid configuration: " + e.getMessage(), e);
    }
  }

  /** The dotted key a binding error is about ({@code contact.retentionDays}), or "". */
  private static String keyOf(JsonProcessingException e) {
    if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m)) return "";
    StringBuilder key = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() == null) continue;
      if (!key.isEmpty()) key.append('.');
      key.append(r.getFieldName());
    }
    return key.toString();
  }

  private static ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.yaml")) {
      if (in == null)
        throw new IllegalStateException("defaults.yaml is missing from the classpath");
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("defaults.yaml is unreadable", e);
    }
  }

  private static void applyEnv(ObjectNode tree, Map<String, String> env) {
    set(tree, "data", "dir", env.get("FIXFINDER_DATA_DIR"));
    set(tree, "server", "host", env.get("FIXFINDER_HOST"));
    set(tree, "server", "port", env.get("FIXFINDER_PORT"));
    set(tree, "database", "url", env.get("FIXFINDER_DATABASE_URL"));
  }

  private static void set(ObjectNode tree, String section, String key, String value) {
    if (value != null && !value.isBlank()) {
      ((ObjectNode) tree.get(section)).put(key, value.trim());
    }
  }

  private static void merge(ObjectNode base, ObjectNode override) {
    Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = base.get(field.getKey());
      if (existing == null) {
        throw new ConfigException("unknown configuration key '" + field.getKey() + "'");
      }
      if (existing.isObject() && field.getValue().isObject()) {
        merge((ObjectNode) existing, (ObjectNode) field.getValue());
      } else {
        base.set(field.getKey(), field.getValue());
      }
    }
  }
}
