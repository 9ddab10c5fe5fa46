package dev.govern.cli.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;

/** Writes exactly one pretty-printed JSON document to stdout. Jackson loads only when used. */
public final class JsonOutput {
  private JsonOutput() {}

  private static final class Holder {
    static final ObjectMapper MAPPER =
        JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .build();
  }

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  public static void print(PrintWriter out, JsonDocument doc) {
    out.println(toJson(doc));
    out.flush();
  }

  public static String toJson(Object doc) {
    try {
      return mapper().writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON for " + doc.getClass().getName(), e);
    }
  }
}
