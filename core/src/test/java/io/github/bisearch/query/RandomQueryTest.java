package io.github.bisearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.BiSearch;
import io.github.bisearch.Hit;
import io.github.bisearch.RandomText;
import io.github.bisearch.SearchResult;
import io.github.bisearch.Snippet;
import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.index.EntryIndex;
import io.github.bisearch.index.IndexSchema;
import io.github.bisearch.ingest.MarkdownIngester;
import io.github.bisearch.search.EntrySearcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random queries through the query builder and through a search of the bundled corpus (with a few
 * random documents added): nothing but a blank query is an error, no query outgrows Lucene's clause
 * limit, and hits, totals and snippets keep their documented shape.
 *
 * <p>Replay a failure with {@code -Dtests.seed=N}, N being the seed in its message.
 */
class RandomQueryTest {
  private static final int QUERIES = 500;
  private static final int RANDOM_DOCUMENTS = 30;

  /**
   * Searches are dearer than building queries: each Latin word that matches nothing is searched for
   * again with typo tolerance, at some tens of milliseconds a word (most of a second for a word of
   * 500 letters). The first search of each run is for a large query, the rest are small.
   */
  private static final int SEARCHES = 200;

  private static final int ORDER_QUERIES = 120;

  /** One query in this many is large where queries are only built. */
  private static final int LARGE_EVERY = 25;

  /** One query in this many is large where hits are ordered. */
  private static final int LARGE_ORDERED_EVERY = 40;

  /** Hits whose order is checked, concept by concept. */
  private static final int ORDER_CHECKED = 20;

  /** The bundled corpus's words and short Han runs: queries made of them find something. */
  private static List<String> vocabulary;

  private static String corpus;
  private static BiSearch search;
  private static EntryIndex index;
  private static BilingualQueryBuilder translating;
  private static BilingualQueryBuilder literal;

  @BeforeAll
  static void indexCorpus() throws IOException {
    corpus = Files.readString(Path.of("..", "corpus", "docker-awesome.md"), StandardCharsets.UTF_8);
    vocabulary = vocabulary(corpus);
    translating = new BilingualQueryBuilder(Glossary.builtIn(), true);
    literal = new BilingualQueryBuilder(Glossary.builtIn(), false);
    // Fixed seed: the index is the same in every run; the queries are what varies.
    RandomText random = new RandomText(new Random(20240607L));
    List<String> sources = new ArrayList<>();
    List<String> documents = new ArrayList<>();
    sources.add("corpus/docker-awesome.md");
    documents.add(corpus);
    for (int i = 0; i < RANDOM_DOCUMENTS; i++) {
      sources.add("random-" + i + ".md");
      documents.add(randomDocument(random));
    }
    search = BiSearch.inMemory();
    index = EntryIndex.inMemory();
    MarkdownIngester ingester = new MarkdownIngester();
    for (int i = 0; i < sources.size(); i++) {
      search.addMarkdown(sources.get(i), documents.get(i));
      index.replaceSource(sources.get(i), ingester.parse(sources.get(i), documents.get(i)));
    }
    index.commit();
  }

  @AfterAll
  static void close() {
    search.close();
    index.close();
  }

