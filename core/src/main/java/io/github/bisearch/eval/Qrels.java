package io.github.bisearch.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Relevance judgments: for each query, the relevant results and their grades.
 *
 * <p>File format: UTF-8, TAB-separated {@code query, relevant, grade}, one judgment a line; the
 * grade is optional (default 1; 2 = highly relevant). {@code relevant} names a result by its url,
 * its source path (any result from that file), or {@code source:line} (one entry). A trailing part
 * of the path is enough ({@code zh/access-tidb.md}). Lines starting with {@code #} are comments.
 */
public final class Qrels {
  private final Map<String, Map<String, Integer>> judgments;

  private Qrels(Map<String, Map<String, Integer>> judgments) {
    this.judgments = judgments;
  }

  /** Reads a qrels file; a malformed line is an {@link IllegalArgumentException} naming it. */
  public static Qrels load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.toString(), reader);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such qrels file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads judgments in the documented format; {@code name} is used in error messages. */
  public static Qrels parse(String name, Reader reader) throws IOException {
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length < 2 || fields.length > 3 || fields[0].isBlank() || fields[1].isBlank()) {
        throw new IllegalArgumentException(
            name + ":" + number + ": expected query, TAB, relevant url or path, [TAB, grade]");
      }
      int grade = 1;
      if (fields.length == 3 && !fields[2].isBlank()) {
        try {
          grade = Integer.parseInt(fields[2].strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(name + ":" + number + ": grade is not a number");
        }
      }
      judgments
          .computeIfAbsent(fields[0].strip(), q -> new LinkedHashMap<>())
          .merge(fields[1].strip(), grade, Math::max);
    }
    return new Qrels(judgments);
  }

  /** Queries in file order, each with its relevant results and grades. */
  public Map<String, Map<String, Integer>> judgments() {
    return Collections.unmodifiableMap(judgments);
  }

  /** Number of judged queries. */
  public int size() {
    return judgments.size();
  }
}
