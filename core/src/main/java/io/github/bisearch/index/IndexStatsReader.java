package io.github.bisearch.index;

import io.github.bisearch.IndexStats;
import io.github.bisearch.Language;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;

/** Gathers the {@link IndexStats statistics} of an index from a searcher and its directory. */
final class IndexStatsReader {
  private static final Set<String> SECTION_ONLY = Set.of(IndexSchema.SECTION);

  private IndexStatsReader() {}

  static IndexStats read(IndexSearcher searcher, Directory directory) throws IOException {
    Map<Language, Integer> languages = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      languages.put(
          language, searcher.count(new TermQuery(new Term(IndexSchema.LANG, language.code()))));
    }
    Map<String, Integer> sections = sectionSizes(searcher);
    List<IndexStats.Section> top =
        sections.entrySet().stream()
            .map(e -> new IndexStats.Section(e.getKey(), e.getValue()))
            .sorted(
                Comparator.comparingInt(IndexStats.Section::entries)
                    .reversed()
                    .thenComparing(IndexStats.Section::name))
            .limit(IndexStats.TOP_SECTIONS)
            .toList();
    Map<String, String> commit =
        DirectoryReader.indexExists(directory)
            ? SegmentInfos.readLatestCommit(directory).getUserData()
            : Map.of();
    String committed = commit.get(IndexSchema.COMMITTED_KEY);
    return new IndexStats(
        searcher.count(EntryIndex.ENTRIES),
        searcher.count(EntryIndex.SOURCES),
        languages,
        sections.size(),
        top,
        sizeOf(directory),
        commit.getOrDefault(IndexSchema.VERSION_KEY, IndexSchema.VERSION),
        committed == null ? null : Instant.parse(committed));
  }

  /** Entries by section, leaving out entries outside any section. */
  private static Map<String, Integer> sectionSizes(IndexSearcher searcher) throws IOException {
    Map<String, Integer> sizes = new HashMap<>();
    StoredFields stored = searcher.storedFields();
    MatchingDocs.forEach(
        searcher,
        EntryIndex.ENTRIES,
        doc -> {
          String section = stored.document(doc, SECTION_ONLY).get(IndexSchema.SECTION);
          if (section != null && !section.isEmpty()) {
            sizes.merge(section, 1, Integer::sum);
          }
        });
    return sizes;
  }

  /** The bytes in the directory's files. */
  private static long sizeOf(Directory directory) throws IOException {
    long bytes = 0;
    for (String file : directory.listAll()) {
      try {
        bytes += directory.fileLength(file);
      } catch (NoSuchFileException | FileNotFoundException e) {
        // Merged away by a writer since it was listed: no longer part of the index.
      }
    }
    return bytes;
  }
}