  @Test
  void onlyBlankQueriesAreRejectedAndNoneOutgrowsTheClauseLimit() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    RandomText text = new RandomText(random);
    for (int i = 0; i < QUERIES; i++) {
      String query = query(text, i % LARGE_EVERY == 0);
      for (BilingualQueryBuilder builder : List.of(translating, literal)) {
        Supplier<String> where = where(seed, i, query, builder == translating);
        if (isBlank(query)) {
          assertRejected(() -> builder.concepts(query), where);
          assertRejected(() -> builder.build(query), where);
          continue;
        }
        List<QueryConcept> concepts = call(() -> builder.concepts(query), where);
        for (QueryConcept concept : concepts) {
          assertTrue(
              !isBlank(concept.original()),
              () -> where.get() + ": blank concept " + RandomText.describe(concept.original()));
        }
        BuiltQuery built = call(() -> builder.build(query), where);
        assertNotNull(built.query(), where);
        int leaves = leafClauses(built.query());
        assertTrue(
            leaves <= IndexSearcher.getMaxClauseCount(),
            () -> where.get() + ": " + leaves + " leaf clauses");
      }
    }
  }

  @Test
  void randomSearchesReturnWellFormedHits() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    RandomText text = new RandomText(random);
    for (int i = 0; i < SEARCHES; i++) {
      String query = i == 0 ? largeSearch(text) : query(text, false);
      int limit = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(20);
      Supplier<String> where = where(seed, i, query, true);
      if (isBlank(query)) {
        assertRejected(() -> search.search(query, limit), where);
        continue;
      }
      SearchResult result = call(() -> search.search(query, limit), where);
      assertEquals(query, result.query(), where);
      assertTrue(result.total() >= result.hits().size(), () -> where.get() + ": total too small");
      assertTrue(result.hits().size() <= limit, () -> where.get() + ": more hits than the limit");
      Set<String> ids = new HashSet<>();
      for (Hit hit : result.hits()) {
        Supplier<String> at = () -> where.get() + ": hit " + hit.id() + " " + hit.title();
        assertTrue(ids.add(hit.id()), () -> at.get() + ": returned twice");
        assertNotNull(hit.title(), at);
        assertNotNull(hit.section(), at);
        assertNotNull(hit.text(), at);
        assertNotNull(hit.source(), at);
        assertTrue(hit.line() >= 1, () -> at.get() + ": line " + hit.line());
        assertWellFormed(hit.snippet(), hit, at);
      }
      if (i % 10 == 1) {
        List<String> again =
            call(() -> search.search(query, limit), where).hits().stream().map(Hit::id).toList();
        assertEquals(
            result.hits().stream().map(Hit::id).toList(),
            again,
            () -> where.get() + ": same search, other hits");
      }
    }
  }

  @Test
  void hitsComeInCoverageThenScoreOrderAndFewerAreAPrefixOfMore() throws IOException {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    RandomText text = new RandomText(random);
    IndexSearcher searcher = index.acquire();
    try {
      for (int i = 0; i < ORDER_QUERIES; i++) {
        String query = query(text, i % LARGE_ORDERED_EVERY == 0);
        if (isBlank(query)) {
          continue;
        }
        Supplier<String> where = where(seed, i, query, true);
        BuiltQuery built = call(() -> translating.build(query), where);
        int limit = 1 + random.nextInt(10);
        EntrySearcher.Found few = found(searcher, built, limit, where);
        EntrySearcher.Found more = found(searcher, built, ORDER_CHECKED, where);
        assertEquals(searcher.count(built.query()), more.total(), where);
        assertEquals(more.total(), few.total(), where);
        assertEquals(Math.min(more.total(), ORDER_CHECKED), more.hits().size(), where);
        List<String> fewIds = few.hits().stream().map(Hit::id).toList();
        List<String> moreIds = more.hits().stream().map(Hit::id).toList();
        assertEquals(
            moreIds.subList(0, Math.min(limit, moreIds.size())),
            fewIds,
            () -> where.get() + ": the best " + limit + " are not the start of the best more");
        List<Set<String>> covering = new ArrayList<>();
        for (BuiltQuery.Clause clause : built.concepts()) {
          covering.add(ids(searcher, clause.coverage()));
        }
        int previousCoverage = Integer.MAX_VALUE;
        float previousScore = Float.POSITIVE_INFINITY;
        for (Hit hit : more.hits()) {
          int coverage = (int) covering.stream().filter(ids -> ids.contains(hit.id())).count();
          float score = hit.score();
          int previous = previousCoverage;
          float before = previousScore;
          assertTrue(
              coverage < previous || (coverage == previous && score <= before),
              () ->
                  where.get()
                      + ": hit "
                      + hit.title()
                      + " (coverage "
                      + coverage
                      + ", score "
                      + score
                      + ") after (coverage "
                      + previous
                      + ", score "
                      + before
                      + ")");
          previousCoverage = coverage;
          previousScore = score;
        }
      }
    } finally {
      index.release(searcher);
    }
  }

  /** The ids of the entries that match {@code query}. */
  private static Set<String> ids(IndexSearcher searcher, Query query) throws IOException {
    Set<String> ids = new HashSet<>();
    StoredFields stored = searcher.storedFields();
    int all = Math.max(1, searcher.getIndexReader().maxDoc());
    for (ScoreDoc doc : searcher.search(query, all).scoreDocs) {
      ids.add(stored.document(doc.doc, Set.of(IndexSchema.ID)).get(IndexSchema.ID));
    }
    return ids;
  }

  private static EntrySearcher.Found found(
      IndexSearcher searcher, BuiltQuery built, int limit, Supplier<String> where) {
    try {
      return EntrySearcher.search(searcher, built, limit);
    } catch (IOException | RuntimeException e) {
      throw new AssertionError(where.get() + ": " + e, e);
    }
  }

  /**
   * Highlights lie inside the snippet, in order, apart, and never split a surrogate pair; the
   * snippet is a piece of the hit's text (or title), with an ellipsis where it was cut.
   */
  private static void assertWellFormed(Snippet snippet, Hit hit, Supplier<String> at) {
    assertNotNull(snippet, at);
    String text = snippet.text();
    assertNotNull(text, at);
    Supplier<String> shown =
        () -> at.get() + ": snippet " + RandomText.describe(snippet.marked("[", "]"));
    int previousEnd = 0;
    for (Snippet.Range range : snippet.highlights()) {
      int end = previousEnd;
      assertTrue(
          range.start() >= end && range.start() < range.end() && range.end() <= text.length(),
          () -> shown.get() + ": bad highlight " + range + " after " + end);
      assertTrue(
          !splitsPair(text, range.start()) && !splitsPair(text, range.end()),
          () -> shown.get() + ": highlight " + range + " splits a surrogate pair");
      previousEnd = range.end();
    }
    String whole = hit.text().isEmpty() ? hit.title() : hit.text();
    assertTrue(
        isCutFrom(text, whole), () -> shown.get() + ": not cut from " + RandomText.describe(whole));
  }

  private static boolean isCutFrom(String snippet, String whole) {
    String ellipsis = "…";
    for (int front = 0; front <= 1; front++) {
      for (int back = 0; back <= 1; back++) {
        String core = snippet;
        if (front == 1) {
          if (!core.startsWith(ellipsis)) {
            continue;
          }
          core = core.substring(ellipsis.length());
        }
        if (back == 1) {
          if (!core.endsWith(ellipsis)) {
            continue;
          }
          core = core.substring(0, core.length() - ellipsis.length());
        }
        if (whole.contains(core)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean splitsPair(String text, int at) {
    return at > 0
        && at < text.length()
        && Character.isHighSurrogate(text.charAt(at - 1))
        && Character.isLowSurrogate(text.charAt(at));
  }

  /**
   * A query: corpus words with query syntax around them (most of the time), short random text, or
   * blank space of various kinds; a large query is long random text with a very long word and a
   * long run of Han characters in it.
   */
  private static String query(RandomText text, boolean large) {
    Random random = text.random();
    if (large) {
      return text.text(10 + random.nextInt(40))
          + " "
          + text.longWord()
          + " "
          + text.han(500 + random.nextInt(300))
          + " "
          + text.text();
    }
    int kind = random.nextInt(20);
    if (kind == 0) {
      StringBuilder blank = new StringBuilder();
      String[] spaces = {"", " ", "\u3000", "\u00A0", "\t", "\n", "\u2003", "\r\n", "\u2029"};
      for (int i = random.nextInt(5); i > 0; i--) {
        blank.append(spaces[random.nextInt(spaces.length)]);
      }
      return blank.toString();
    }
    if (kind < 6) {
      return text.shortText();
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      String word =
          random.nextInt(5) == 0
              ? text.shortPiece()
              : vocabulary.get(random.nextInt(vocabulary.size()));
      String[][] wrappers = {
        {"", ""},
        {"", ""},
        {"", ""},
        {"+", ""},
        {"-", ""},
        {"\"", "\""},
        {"“", "”"},
        {"「", "」"},
        {"\"", ""},
        {"「", ""},
        {"+\"", "\""},
        {"-「", "」"},
        {"(", ")"},
        {"", "*"},
        {"", "~2"},
        {"", "^3"},
        {"[", "]"},
        {"", ":"},
        {"#", ""},
        {"`", "`"}
      };
      String[] wrapper = wrappers[random.nextInt(wrappers.length)];
      out.append(wrapper[0]).append(word).append(wrapper[1]);
      out.append(random.nextInt(4) == 0 ? "" : random.nextBoolean() ? " " : "\u3000");
    }
    return out.toString();
  }

  /**
   * A large query whose search stays within a few seconds: a very long word and a long Han run amid
   * a little random text, not the dozens of unknown words (each searched for again with typo
   * tolerance) of a large random query.
   */
  private static String largeSearch(RandomText text) {
    return text.shortText()
        + " "
        + text.longWord()
        + " "
        + text.han(500 + text.random().nextInt(300))
        + " "
        + text.shortText();
  }

  /** Whitespace-separated words of the corpus, and pieces of its Han runs. */
  private static List<String> vocabulary(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.split("\\s+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
      StringBuilder han = new StringBuilder();
      for (int i = 0; i <= word.length(); i++) {
        char c = i < word.length() ? word.charAt(i) : ' ';
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
          han.append(c);
        } else if (han.length() > 0) {
          for (int start = 0; start + 2 <= han.length(); start += 2) {
            words.add(han.substring(start, Math.min(han.length(), start + 2 + start % 3)));
          }
          han.setLength(0);
        }
      }
    }
    return words;
  }

  /** A document of random paragraphs, list items and headings, with at least one entry. */
  private static String randomDocument(RandomText text) {
    Random random = text.random();
    StringBuilder doc = new StringBuilder();
    for (int block = 1 + random.nextInt(8); block > 0; block--) {
      switch (random.nextInt(4)) {
        case 0 -> doc.append("# ").append(text.line()).append("\n\n");
        case 1 -> {
          for (int item = 1 + random.nextInt(4); item > 0; item--) {
            doc.append("- [").append(text.line()).append("](https://example.com/").append(item);
            doc.append("): ").append(text.line()).append('\n');
          }
          doc.append('\n');
        }
        default -> doc.append(text.word()).append(' ').append(text.line()).append("\n\n");
      }
    }
    // Ends in a paragraph: every document has an entry.
    return doc.append(text.word()).append(' ').append(text.line()).append('\n').toString();
  }

  /** Lucene's own count of leaf clauses, the one {@link IndexSearcher} limits. */
  private static int leafClauses(Query query) {
    int[] count = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... terms) {
            count[0] += terms.length;
          }

          @Override
          public void consumeTermsMatching(
              Query q, String field, Supplier<ByteRunAutomaton> automaton) {
            count[0]++;
          }

          @Override
          public void visitLeaf(Query q) {
            count[0]++;
          }

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }
        });
    return count[0];
  }

  private static boolean isBlank(String text) {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  private static Supplier<String> where(long seed, int index, String query, boolean translate) {
    return () ->
        "seed="
            + seed
            + " query #"
            + index
            + (translate ? "" : " (no translation)")
            + " "
            + RandomText.describe(query);
  }

  /** Runs {@code action}, turning any exception into a failure that names seed and query. */
  private static <T> T call(Supplier<T> action, Supplier<String> where) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      throw new AssertionError(where.get() + ": " + e, e);
    }
  }

  private static void assertRejected(Supplier<?> action, Supplier<String> where) {
    try {
      action.get();
    } catch (IllegalArgumentException e) {
      assertEquals("query is empty", e.getMessage(), where);
      return;
    } catch (RuntimeException e) {
      throw new AssertionError(where.get() + ": blank query: " + e, e);
    }
    throw new AssertionError(where.get() + ": blank query accepted");
  }
}
