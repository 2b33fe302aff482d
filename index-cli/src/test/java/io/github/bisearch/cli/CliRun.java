package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One in-process run of search-cli: its exit code and everything it printed. */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@link SearchCli#run} with {@code args}, capturing standard output and error. */
  static CliRun of(String... args) {
    return withInput("", args);
  }

  /** Like {@link #of}, with {@code stdin} as standard input. */
  static CliRun withInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode;
    try (PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err)) {
      InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
      exitCode = SearchCli.run(args, in, outWriter, errWriter);
    }
    return new CliRun(exitCode, normalize(out.toString()), normalize(err.toString()));
  }

  /** Standard output, line by line. */
  List<String> outLines() {
    return out.lines().toList();
  }

  /** Standard error, line by line. */
  List<String> errLines() {
    return err.lines().toList();
  }

  /** Standard output parsed strictly as a single JSON object, with nothing before or after it. */
  JsonObject json() {
    try (JsonReader reader = new JsonReader(new StringReader(out))) {
      reader.setStrictness(Strictness.STRICT);
      JsonElement root = JsonParser.parseReader(reader);
      assertEquals(JsonToken.END_DOCUMENT, reader.peek(), "output after the JSON object");
      return root.getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Line ends as on Unix, so that expected text can be written once for every platform. */
  private static String normalize(String text) {
    return text.replace(System.lineSeparator(), "\n");
  }
}
