package io.github.bisearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.BiSearch;
import io.github.bisearch.Hit;
import io.github.bisearch.Match;
import io.github.bisearch.SearchResult;
import io.github.bisearch.index.IndexSchema;
import io.github.bisearch.query.ConceptQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.core.SolrCore;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * bisearch on a real SolrCloud in this JVM (two nodes, two shards of two replicas each, the bundled
 * configset and plugin): search-cli.jar indexes the bundled corpus and 10,000 generated entries
 * into it, and every query answers with the same top ten as the embedded engine over the same
 * files, also after one node is stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudIT {
  private static final String COLLECTION = "docs";
  private static final int TOP = 10;

  /** Fetched beyond the top ten, so that a tie group cut by the tenth place is seen whole. */
  private static final int FETCHED = 30;

  /** More than any query of the CLI test finds. */
  private static final int ALL = 5_000;

  /** Relative difference of two scores that are the same score summed in another order. */
  private static final float SCORE_TOLERANCE = 1e-5f;

  private static final Path CLI_JAR = Path.of("..", "index-cli", "target", "search-cli.jar");

  /** The core issue's table (BiSearchTest) besides the judged queries of corpus/queries.tsv. */
  private static final List<String> TABLE =
      List.of(
          "虚拟机 hypervisor",
          "hypervisor",
          "容器管理",
          "operating system",
          "microservices",
          "kubernetes 架构",
          "虛擬化",
          "ｄｏｃｋｅｒ　ｈｕｂ",
          "lightweight linux",
          "docker 书籍");

  /**
   * Jersey, inside Solr, warns through java.util.logging about an optional provider it lacks; held
   * here so that the logger and its level are not garbage-collected.
   */
  private static final Logger JERSEY = Logger.getLogger("org.glassfish.jersey");

  private Path work;
  private Path corpus;
  private MiniSolrCloudCluster cluster;
  private BiSearch embedded;

  @BeforeAll
  void startClusterAndIndex() throws Exception {
    JERSEY.setLevel(Level.SEVERE);
    assertTrue(
        Files.isRegularFile(CLI_JAR),
        CLI_JAR + " is missing: build it first (./mvnw package -pl index-cli -am)");
    work = Files.createTempDirectory("bisearch-solr-it");
    // Entry ids hash the file's absolute path, and ids decide each entry's shard. A fixed path
    // gives every run, on every machine, the same shards: see the README on synonym statistics.
    corpus = Path.of(System.getProperty("java.io.tmpdir"), "bisearch-solr-it-corpus");
    deleteRecursively(corpus);
    Files.createDirectories(corpus);
    Files.copy(Path.of("..", "corpus", "docker-awesome.md"), corpus.resolve("docker-awesome.md"));
    new GeneratedCorpus(42).write(10_000, corpus.resolve("generated"));

    cluster =
        new MiniSolrCloudCluster.Builder(2, work.resolve("solr"))
            .addConfig("bisearch", Path.of("src", "main", "configset", "bisearch", "conf"))
            .withDistributedClusterStateUpdates(false, false)
            .build();
    CollectionAdminRequest.createCollection(COLLECTION, "bisearch", 2, 2)
        .process(cluster.getSolrClient());
    cluster.waitForActiveCollection(COLLECTION, 2, 4);

    embedded = BiSearch.inMemory();
    embedded.add(corpus);

    Cli indexed = cli("index", "--solr", solrUrl(), "--collection", COLLECTION, corpus.toString());
    assertEquals(0, indexed.exit(), indexed.err());
    assertEquals("", indexed.err());
    assertTrue(
        indexed
            .out()
            .matches(
                "indexed 11 files \\(0 skipped\\), 10036 entries into collection docs at "
                    + Pattern.quote(solrUrl())
                    + " in [0-9.]+ s\n"),
        indexed.out());
  }

  /** What a run of search-cli.jar printed, and its exit code. */
  private record Cli(int exit, String out, String err) {}

  /** Runs {@code java -jar search-cli.jar ARGS} in this module's folder, as a user would. */
  private Cli cli(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(CLI_JAR.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "cli", ".out");
    Path err = Files.createTempFile(work, "cli", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    process.getOutputStream().close();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("search-cli still running after 120 s: " + String.join(" ", args));
    }
    return new Cli(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (embedded != null) {
      embedded.close();
    }
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  private String solrUrl() {
    return cluster.getJettySolrRunner(0).getBaseUrl().toString();
  }

  @Test
  @Order(1)
  void schemaAnalyzesLikeTheLibrary() throws IOException {
    String text = "Xen 是一个开放源代码虚拟机監視器，ｄｏｃｋｅｒ Containers' books 的 2015年 x86_64";
    SolrCore core = cluster.getJettySolrRunner(0).getCoreContainer().getCores().iterator().next();
    Analyzer solr = core.getLatestSchema().getIndexAnalyzer();
    for (String field : List.of(IndexSchema.TITLE, IndexSchema.SECTION, IndexSchema.TEXT)) {
      assertEquals(
          tokens(IndexSchema.wordsAnalyzer(), "any", text),
          tokens(solr, IndexSchema.words(field), text));
      assertEquals(
          tokens(IndexSchema.bigramAnalyzer(), "any", text),
          tokens(solr, IndexSchema.bigrams(field), text));
    }
    assertEquals(
        tokens(IndexSchema.wordsAnalyzer(), "any", "https://hub.docker.com/r/library"),
        tokens(solr, IndexSchema.words(IndexSchema.URL), "https://hub.docker.com/r/library"));
    // Not only equal, but what the library is known to make: Traditional folded, Han bigrams.
    assertEquals(
        List.of("虚拟 0-2 +1", "拟机 1-3 +1", "机监 2-4 +1", "监视 3-5 +1", "视器 4-6 +1"),
        tokens(solr, "text.bg", "虚拟机監視器"));
    assertEquals(
        List.of("container 0-10 +1", "book 11-16 +1"), tokens(solr, "title.w", "Containers books"));
  }

  @Test
  @Order(2)
  void cliReportsAMissingCollection() throws Exception {
    Cli run = cli("index", "--solr", solrUrl(), "--collection", "nosuch", corpus.toString());
    assertEquals(
        new Cli(
            1,
            "",
            "search-cli: no collection 'nosuch' at "
                + solrUrl()
                + ": create it with the bisearch configset (see the README, 'Outgrowing one"
                + " machine')\n"),
        run);
  }

  @Test
  @Order(3)
  void solrHoldsTheEmbeddedEngineEntries() throws Exception {
    SolrQuery all = new SolrQuery("*:*").setParam("defType", "lucene").setRows(0);
    assertEquals(10_036, embedded.size());
    assertEquals(
        embedded.size(), cluster.getSolrClient().query(COLLECTION, all).getResults().getNumFound());
    Hit xen = embedded.search("Xen", 1).hits().get(0);
    SolrDocument doc = cluster.getSolrClient().getById(COLLECTION, xen.id());
    assertEquals(xen.title(), doc.getFieldValue("title"));
    assertEquals(xen.url(), doc.getFieldValue("url"));
    assertEquals(xen.section(), doc.getFieldValue("section"));
    assertEquals(xen.text(), doc.getFieldValue("text"));
    assertEquals(xen.source(), doc.getFieldValue("source"));
    assertEquals(xen.line(), doc.getFieldValue("line"));
    assertEquals(xen.language().code(), doc.getFieldValue("lang"));
  }

  @Test
  @Order(3)
  void solrRanksLikeTheEmbeddedEngine() throws Exception {
    assertSameRankings();
  }

  @Test
  @Order(4)
  void cliSearchesThroughSolrWithTheLibrarySnippets() throws Exception {
    String query = "虚拟机 hypervisor";
    // All of the query's hits: ties among its hundreds of hits are in any order.
    List<Hit> expected = embedded.search(query, ALL).hits();
    Map<String, Float> scores = new HashMap<>();
    expected.forEach(hit -> scores.put(hit.id(), hit.score()));
    Map<String, String> lines = new HashMap<>();
    for (Hit hit : expected) {
      List<String> matched = hit.matched().stream().map(Match::toString).toList();
      lines.put(
          hit.id(),
          String.join(
              "\t",
              hit.id(),
              hit.title(),
              hit.snippet().marked("<em>", "</em>"),
              String.join("; ", matched)));
    }
    Cli run =
        cli(
            "--solr",
            solrUrl(),
            "--collection",
            COLLECTION,
            "--format",
            "tsv",
            "--fields",
            "id,title,snippet,matched",
            "-n",
            String.valueOf(TOP),
            query);
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    List<String> out = List.of(run.out().split("\n"));
    assertEquals("id\ttitle\tsnippet\tmatched", out.get(0));
    List<Ranked> ranked = new ArrayList<>();
    for (String line : out.subList(1, out.size())) {
      String id = line.substring(0, line.indexOf('\t'));
      assertEquals(lines.get(id), line);
      ranked.add(new Ranked(id, scores.get(id)));
    }
    assertTrue(expected.size() < ALL, query + " has more hits than fetched");
    assertSameTop(query, expected, true, ranked);
  }

  @Test
  @Order(5)
  void replicasAnswerWhenANodeIsDown() throws Exception {
    DocCollection state = cluster.getSolrClient().getClusterState().getCollection(COLLECTION);
    JettySolrRunner stopped = cluster.getJettySolrRunner(1);
    String stoppedNode = stopped.getNodeName();
    for (Slice slice : state.getSlices()) {
      Set<String> nodes = new HashSet<>();
      for (Replica replica : slice.getReplicas()) {
        nodes.add(replica.getNodeName());
      }
      assertEquals(2, nodes.size(), slice.getName() + " has both its replicas on one node");
    }
    cluster.stopJettySolrRunner(stopped);
    cluster.waitForJettyToStop(stopped);
    cluster
        .getZkStateReader()
        .waitForState(
            COLLECTION,
            60,
            TimeUnit.SECONDS,
            (live, collection) ->
                collection != null
                    && !live.contains(stoppedNode)
                    && collection.getSlices().stream()
                        .allMatch(
                            slice ->
                                slice.getLeader() != null
                                    && live.contains(slice.getLeader().getNodeName())));
    assertSameRankings();
  }

  /** Every query's top ten from Solr equals the embedded engine's, tie groups in any order. */
  private void assertSameRankings() throws Exception {
    int compared = 0;
    List<String> skipped = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (String query : queries()) {
      try {
        if (assertSameRanking(query)) {
          compared++;
        } else {
          skipped.add(query);
        }
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    assertEquals(List.of(), failures, failures.size() + " queries rank differently");
    assertTrue(compared >= 90, "compared only " + compared + "; skipped " + skipped);
  }

  /** Whether the query could be compared; fails if it ranks differently. */
  private boolean assertSameRanking(String query) throws Exception {
    SearchResult expected = embedded.search(query, FETCHED);
    if (expected.hits().stream()
        .anyMatch(hit -> hit.matched().stream().anyMatch(m -> m.via().equals("typo")))) {
      return false; // typo tolerance is the embedded engine's second search, not a query
    }
    QueryResponse response =
        cluster
            .getSolrClient()
            .query(COLLECTION, new SolrQuery(query).setRows(FETCHED).setFields("id", "score"));
    long found = response.getResults().getNumFound();
    if (expected.totalExact()) {
      assertEquals(expected.total(), found, query + ": total");
    } else {
      assertTrue(found >= expected.total(), query + ": total " + found);
    }
    List<Ranked> actual = new ArrayList<>();
    for (SolrDocument doc : response.getResults()) {
      // The embedded engine shows relevance alone, without the bonus for each concept covered.
      float score = ConceptQuery.relevance(((Number) doc.getFieldValue("score")).floatValue());
      actual.add(new Ranked((String) doc.getFieldValue("id"), score));
    }
    // Exact distributed statistics: each shard scores with the whole collection's BM25 numbers.
    Map<String, Float> scores = new HashMap<>();
    for (Hit hit : expected.hits()) {
      scores.put(hit.id(), hit.score());
    }
    for (Ranked ranked : actual.subList(0, Math.min(TOP, actual.size()))) {
      if (scores.containsKey(ranked.id())) {
        assertEquals(
            scores.get(ranked.id()),
            ranked.score(),
            SCORE_TOLERANCE * Math.max(1f, ranked.score()),
            query + ": score of " + ranked.id());
      }
    }
    boolean complete = expected.hits().size() < FETCHED;
    assertSameTop(query, expected.hits(), complete, actual);
    return true;
  }

  /** A hit as Solr (or search-cli) ranked it: its id and relevance. */
  private record Ranked(String id, float score) {}

  /**
   * Compares the top ten place by place, except that entries the embedded engine scored equally (a
   * tie group, see {@link #sameScore}) may come in any order: a group within the top ten must hold
   * the same entries, a group cut by the tenth place only entries of the group. When the embedded
   * hits stop in the middle of a group ({@code complete} false: there were more than fetched), the
   * rest of that group is unknown, and its places need only hold entries of its score.
   */
  private static void assertSameTop(
      String query, List<Hit> expected, boolean complete, List<Ranked> actual) {
    int end = Math.min(TOP, expected.size());
    assertEquals(end, Math.min(TOP, actual.size()), query + ": number of hits");
    int start = 0;
    while (start < end) {
      float score = expected.get(start).score();
      int stop = start + 1;
      while (stop < expected.size() && sameScore(expected.get(stop).score(), score)) {
        stop++;
      }
      Set<String> group = new LinkedHashSet<>();
      for (Hit hit : expected.subList(start, stop)) {
        group.add(hit.id());
      }
      List<Ranked> places = actual.subList(start, Math.min(stop, end));
      Set<String> got = new LinkedHashSet<>();
      places.forEach(ranked -> got.add(ranked.id()));
      String where = query + ": places " + (start + 1) + "-" + (start + places.size());
      if (!complete && stop == expected.size()) {
        for (Ranked ranked : places) {
          assertTrue(
              group.contains(ranked.id()) || sameScore(ranked.score(), score),
              where + " should score " + score + ", " + ranked + " does not");
        }
      } else if (stop <= end) {
        assertEquals(group, got, where);
      } else {
        assertTrue(group.containsAll(got), where + " should be among " + group + ", are " + got);
      }
      start = stop;
    }
  }

  /**
   * Whether two scores are equal but for the last bits of a float: Lucene adds up clause scores in
   * an order that depends on how the documents are laid out in segments, which differs between the
   * embedded index and each shard.
   */
  private static boolean sameScore(float a, float b) {
    return Math.abs(a - b) <= SCORE_TOLERANCE * Math.max(1f, Math.abs(a));
  }

  /** The table's queries, then each judged query of corpus/queries.tsv once. */
  private static List<String> queries() throws IOException {
    Set<String> queries = new LinkedHashSet<>(TABLE);
    for (String line :
        Files.readAllLines(Path.of("..", "corpus", "queries.tsv"), StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        queries.add(line.substring(0, line.indexOf('\t')));
      }
    }
    return List.copyOf(queries);
  }

  private static List<String> tokens(Analyzer analyzer, String field, String text)
      throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(
            term
                + " "
                + offset.startOffset()
                + "-"
                + offset.endOffset()
                + " +"
                + position.getPositionIncrement());
      }
      stream.end();
    }
    return out;
  }
}
