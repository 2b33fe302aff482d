package io.github.bisearch.glossary;

import io.github.bisearch.BiSearchException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CC-CEDICT Chinese–English dictionary into a {@link Glossary}, keeping only the glosses
 * that work as English search terms.
 *
 * <p>CC-CEDICT is UTF-8 text, one entry a line: {@code TRADITIONAL SIMPLIFIED [pin1 yin1]
 * /gloss/gloss/}; lines starting with {@code #} are comments. Each Simplified headword becomes one
 * concept, however many lines (readings) it has. Its only Chinese term is the Simplified form,
 * because analysis folds Traditional text to Simplified anyway. Its English terms are the cleaned
 * glosses of all its lines, in file order: parenthesised notes removed, split at {@code ;}, a
 * leading "to" and article dropped, in lower case. Glosses that are not translations (variants,
 * cross-references, surnames, abbreviations, classifiers, Taiwan usage) and terms longer than four
 * words are left out, and a headword with no Han character or no English term left is skipped.
 */
public final class CedictReader {
  private static final Pattern ENTRY =
      Pattern.compile("(\\S+) (\\S+) \\[[^\\]]*\\] /(.+)/", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern NOTE = Pattern.compile("\\([^()]*\\)");
  private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final List<String> NOT_TRANSLATIONS =
      List.of(
          "variant of ", "old variant of ", "see ", "used in ", "surname ", "abbr. for ", "cl:");
  private static final List<String> ARTICLES = List.of("a ", "an ", "the ");
  private static final int MAX_WORDS = 4;

  private CedictReader() {}

  /**
   * Reads a CC-CEDICT file.
   *
   * @throws GlossaryFormatException if a line is not an entry; the message names file and line
   * @throws BiSearchException if the file is missing or cannot be read
   */
  public static Glossary load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.toString(), reader);
    } catch (NoSuchFileException e) {
      throw new BiSearchException(file + ": no such dictionary file");
    } catch (CharacterCodingException e) {
      throw new BiSearchException("cannot read dictionary " + file + ": not UTF-8 text", e);
    } catch (IOException e) {
      String reason = Files.isDirectory(file) ? "is a directory" : e.getMessage();
      throw new BiSearchException("cannot read dictionary " + file + ": " + reason, e);
    }
  }

  /** Reads CC-CEDICT text; {@code name} is used in error messages. */
  public static Glossary read(String name, Reader reader) throws IOException {
    Map<String, Set<String>> englishByHeadword = new LinkedHashMap<>();
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher entry = ENTRY.matcher(line);
      if (!entry.matches()) {
        throw new GlossaryFormatException(
            name
                + ":"
                + number
                + ": not a CC-CEDICT entry (TRADITIONAL SIMPLIFIED [PINYIN] /GLOSS/)");
      }
      String simplified = entry.group(2);
      if (!hasHan(simplified)) {
        continue;
      }
      Set<String> english =
          englishByHeadword.computeIfAbsent(simplified, k -> new LinkedHashSet<>());
      for (String gloss : entry.group(3).split("/", -1)) {
        english.addAll(searchTerms(gloss));
      }
    }
    List<Concept> concepts = new ArrayList<>(englishByHeadword.size());
    englishByHeadword.forEach(
        (simplified, english) -> {
          if (!english.isEmpty()) {
            concepts.add(new Concept(List.of(simplified), List.copyOf(english)));
          }
        });
    return Glossary.of(concepts);
  }

  /** The English search terms in one gloss; none if the gloss is not a translation. */
  private static List<String> searchTerms(String gloss) {
    String text = gloss.toLowerCase(Locale.ROOT);
    if (text.contains("(tw)")) {
      return List.of();
    }
    // Innermost notes first, so that nested parentheses go too.
    for (String previous = null; !text.equals(previous); ) {
      previous = text;
      text = NOTE.matcher(text).replaceAll(" ");
    }
    if (text.indexOf('(') >= 0 || text.indexOf(')') >= 0) {
      return List.of();
    }
    List<String> terms = new ArrayList<>();
    for (String part : text.split(";", -1)) {
      String term = SPACES.matcher(part).replaceAll(" ").strip();
      if (isReference(term)) {
        continue;
      }
      term = withoutPrefix(term, List.of("to "));
      term = withoutPrefix(term, ARTICLES);
      if (!term.isEmpty() && term.split(" ").length <= MAX_WORDS) {
        terms.add(term);
      }
    }
    return terms;
  }

  /** Whether a gloss points at other words (or names a surname) instead of translating. */
  private static boolean isReference(String term) {
    if (term.indexOf('|') >= 0 || term.indexOf('[') >= 0 || term.indexOf(']') >= 0) {
      return true;
    }
    return NOT_TRANSLATIONS.stream().anyMatch(term::startsWith);
  }

  private static String withoutPrefix(String term, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (term.startsWith(prefix)) {
        return term.substring(prefix.length());
      }
    }
    return term;
  }

  private static boolean hasHan(String text) {
    return text.codePoints().anyMatch(Unit::isHan);
  }
}
