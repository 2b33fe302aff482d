package io.github.bisearch.query;

import io.github.bisearch.glossary.Concept;
import io.github.bisearch.glossary.Glossary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words analysis of every text that queries made of glossary terms analyse, written at build
 * time and read at run time.
 *
 * <p>Segmenting needs SmartChineseAnalyzer's dictionaries, whose loading takes a quarter of a
 * second: more than a whole search from the command line should. A query made of glossary terms
 * ({@code 虚拟机 hypervisor}) only ever segments those terms, their translations and their parts, so
 * the build runs the query builder over every glossary term once and keeps what the analyzer said;
 * such queries then never load the dictionaries. Other text is analysed as before. The table comes
 * from the same analyzer in the same build, so it cannot disagree with the index.
 *
 * <p>Usage (run by the build at {@code process-classes}): {@code GlossaryAnalysis OUTPUT}.
 */
public final class GlossaryAnalysis {
  /** The resource, next to this class, that the build writes. */
  static final String RESOURCE = "glossary-words.tsv";

  private static final char TOKEN_SEPARATOR = '\u001f';

  private GlossaryAnalysis() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: GlossaryAnalysis OUTPUT");
    }
    Map<String, Analyzed.Tokens> seen = new TreeMap<>();
    BilingualQueryBuilder builder = new BilingualQueryBuilder(Glossary.builtIn(), true);
    for (Concept concept : Glossary.builtIn().concepts()) {
      List<String> terms = new ArrayList<>(concept.chinese());
      terms.addAll(concept.english());
      for (String term : terms) {
        try {
          builder.build(term);
        } catch (IllegalArgumentException e) {
          // a term of punctuation only: nothing to remember
        }
      }
      // Copied concept by concept: the analysed-text memory starts over when it is full.
      seen.putAll(Analyzed.rememberedWords());
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, Analyzed.Tokens> entry : seen.entrySet()) {
        if (entry.getValue().simple() && entry.getKey().indexOf('\n') < 0) {
          writer.write(encode(entry.getKey(), entry.getValue()));
          writer.write('\n');
        }
      }
    }
  }

  static String encode(String text, Analyzed.Tokens tokens) {
    StringBuilder line = new StringBuilder(text).append('\t');
    for (int i = 0; i < tokens.list().size(); i++) {
      Analyzed.Token token = tokens.list().get(i);
      if (i > 0) {
        line.append(TOKEN_SEPARATOR);
      }
      line.append(token.position())
          .append(',')
          .append(token.start())
          .append(',')
          .append(token.end())
          .append(',')
          .append(token.term());
    }
    return line.toString();
  }

  /**
   * The table the build wrote, or an empty one (a build that skipped it, or tests of the writer).
   */
  static Map<String, Analyzed.Tokens> load() {
    Map<String, Analyzed.Tokens> table = new HashMap<>();
    try (InputStream in = GlossaryAnalysis.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return table;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int tab = line.indexOf('\t');
        table.put(line.substring(0, tab), decode(line.substring(tab + 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bisearch resource " + RESOURCE, e);
    }
    return table;
  }

  private static Analyzed.Tokens decode(String encoded) {
    List<Analyzed.Token> tokens = new ArrayList<>();
    int from = 0;
    while (from < encoded.length()) {
      int end = encoded.indexOf(TOKEN_SEPARATOR, from);
      if (end < 0) {
        end = encoded.length();
      }
      int a = encoded.indexOf(',', from);
      int b = encoded.indexOf(',', a + 1);
      int c = encoded.indexOf(',', b + 1);
      tokens.add(
          new Analyzed.Token(
              encoded.substring(c + 1, end),
              Integer.parseInt(encoded, from, a, 10),
              Integer.parseInt(encoded, a + 1, b, 10),
              Integer.parseInt(encoded, b + 1, c, 10)));
      from = end + 1;
    }
    return new Analyzed.Tokens(List.copyOf(tokens), true);
  }
}
