package io.github.bisearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.Language;
import io.github.bisearch.SearchFilter;
import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.index.EntryIndex;
import io.github.bisearch.index.IndexSchema;
import io.github.bisearch.ingest.MarkdownIngester;
import java.io.IOException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.Test;

/**
 * A concept's parts add relevance only to entries that do not cover it, so a query's best hits that
 * all cover every concept are final without the parts clauses.
 */
class CoverageFirstTest {
  private static final BilingualQueryBuilder BUILDER =
      new BilingualQueryBuilder(Glossary.builtIn(), true);

  private static String id(String term) {
    return "concepts:" + Glossary.builtIn().conceptIds(term)[0];
  }

  private static Query query(String text) {
    return BUILDER.build(text).query();
  }

  private static String title(IndexSearcher searcher, int doc) throws IOException {
    return searcher.storedFields().document(doc).get(IndexSchema.TITLE);
  }

  /** The score that {@code query}'s scorer gives {@code doc}. */
  private static float scoreOf(IndexSearcher searcher, Query query, int doc) throws IOException {
    for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
      if (hit.doc == doc) {
        return hit.score;
      }
    }
    throw new AssertionError(query + " does not find document " + doc);
  }

  @Test
  void theFirstQueryKeepsTheConceptsAndDropsTheirParts() {
    CoverageFirst first = CoverageFirst.of(query("容器管理 hypervisor"));
    assertEquals(2, first.concepts());
    assertEquals(
        "concept(" + id("容器管理") + ") concept(" + id("hypervisor") + ")", first.query().toString());
    // Excluded words and filters score nothing: they stay.
    first = CoverageFirst.of(query("容器管理 -docker"));
    assertEquals(1, first.concepts());
    assertTrue(first.query().toString().startsWith("concept(" + id("容器管理") + ") -"));
    BuiltQuery filtered =
        BUILDER.filtered(BUILDER.build("容器管理"), new SearchFilter(null, Language.ZH));
    first = CoverageFirst.of(filtered.query());
    assertEquals(1, first.concepts());
    assertEquals("+(concept(" + id("容器管理") + ")) #lang:zh", first.query().toString());
  }

  @Test
  void aQueryWithoutPartsOrWithOtherClausesIsSearchedOnce() {
    assertNull(CoverageFirst.of(query("hypervisor 虚拟机")));
    assertNull(CoverageFirst.of(query("hypervisor")));
    ConceptQuery concept =
        (ConceptQuery) ((BooleanQuery) query("容器管理")).clauses().get(0).getQuery();
    Query parts = ((BooleanQuery) query("容器管理")).clauses().get(1).getQuery();
    TermQuery other = new TermQuery(new Term("text.w", "x"));
    // A plain clause adds relevance to entries that cover every concept.
    assertNull(
        CoverageFirst.of(
            new BooleanQuery.Builder()
                .add(concept, Occur.SHOULD)
                .add(parts, Occur.SHOULD)
                .add(other, Occur.SHOULD)
                .build()));
    // Parts that another concept's entries would still get.
    assertNull(
        CoverageFirst.of(
            new BooleanQuery.Builder()
                .add(new ConceptQuery(other, null, 1), Occur.SHOULD)
                .add(parts, Occur.SHOULD)
                .build()));
    // Relevance for every entry.
    assertNull(
        CoverageFirst.of(
            new BooleanQuery.Builder()
                .add(concept, Occur.SHOULD)
                .add(parts, Occur.SHOULD)
                .add(ConceptQuery.relevanceOnly(other, null, 3), Occur.SHOULD)
                .build()));
    assertNull(CoverageFirst.of(concept));
  }

  @Test
  void partsAddNothingToEntriesThatCoverTheConcept() throws IOException {
    try (EntryIndex index = EntryIndex.inMemory()) {
      String markdown =
          "# 工具\n\n"
              + "- [Alpha](https://a.example) - 容器管理平台, 容器 runtime.\n"
              + "- [Beta](https://b.example) - 容器与集群的管理.\n"
              + "- [Gamma](https://c.example) - 监控.\n";
      index.replaceSource("t.md", new MarkdownIngester().parse("t.md", markdown));
      index.commit();
      IndexSearcher searcher = index.acquire();
      try {
        BooleanQuery query = (BooleanQuery) BUILDER.build("容器管理").rewritten(searcher);
        Query whole = query.clauses().get(0).getQuery();
        Query parts = query.clauses().get(1).getQuery();
        TopDocs top = searcher.search(query, 10);
        assertEquals(2, top.scoreDocs.length);
        ScoreDoc alpha = top.scoreDocs[0];
        ScoreDoc beta = top.scoreDocs[1];
        assertEquals("Alpha", title(searcher, alpha.doc));
        assertEquals("Beta", title(searcher, beta.doc));
        // Alpha covers the concept: its score is the whole's alone, though it names 容器 again.
        assertEquals(scoreOf(searcher, whole, alpha.doc), alpha.score);
        assertEquals(1, ConceptQuery.covered(alpha.score));
        Explanation nothing = searcher.explain(parts, alpha.doc);
        assertTrue(nothing.isMatch());
        assertEquals(0f, nothing.getValue().floatValue());
        assertEquals(
            "relevance only, and the entry covers the concept: nothing added",
            nothing.getDescription());
        // Beta names both parts apart: the parts' relevance, and no coverage.
        float partsScore = scoreOf(searcher, parts, beta.doc);
        assertEquals(0f, scoreOf(searcher, parts, alpha.doc));
        assertTrue(partsScore > 0f, "parts score " + partsScore);
        assertEquals(partsScore, beta.score);
        assertFalse(searcher.explain(whole, beta.doc).isMatch());

        CoverageFirst first = CoverageFirst.of(query);
        TopDocs firstTop = searcher.search(first.query(), 1);
        // One covering hit of one wanted, but the total is exact: Beta is left out of it.
        assertEquals(TotalHits.Relation.EQUAL_TO, firstTop.totalHits.relation);
        assertFalse(first.isFinal(firstTop, 1));
        TopDocs lowerBound =
            new TopDocs(
                new TotalHits(1000, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
                firstTop.scoreDocs);
        assertTrue(first.isFinal(lowerBound, 1));
        assertFalse(first.isFinal(lowerBound, 2));
        TopDocs partsOnly =
            new TopDocs(
                new TotalHits(1000, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
                new ScoreDoc[] {alpha, beta});
        assertFalse(first.isFinal(partsOnly, 2));
      } finally {
        index.release(searcher);
      }
    }
  }
}
