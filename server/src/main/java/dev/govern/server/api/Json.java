package dev.govern.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.govern.core.ErrorCode;
import java.io.IOException;

/**
 * The server's JSON: strict when reading (unknown fields, wrong types, numbers for strings and
 * strings for numbers, trailing content and deep nesting are all errors naming the field), and
 * without nulls when writing.
 */
public final class Json {
  /** Deepest nesting a request may have (a scan document needs 5). */
  static final int MAX_DEPTH = 32;

  public static final ObjectMapper MAPPER = build();

  private Json() {}

  private static ObjectMapper build() {
    JsonMapper m =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();
    m.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(1 << 20)
                .build());
    m.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    return m;
  }

  /** Reads a request body as {@code type}; a 400 problem naming the field on any mismatch. */
  public static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new FieldException(
          ErrorCode.BAD_REQUEST, null, "the request has no body (expected JSON)");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new FieldException(
            ErrorCode.BAD_REQUEST, null, "the body is null (expected a JSON object)");
      }
      return value;
    } catch (JsonMappingException e) {
      String field = path(e);
      String why = e.getOriginalMessage();
      int nl = why == null ? -1 : why.indexOf('\n');
      why = why == null ? "invalid value" : nl < 0 ? why : why.substring(0, nl);
      throw new FieldException(
          ErrorCode.BAD_REQUEST,
          field,
          (field == null ? "the body" : field)
              + ": "
              + shorten(why.replaceAll(" \\(class [^)]*\\)", "")));
    } catch (JsonProcessingException e) {
      throw new FieldException(
          ErrorCode.BAD_REQUEST,
          null,
          "the body is not valid JSON: "
              + shorten(e.getOriginalMessage())
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw new FieldException(
          ErrorCode.BAD_REQUEST, null, "cannot read the body: " + e.getMessage());
    }
  }

  /** {@code services[3].name} for a mapping error's path. */
  static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  static String shorten(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("[\\r\\n\\t]+", " ");
    return one.length() <= 200 ? one : one.substring(0, 200) + "…";
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass().getName(), e);
    }
  }
}
