package io.github.bisearch.glossary;

import io.github.bisearch.BiSearchException;
import io.github.bisearch.analysis.TextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of Chinese⇄English {@link Concept concepts} with longest-match lookup over raw text.
 *
 * <p>The file format is UTF-8 text, one concept a line: Chinese terms separated by {@code |}, a
 * TAB, English terms separated by {@code |}. Lines starting with {@code #} and blank lines are
 * ignored. Matching ignores case, width and Traditional/Simplified differences, and an English
 * plural ending. Instances are immutable and thread-safe.
 */
public final class Glossary {
  private static final String BUILT_IN = "glossary.tsv";

  private final List<Concept> concepts;
  private final TrieNode root = new TrieNode();

  private Glossary(List<Concept> concepts) {
    this.concepts = List.copyOf(concepts);
    for (Concept concept : this.concepts) {
      for (String term : concept.terms()) {
        insert(term, concept);
      }
    }
  }

  /** The glossary that ships with bisearch, loaded once on first use. */
  public static Glossary builtIn() {
    return BuiltInHolder.GLOSSARY;
  }

  /** A glossary of the given concepts. */
  static Glossary of(List<Concept> concepts) {
    return new Glossary(concepts);
  }

  /** A glossary with no concepts: queries are then matched only as written. */
  public static Glossary empty() {
    return new Glossary(List.of());
  }

  /**
   * Reads a glossary file.
   *
   * @throws GlossaryFormatException if a line is malformed; the message names file and line
   * @throws BiSearchException if the file is missing or cannot be read
   */
  public static Glossary load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.toString(), reader);
    } catch (NoSuchFileException e) {
      throw new BiSearchException(file + ": no such glossary file");
    } catch (IOException e) {
      String reason = Files.isDirectory(file) ? "is a directory" : e.getMessage();
      throw new BiSearchException("cannot read glossary " + file + ": " + reason, e);
    }
  }

  /** Reads a glossary in the documented format; {@code name} is used in error messages. */
  public static Glossary parse(String name, Reader reader) throws IOException {
    List<Concept> concepts = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
        throw new GlossaryFormatException(
            name + ":" + number + ": expected Chinese terms, one TAB, English terms");
      }
      List<String> chinese = terms(line.substring(0, tab));
      List<String> english = terms(line.substring(tab + 1));
      if (chinese.isEmpty() || english.isEmpty()) {
        throw new GlossaryFormatException(name + ":" + number + ": a side has no term");
      }
      concepts.add(new Concept(chinese, english));
    }
    return new Glossary(concepts);
  }

  /** This glossary and {@code other} together. */
  public Glossary with(Glossary other) {
    List<Concept> all = new ArrayList<>(concepts);
    all.addAll(other.concepts);
    return new Glossary(all);
  }

  /** All concepts, in file order. */
  public List<Concept> concepts() {
    return concepts;
  }

  /** Number of concepts. */
  public int size() {
    return concepts.size();
  }

  /** The concepts that {@code term} names exactly (after normalization), or an empty list. */
  public List<Concept> lookup(String term) {
    List<Unit> units = Unit.split(TextNormalizer.normalize(term));
    TrieNode node = root;
    for (Unit unit : units) {
      node = node.next.get(unit.key());
      if (node == null) {
        return List.of();
      }
    }
    return units.isEmpty() ? List.of() : List.copyOf(node.concepts);
  }

  /**
   * Finds glossary terms in {@code normalized} text (as produced by {@link
   * TextNormalizer#normalize}), scanning left to right and taking the longest term at each place.
   * Terms never start or end inside a word, and never span punctuation.
   */
  public List<GlossaryMatch> find(String normalized) {
    return find(normalized, Integer.MAX_VALUE);
  }

  /** Like {@link #find(String)}, taking only terms of at most {@code maxUnits} units. */
  public List<GlossaryMatch> find(String normalized, int maxUnits) {
    List<Unit> units = Unit.split(normalized);
    List<GlossaryMatch> matches = new ArrayList<>();
    int i = 0;
    while (i < units.size()) {
      TrieNode node = root;
      int longest = -1;
      List<Concept> found = null;
      for (int j = i; j < units.size() && j - i < maxUnits; j++) {
        if (j > i && !units.get(j).joined()) {
          break;
        }
        node = node.next.get(units.get(j).key());
        if (node == null) {
          break;
        }
        if (!node.concepts.isEmpty()) {
          longest = j;
          found = node.concepts;
        }
      }
      if (longest < 0) {
        i++;
        continue;
      }
      int start = units.get(i).start();
      int end = units.get(longest).end();
      matches.add(new GlossaryMatch(normalized.substring(start, end), start, end, found));
      i = longest + 1;
    }
    return matches;
  }

  private void insert(String term, Concept concept) {
    List<Unit> units = Unit.split(TextNormalizer.normalize(term));
    if (units.isEmpty()) {
      return;
    }
    TrieNode node = root;
    for (Unit unit : units) {
      node = node.next.computeIfAbsent(unit.key(), k -> new TrieNode());
    }
    if (!node.concepts.contains(concept)) {
      node.concepts.add(concept);
    }
  }

  private static List<String> terms(String side) {
    Set<String> terms = new LinkedHashSet<>();
    for (String term : side.split("\\|", -1)) {
      String t = term.strip();
      if (!t.isEmpty()) {
        terms.add(t);
      }
    }
    return List.copyOf(terms);
  }

  private static final class TrieNode {
    final Map<String, TrieNode> next = new HashMap<>();
    final List<Concept> concepts = new ArrayList<>(1);
  }

  private static final class BuiltInHolder {
    static final Glossary GLOSSARY = loadBuiltIn();

    private static Glossary loadBuiltIn() {
      try (InputStream in = Glossary.class.getResourceAsStream(BUILT_IN)) {
        if (in == null) {
          throw new IllegalStateException(
              "bisearch resource missing from the classpath: " + BUILT_IN);
        }
        return parse(BUILT_IN, new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bisearch resource " + BUILT_IN, e);
      }
    }
  }

  @Override
  public String toString() {
    return "Glossary[" + concepts.size() + " concepts]";
  }
}
