package io.github.bisearch;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an index holds, how big it is and when it last changed.
 *
 * @param entries entries in the index
 * @param files files indexed; a markdown text added with {@link BiSearch#addMarkdown} counts as one
 * @param languages entries by language, with every language as a key, in {@link Language} order
 * @param sections distinct sections; entries outside any section are in none
 * @param topSections the {@link #TOP_SECTIONS} sections with the most entries, most first, ties by
 *     name
 * @param sizeBytes bytes in the index's files (in memory, for an index in memory)
 * @param schemaVersion the version of the index's fields and analysis
 * @param lastCommit when the index last changed; null if nothing was ever committed
 */
public record IndexStats(
    int entries,
    int files,
    Map<Language, Integer> languages,
    int sections,
    List<Section> topSections,
    long sizeBytes,
    String schemaVersion,
    Instant lastCommit) {
  /** How many sections {@link #topSections()} holds at most. */
  public static final int TOP_SECTIONS = 5;

  public IndexStats {
    Map<Language, Integer> all = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      all.put(language, languages.getOrDefault(language, 0));
    }
    languages = Collections.unmodifiableMap(all);
    topSections = List.copyOf(topSections);
    Objects.requireNonNull(schemaVersion, "schemaVersion");
  }

  /**
   * A section and how many entries it holds.
   *
   * @param name the section's heading path, such as {@code Projects > Virtual Machine}
   * @param entries entries in it
   */
  public record Section(String name, int entries) {}
}
