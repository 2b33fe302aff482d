package io.github.bisearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.Language;
import io.github.bisearch.SearchFilter;
import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.index.EntryIndex;
import io.github.bisearch.ingest.MarkdownIngester;
import io.github.bisearch.query.BilingualQueryBuilder;
import io.github.bisearch.query.BuiltQuery;
import io.github.bisearch.query.CoverageFirst;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Searching first without the parts clauses finds exactly the hits and scores of one search with
 * them, whether the first search is final or not.
 */
class CoverageFirstSearchTest {
  /** Enough entries that common concepts match past {@link EntrySearcher#EXACT_TOTAL_UP_TO}. */
  private static final int ENTRIES = 3_000;

  /** Glossary terms with parts, their parts, other terms, a rare term, and filler. */
  private static final String[] WORDS = {
    "容器管理",
    "容器管理",
    "容器",
    "管理",
    "日志聚合",
    "日志",
    "聚合",
    "hypervisor",
    "虚拟机",
    "镜像",
    "集群",
    "docker",
    "监控",
    "fast",
    "简单易用",
    "tool",
    "开源",
    "的",
    "and"
  };

  private static final String[] CONCEPTS = {
    "容器管理", "日志聚合", "hypervisor", "虚拟机", "镜像", "集群", "docker", "监控", "服务网格"
  };

  private static EntryIndex index;
  private static final BilingualQueryBuilder BUILDER =
      new BilingualQueryBuilder(Glossary.builtIn(), true);

  @BeforeAll
  static void indexEntries() {
    Random random = new Random(20261205L);
    StringBuilder markdown = new StringBuilder("# Tools\n");
    for (int i = 0; i < ENTRIES; i++) {
      if (i % 100 == 0) {
        markdown.append("\n## 第").append(i / 100).append("组\n\n");
      }
      markdown.append("- [Tool ").append(i).append("](https://t").append(i).append(".example) -");
      int words = 2 + random.nextInt(8);
      for (int w = 0; w < words; w++) {
        markdown.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
      }
      if (i % 1000 == 7) {
        markdown.append(" 服务网格"); // a rare concept: few entries cover it with others
      }
      markdown.append(".\n");
    }
    index = EntryIndex.inMemory();
    index.replaceSource("tools.md", new MarkdownIngester().parse("tools.md", markdown.toString()));
    index.commit();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void theFirstSearchFindsTheHitsAndScoresOfOneSearch() throws IOException {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    IndexSearcher searcher = index.acquire();
    int finals = 0;
    int again = 0;
    try {
      for (int i = 0; i < 300; i++) {
        StringBuilder text = new StringBuilder();
        int concepts = 1 + random.nextInt(3);
        for (int c = 0; c < concepts; c++) {
          text.append(CONCEPTS[random.nextInt(CONCEPTS.length)]).append(' ');
        }
        if (random.nextInt(8) == 0) {
          text.append("-docker");
        }
        BuiltQuery built = BUILDER.build(text.toString());
        if (random.nextInt(6) == 0) {
          built = BUILDER.filtered(built, new SearchFilter(null, Language.ZH));
        }
        int limit = 1 + random.nextInt(20);
        Supplier<String> where = () -> "seed " + seed + ", query '" + text + "', top " + limit;
        Query rewritten = built.rewritten(searcher);
        TopDocs once = EntrySearcher.best(searcher, rewritten, limit, Integer.MAX_VALUE);
        TopDocs first = EntrySearcher.best(searcher, rewritten, limit, 0);
        assertEquals(hits(once), hits(first), where);
        long count = searcher.count(rewritten);
        if (first.totalHits.relation == TotalHits.Relation.EQUAL_TO) {
          assertEquals(count, first.totalHits.value, where);
        } else {
          assertTrue(first.totalHits.value <= count, where);
        }
        CoverageFirst plan = CoverageFirst.of(rewritten);
        if (plan != null) {
          if (plan.isFinal(searcher.search(plan.query(), limit), limit)) {
            finals++;
          } else {
            again++;
          }
        }
      }
    } finally {
      index.release(searcher);
    }
    // Both ways were taken, many times each.
    assertTrue(finals >= 20, "final first searches: " + finals + " (seed " + seed + ")");
    assertTrue(again >= 20, "second searches: " + again + " (seed " + seed + ")");
  }

  private static List<String> hits(TopDocs top) {
    List<String> hits = new ArrayList<>();
    for (ScoreDoc hit : top.scoreDocs) {
      hits.add(hit.doc + ":" + hit.score);
    }
    return hits;
  }
}
