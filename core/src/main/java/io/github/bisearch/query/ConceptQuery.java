package io.github.bisearch.query;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * One concept's clause of the ranking query: the concept's relevance score, capped, plus a fixed
 * {@link #COVERAGE_BONUS} when the entry covers the concept.
 *
 * <p>Summed over a query's concepts, this ranks entries by how many concepts they cover first and
 * by relevance second, the order people expect of a search box ({@code 虚拟机 hypervisor}: entries
 * with both before entries with one of them many times). Because the order is in the score, any
 * Lucene searcher ranks the same way, a plain {@code IndexSearcher} or a Solr shard, and Lucene's
 * dynamic pruning applies: once the best ten entries cover two concepts, entries that can cover
 * only one are skipped unscored.
 *
 * <p>The cap, a little under {@code COVERAGE_BONUS / concepts}, keeps the relevance of all concepts
 * together below one bonus, so relevance never outweighs coverage. Real relevance scores stay far
 * below it.
 *
 * <p>{@code coverage} decides whether an entry covers the concept when that is stricter than
 * matching it; {@code null} when matching is covering. A clause made {@linkplain #relevanceOnly for
 * relevance only} (the parts of {@code 容器管理} found apart) never adds the bonus, and adds nothing to
 * the entries its {@code coverage} matches: an entry that covers {@code 容器管理} has its parts inside
 * the whole, and the whole's clause has scored them already.
 *
 * <p>{@code shown} is what the clause stands for word by word, when {@code scoring} finds it
 * through the index's concept field (one term for all names of a glossary concept): highlighting
 * and provenance look for its leaves in the hits, and scoring never reads them.
 */
public final class ConceptQuery extends Query {
  /** Added to the score for each concept an entry covers. */
  public static final float COVERAGE_BONUS = 10_000f;

  private final Query scoring;
  private final Query coverage;
  private final Query shown;
  private final boolean covers;
  private final float cap;

  /** Whether both queries are already in the form Lucene's rewriting would give them. */
  private final boolean rewritten;

  private int hash;
  private volatile List<Query> leaves;

  /**
   * @param scoring matches the entries that match the concept, scored by relevance
   * @param coverage the entries that cover the concept (a subset), or null when they all do
   * @param concepts the number of concepts in the query, which sets the cap on relevance
   */
  public ConceptQuery(Query scoring, Query coverage, int concepts) {
    this(scoring, coverage, null, true, capFor(concepts), false);
  }

  /**
   * @param scoring matches the entries that match the concept, scored by relevance
   * @param coverage the entries that cover the concept (a subset), or null when they all do
   * @param shown the concept word by word, for highlighting; null when it is {@code scoring}
   * @param concepts the number of clauses in the query, which sets the cap on relevance
   */
  public ConceptQuery(Query scoring, Query coverage, Query shown, int concepts) {
    this(scoring, coverage, shown, true, capFor(concepts), false);
  }

  /**
   * A clause that adds relevance, capped like the others, and never a coverage bonus.
   *
   * @param shown {@code scoring} word by word, for highlighting; null when it is {@code scoring}
   */
  public static ConceptQuery relevanceOnly(Query scoring, Query shown, int concepts) {
    return relevanceOnly(scoring, shown, null, concepts);
  }

  /**
   * A clause that adds relevance, capped like the others, to the entries that {@code covered} does
   * not match, and never a coverage bonus: the parts of a concept, for entries that do not cover
   * the concept itself.
   *
   * @param shown {@code scoring} word by word, for highlighting; null when it is {@code scoring}
   * @param covered the entries that get nothing from this clause; null when none
   */
  public static ConceptQuery relevanceOnly(
      Query scoring, Query shown, Query covered, int concepts) {
    return new ConceptQuery(scoring, covered, shown, false, capFor(concepts), false);
  }

  private ConceptQuery(
      Query scoring, Query coverage, Query shown, boolean covers, float cap, boolean rewritten) {
    this.scoring = Objects.requireNonNull(scoring, "scoring");
    this.coverage = coverage == null || coverage.equals(scoring) ? null : coverage;
    this.shown = shown == null || shown.equals(scoring) ? null : shown;
    this.covers = covers;
    this.cap = cap;
    this.rewritten = rewritten;
  }

  /**
   * This query rewritten once and for all when rewriting it does not depend on the index (no fuzzy
   * words): searches then skip rewriting a tree of some hundred clauses every time.
   */
  ConceptQuery prepared() throws IOException {
    if (dependsOnIndex(scoring)
        || (coverage != null && dependsOnIndex(coverage))
        || (shown != null && dependsOnIndex(shown))) {
      return this;
    }
    return new ConceptQuery(
        NO_INDEX.rewrite(scoring),
        coverage == null ? null : NO_INDEX.rewrite(coverage),
        shown == null ? null : NO_INDEX.rewrite(shown),
        covers,
        cap,
        true);
  }

  /** Whether this query is final: rewritten once and for all when it was built. */
  boolean isPrepared() {
    return rewritten;
  }

  /** Whether rewriting {@code query} needs the index: it has words that expand (fuzzy words). */
  static boolean dependsOnIndex(Query query) {
    return LeafQueries.expand(LeafQueries.of(query));
  }

  /** Rewrites what needs no index. */
  private static final IndexSearcher NO_INDEX = noIndex();

  private static IndexSearcher noIndex() {
    try {
      return new IndexSearcher(new MultiReader());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // an empty reader reads nothing
    }
  }

  private static float capFor(int concepts) {
    if (concepts < 1) {
      throw new IllegalArgumentException("a query has at least one concept, not " + concepts);
    }
    return COVERAGE_BONUS * 0.99f / concepts;
  }

  /** The number of concepts that an entry with this {@code score} covers. */
  public static int covered(float score) {
    return (int) (score / COVERAGE_BONUS);
  }

  /** The relevance part of a ranking {@code score}, without coverage bonuses. */
  public static float relevance(float score) {
    return score - covered(score) * COVERAGE_BONUS;
  }

  /**
   * The leaf queries under this clause (terms, phrases, synonym groups, and any other leaf), each
   * once, in visiting order; found once per query object, since highlighting asks on every search.
   */
  public List<Query> leaves() {
    List<Query> found = leaves;
    if (found == null) {
      found = List.copyOf(LeafQueries.of(shown()));
      leaves = found;
    }
    return found;
  }

  /** The query that scores the concept. */
  public Query scoring() {
    return scoring;
  }

  /** The concept word by word: the query whose leaves highlighting looks for. */
  public Query shown() {
    return shown == null ? scoring : shown;
  }

  /** Whether an entry this clause matches may get the coverage bonus. */
  public boolean covers() {
    return covers;
  }

  /**
   * The query that decides coverage, or null when matching the concept is covering it; for a clause
   * {@linkplain #relevanceOnly for relevance only}, the entries it adds nothing to, or null.
   */
  public Query coverage() {
    return coverage;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    if (rewritten) {
      return this;
    }
    Query rewrittenScoring = scoring.rewrite(searcher);
    Query rewrittenCoverage = coverage == null ? null : coverage.rewrite(searcher);
    Query rewrittenShown = shown == null ? null : shown.rewrite(searcher);
    if (rewrittenScoring != scoring || rewrittenCoverage != coverage || rewrittenShown != shown) {
      return new ConceptQuery(
          rewrittenScoring, rewrittenCoverage, rewrittenShown, covers, cap, false);
    }
    return this;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    // The coverage query only decides the bonus (for a clause for relevance only, which entries
    // get nothing): a covering clause's repeats its scoring query's terms, and a parts clause's
    // is its concept's clause, visited there.
    scoring.visit(visitor.getSubVisitor(Occur.MUST, this));
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight scoringWeight = searcher.createWeight(scoring, scoreMode, 1f);
    if (!scoreMode.needsScores()) {
      return scoringWeight; // matching the concept is all that is asked
    }
    Weight coverageWeight =
        coverage == null ? null : searcher.createWeight(coverage, ScoreMode.COMPLETE_NO_SCORES, 1f);
    return new ConceptWeight(scoringWeight, coverageWeight, boost);
  }

  @Override
  public String toString(String field) {
    return (covers ? "concept(" : "relevance(")
        + scoring.toString(field)
        + (coverage == null
            ? ""
            : (covers ? ", covered by " : ", unless covered by ") + coverage.toString(field))
        + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && scoring.equals(((ConceptQuery) other).scoring)
        && Objects.equals(coverage, ((ConceptQuery) other).coverage)
        && Objects.equals(shown, ((ConceptQuery) other).shown)
        && covers == ((ConceptQuery) other).covers
        && cap == ((ConceptQuery) other).cap;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      // Lucene hashes clauses while rewriting; the tree under a concept is large, so once only.
      h = Objects.hash(classHash(), scoring, coverage, shown, covers, cap);
      hash = h;
    }
    return h;
  }

  private final class ConceptWeight extends Weight {
    private final Weight scoring;
    private final Weight coverage;
    private final float boost;

    ConceptWeight(Weight scoring, Weight coverage, float boost) {
      super(ConceptQuery.this);
      this.scoring = scoring;
      this.coverage = coverage;
      this.boost = boost;
    }

    @Override
    public Matches matches(LeafReaderContext context, int doc) throws IOException {
      return scoring.matches(context, doc);
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      Explanation relevance = scoring.explain(context, doc);
      if (!relevance.isMatch()) {
        return relevance;
      }
      boolean inCoverage = coverage == null || coverage.explain(context, doc).isMatch();
      if (!ConceptQuery.this.covers && coverage != null && inCoverage) {
        return Explanation.match(
            0f, "relevance only, and the entry covers the concept: nothing added", relevance);
      }
      boolean covers = ConceptQuery.this.covers && inCoverage;
      float capped = Math.min(cap, relevance.getValue().floatValue());
      float score = boost * ((covers ? COVERAGE_BONUS : 0f) + capped);
      return Explanation.match(
          score,
          (covers
                  ? "covers the concept: bonus " + COVERAGE_BONUS
                  : ConceptQuery.this.covers ? "matches part of the concept" : "relevance only")
              + " + relevance (at most "
              + cap
              + ")",
          relevance);
    }

    @Override
    public Scorer scorer(LeafReaderContext context) throws IOException {
      ScorerSupplier supplier = scorerSupplier(context);
      return supplier == null ? null : supplier.get(Long.MAX_VALUE);
    }

    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
      ScorerSupplier inner = scoring.scorerSupplier(context);
      if (inner == null) {
        return null;
      }
      return new ScorerSupplier() {
        @Override
        public Scorer get(long leadCost) throws IOException {
          Scorer covering = coverage == null ? null : coverage.scorer(context);
          return new ConceptScorer(ConceptWeight.this, inner.get(leadCost), covering, coverage);
        }

        @Override
        public long cost() {
          return inner.cost();
        }
      };
    }

    @Override
    public boolean isCacheable(LeafReaderContext context) {
      return scoring.isCacheable(context) && (coverage == null || coverage.isCacheable(context));
    }

    private final class ConceptScorer extends Scorer {
      private final Scorer in;

      /**
       * Null when the concept's coverage query is its scoring query, or (for a clause for relevance
       * only) when no entry of the segment is excluded.
       */
      private final DocIdSetIterator coverApproximation;

      private final TwoPhaseIterator coverTwoPhase;
      private final boolean neverCovers;
      private int checkedDoc = -1;
      private boolean checkedCovers;

      ConceptScorer(Weight weight, Scorer in, Scorer covering, Weight coverageWeight) {
        super(weight);
        this.in = in;
        this.neverCovers =
            !ConceptQuery.this.covers || (coverageWeight != null && covering == null);
        this.coverTwoPhase = covering == null ? null : covering.twoPhaseIterator();
        this.coverApproximation =
            covering == null
                ? null
                : coverTwoPhase == null ? covering.iterator() : coverTwoPhase.approximation();
      }

      /** Whether {@code doc} gets the bonus, or for a clause for relevance only, nothing. */
      private boolean covers(int doc) throws IOException {
        if (coverApproximation == null) {
          return !neverCovers;
        }
        if (doc != checkedDoc) {
          checkedDoc = doc;
          int at = coverApproximation.docID();
          if (at < doc) {
            at = coverApproximation.advance(doc);
          }
          checkedCovers = at == doc && (coverTwoPhase == null || coverTwoPhase.matches());
        }
        return checkedCovers;
      }

      @Override
      public float score() throws IOException {
        if (!ConceptQuery.this.covers) {
          // Relevance only, and none for the entries that cover the concept.
          return coverApproximation != null && covers(in.docID())
              ? 0f
              : boost * Math.min(cap, in.score());
        }
        float relevance = Math.min(cap, in.score());
        return boost * ((covers(in.docID()) ? COVERAGE_BONUS : 0f) + relevance);
      }

      @Override
      public int docID() {
        return in.docID();
      }

      @Override
      public DocIdSetIterator iterator() {
        return in.iterator();
      }

      @Override
      public TwoPhaseIterator twoPhaseIterator() {
        return in.twoPhaseIterator();
      }

      @Override
      public int advanceShallow(int target) throws IOException {
        return in.advanceShallow(target);
      }

      @Override
      public float getMaxScore(int upTo) throws IOException {
        float bonus = neverCovers ? 0f : COVERAGE_BONUS;
        return boost * (bonus + Math.min(cap, in.getMaxScore(upTo)));
      }

      @Override
      public void setMinCompetitiveScore(float minScore) throws IOException {
        // A covering entry needs this much relevance at least; any other entry needs more.
        float bonus = neverCovers ? 0f : COVERAGE_BONUS;
        // Two ulps of slack: rounding must never drop an entry that ties the last kept one.
        float needed = minScore / boost - bonus - 2 * Math.ulp(minScore);
        if (needed > 0f) {
          in.setMinCompetitiveScore(Math.min(needed, cap));
        }
      }

      @Override
      public java.util.Collection<Scorable.ChildScorable> getChildren() {
        return List.of(new Scorable.ChildScorable(in, "MUST"));
      }
    }
  }
}
