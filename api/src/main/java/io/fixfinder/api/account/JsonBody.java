package io.fixfinder.api.account;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.fixfinder.api.http.LimitedBody;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.core.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON object body of an account request, read with a size limit and checked for unknown fields
 * (a misspelt field is an error, not silently ignored). Messages name fields, never their values:
 * the values here are passwords, addresses and names.
 */
public final class JsonBody {
  static final int MAX_BYTES = 16 * 1024;
  private static final ObjectReader READER = Json.mapper().reader();

  private final JsonNode body;

  private JsonBody(JsonNode body) {
    this.body = body;
  }

  /** The request's body, allowed to hold only {@code fields}. */
  public static JsonBody read(Context ctx, Set<String> fields) {
    String type = ctx.contentType();
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      throw new ApiException(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          "Send the body as application/json");
    }
    JsonNode node;
    try {
      node = READER.readTree(LimitedBody.read(ctx, MAX_BYTES, "An account request body"));
    } catch (JacksonException e) {
      throw ApiException.badRequest("malformed-json", "The body is not valid JSON");
    } catch (IOException e) {
      throw ApiException.badRequest("malformed-json", "The body is not valid JSON");
    }
    if (node == null || node.isMissingNode() || !node.isObject()) {
      throw ApiException.badRequest("invalid-body", "The body must be a JSON object");
    }
    Set<String> unknown = new TreeSet<>();
    node.fieldNames().forEachRemaining(unknown::add);
    unknown.removeAll(fields);
    if (!unknown.isEmpty()) {
      String names = unknown.toString();
      throw ApiException.badRequest(
          "unknown-field",
          "Unknown field(s) "
              + (names.length() > 200 ? names.substring(0, 200) + "…" : names)
              + "; allowed: "
              + new TreeSet<>(fields));
    }
    return new JsonBody(node);
  }

  /** Whether the body names {@code field} at all (null included). */
  boolean present(String field) {
    return body.has(field);
  }

  boolean has(String field) {
    JsonNode v = body.get(field);
    return v != null && !v.isNull();
  }

  /** A string field; missing is an error. */
  public String text(String field) {
    return optText(field).orElseThrow(() -> InvalidInput.of(field, "'" + field + "' is required"));
  }

  /** A string field, or empty when missing or null. */
  public Optional<String> optText(String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isTextual()) throw InvalidInput.of(field, "must be a string");
    return Optional.of(v.asText());
  }

  Optional<Boolean> optBool(String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isBoolean()) throw InvalidInput.of(field, "must be true or false");
    return Optional.of(v.asBoolean());
  }

  public Optional<Double> optNumber(String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isNumber()) throw InvalidInput.of(field, "must be a number");
    return Optional.of(v.asDouble());
  }

  /** An array of strings, or empty when missing. */
  Optional<List<String>> optStrings(String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isArray()) throw InvalidInput.of(field, "must be an array of strings");
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) throw InvalidInput.of(field, "must be an array of strings");
      out.add(item.asText());
    }
    return Optional.of(out);
  }

  /** An array of objects, each read as the given pair of string fields. */
  Optional<List<String[]>> optPairs(String field, String first, String second) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isArray()) throw InvalidInput.of(field, "must be an array of objects");
    List<String[]> out = new ArrayList<>();
    int i = 0;
    for (JsonNode item : v) {
      JsonNode a = item.get(first);
      JsonNode b = item.get(second);
      if (!item.isObject() || a == null || b == null || !a.isTextual() || !b.isTextual()) {
        throw InvalidInput.of(
            field + "[" + i + "]", "must be an object with string fields " + first + ", " + second);
      }
      out.add(new String[] {a.asText(), b.asText()});
      i++;
    }
    return Optional.of(out);
  }
}
