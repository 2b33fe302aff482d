package io.github.bisearch.query;

import io.github.bisearch.SearchFilter;
import io.github.bisearch.analysis.TextNormalizer;
import io.github.bisearch.glossary.Concept;
import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.glossary.GlossaryMatch;
import io.github.bisearch.glossary.Unit;
import io.github.bisearch.index.IndexSchema;
import io.github.bisearch.query.QueryConcept.Occurrence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Builds the Lucene query for a user's query string.
 *
 * <p>The query is cut into concepts: glossary terms (longest match on the raw text, so that {@code
 * 虚拟机} stays whole although the segmenter splits it), then the remaining Chinese words as segmented
 * and the remaining Latin words. Each concept becomes one clause that matches the user's words or
 * any of their translations in title, section or text:
 *
 * <pre>
 * concept = the concept's id in the concept field           (a glossary concept the index knows)
 *         | dismax over fields ( field weight × dismax( own words, 0.75 × translations ) )
 * words   = glossary term, or else dismax( word phrase, 0.8 × Han bigram phrase )
 * parts   = 0.3 × mean of the parts, a clause of its own     (for multi-word glossary terms,
 *           for the entries that do not cover the term)
 * </pre>
 *
 * A glossary concept is one term of the index's concept field, whichever of its names an entry uses
 * (title counts twice there): one list of entries to read, so that Lucene can skip most of them.
 * The word-by-word form is kept for highlighting and provenance, and is what other words, phrases,
 * fuzzy and excluded words are searched by. Parts found apart add relevance to the entries that do
 * not cover the concept, and never cover it.
 *
 * <p>A concept's translations are one clause whatever their number, and single-word translations
 * share their statistics through a {@link SynonymQuery}. Instances are immutable and thread-safe.
 */
public final class BilingualQueryBuilder {
  /**
   * Translations count less than the user's own words, but not much less: a glossary term now
   * scores as one term, and at half weight a Chinese blurb lost to any English mention (0.75 was
   * measured better than 0.5 on the relevance sets: see {@code benchmarks/RELEVANCE.md}).
   */
  static final float TRANSLATION_WEIGHT = 0.75f;

  /** A bigram match proves the characters, not the words: a little below a word match. */
  static final float BIGRAM_WEIGHT = 0.8f;

  /** A term's parts found apart prove less than the term itself. */
  static final float PARTS_WEIGHT = 0.3f;

  /** Matching in more than one field adds a little. */
  static final float FIELD_TIE = 0.2f;

  static final int MAX_TRANSLATIONS = 8;

  /** Words this long may be two letters off. */
  static final int FUZZY_TWO_EDITS_LENGTH = 8;

  /** Index words a fuzzy word may stand for. */
  static final int FUZZY_EXPANSIONS = 20;

  /** Concepts searched for in one query; a longer query is cut (a page of text is no query). */
  static final int MAX_CONCEPTS = 64;

  /** Leaf clauses allowed in one query, well below Lucene's default limit of 1024. */
  static final int MAX_LEAF_CLAUSES = 800;

  /** A searched field: its weight, and whether the index holds its bigrams and glossary terms. */
  private record FieldWeight(String field, float weight, boolean hasBigrams) {
    boolean hasGlossaryTerms() {
      return hasBigrams;
    }
  }

  private static final FieldWeight SECTION = new FieldWeight(IndexSchema.SECTION, 1.0f, true);

  private static final List<FieldWeight> FIELDS =
      List.of(
          new FieldWeight(IndexSchema.TITLE, 2.0f, true),
          SECTION,
          new FieldWeight(IndexSchema.TEXT, 1.0f, true),
          // A site's name in its address (hub.docker.com, alauda.cn) says a little too.
          new FieldWeight(IndexSchema.URL, 0.5f, false));

  /** Concepts whose queries are remembered at most; past that, the memory starts over. */
  static final int MAX_PLANNED = 10_000;

  private final Glossary glossary;
  private final boolean translate;
  private final Map<QueryConcept, Optional<ConceptQueries>> plans = new ConcurrentHashMap<>();
  private final Map<String, List<String>> translationMemory = new ConcurrentHashMap<>();
  private final QueryBuilder words = new QueryBuilder(IndexSchema.wordsAnalyzer());
  private final QueryBuilder bigrams = new QueryBuilder(IndexSchema.bigramAnalyzer());

  /**
   * @param glossary where translations come from
   * @param translate whether to add translations at all
   */
  public BilingualQueryBuilder(Glossary glossary, boolean translate) {
    this.glossary = glossary;
    this.translate = translate;
  }

  /**
   * Loads what the first query needs and every later query shares: the built-in glossary and the
   * build's analysis of its texts. A program can call this on another thread while it starts, so
   * that its first query does not wait for them; calling it again costs nothing.
   */
  public static void preload() {
    Glossary.builtIn();
    Analyzed.prepared("");
  }

  /**
   * The concepts of {@code query}, in query order.
   *
   * @throws IllegalArgumentException if the query is empty or blank
   */
  public List<QueryConcept> concepts(String query) {
    if (query == null
        || query
            .codePoints()
            .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
      throw new IllegalArgumentException("query is empty");
    }
    List<QueryConcept> concepts = new ArrayList<>();
    for (UserQuery.Clause clause : UserQuery.parse(TextNormalizer.normalize(query))) {
      Occurrence occur = occurrence(clause.occur());
      if (clause.phrase() || occur != Occurrence.SHOULD) {
        concepts.add(
            new QueryConcept(clause.text(), translationsOf(clause.text()), occur, clause.phrase()));
      } else {
        freeText(clause.text(), Integer.MAX_VALUE, concepts);
      }
    }
    // A word said twice is still one concept: repeating it must not double its weight.
    return List.copyOf(new LinkedHashSet<>(concepts));
  }

  /**
   * The Lucene query for {@code query}, with the clause of each concept it searches for; a query
   * with nothing to search for (only punctuation or stopwords) matches nothing.
   *
   * @throws IllegalArgumentException if the query is empty or blank
   */
  public BuiltQuery build(String query) {
    return toQuery(concepts(query));
  }

  /** The Lucene query for already extracted concepts. */
  public BuiltQuery toQuery(List<QueryConcept> concepts) {
    List<ConceptQueries> kept = new ArrayList<>();
    List<Occur> occurs = new ArrayList<>();
    List<BuiltQuery.Clause> positives = new ArrayList<>();
    List<BuiltQuery.Alternative> alternatives = new ArrayList<>();
    int leaves = 0;
    int clauses = 0;
    for (QueryConcept concept : concepts) {
      ConceptQueries queries = plan(concept);
      if (queries == null) {
        continue;
      }
      int count = queries.leaves;
      if (leaves + count > MAX_LEAF_CLAUSES || positives.size() == MAX_CONCEPTS) {
        break; // an enormous query: the first concepts are searched
      }
      leaves += count;
      Occur occur =
          switch (concept.occur()) {
            case MUST -> Occur.MUST;
            case MUST_NOT -> Occur.MUST_NOT;
            case SHOULD -> Occur.SHOULD;
          };
      if (occur != Occur.MUST_NOT) {
        positives.add(new BuiltQuery.Clause(concept, queries.coverage()));
        alternatives.addAll(queries.alternatives());
        clauses += queries.parts() == null ? 1 : 2;
      }
      kept.add(queries);
      occurs.add(occur);
    }
    if (positives.isEmpty()) {
      return new BuiltQuery(new MatchNoDocsQuery("nothing to search for"), List.of(), List.of());
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    for (int i = 0; i < kept.size(); i++) {
      ConceptQueries queries = kept.get(i);
      Occur occur = occurs.get(i);
      if (occur == Occur.MUST_NOT) {
        builder.add(queries.shown(), occur);
        continue;
      }
      ConceptQueries.Ranking ranking = queries.ranking(clauses);
      builder.add(ranking.concept(), occur);
      if (ranking.parts() != null) {
        builder.add(ranking.parts(), Occur.SHOULD);
      }
    }
    return new BuiltQuery(builder.build(), positives, alternatives);
  }

  private static Query prepared(ConceptQuery query) {
    try {
      return query.prepared();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // no index is read
    }
  }

  /**
   * {@code query} restricted to the entries {@code filter} lets through.
   *
   * @throws IllegalArgumentException if the filter's section has no words to match
   */
  public BuiltQuery filtered(BuiltQuery query, SearchFilter filter) {
    if (filter.isNone()) {
      return query;
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query.query(), Occur.MUST);
    if (filter.language() != null) {
      builder.add(
          new TermQuery(new Term(IndexSchema.LANG, filter.language().code())), Occur.FILTER);
    }
    if (filter.section() != null) {
      Query section = textQuery(SECTION, TextNormalizer.normalize(filter.section()), false, false);
      if (section == null) {
        throw new IllegalArgumentException(
            "section filter has no words to match: '" + filter.section() + "'");
      }
      builder.add(section, Occur.FILTER);
    }
    return new BuiltQuery(builder.build(), query.concepts(), query.alternatives());
  }

  /** Cuts free text into concepts, using glossary terms of at most {@code maxUnits} units. */
  private void freeText(String text, int maxUnits, List<QueryConcept> out) {
    List<Unit> units = Unit.split(text);
    List<GlossaryMatch> matches =
        translate ? withinWords(text, units, glossary.find(text, maxUnits)) : List.of();
    List<QueryConcept> concepts = new ArrayList<>();
    List<String> functionWords = new ArrayList<>();
    int m = 0;
    int u = 0;
    while (u < units.size()) {
      Unit unit = units.get(u);
      if (m < matches.size() && matches.get(m).start() == unit.start()) {
        GlossaryMatch match = matches.get(m++);
        concepts.add(
            new QueryConcept(match.text(), glossaryTranslations(match), Occurrence.SHOULD, false));
        while (u < units.size() && units.get(u).start() < match.end()) {
          u++;
        }
      } else if (unit.han()) {
        int end = u + 1;
        int limit = m < matches.size() ? matches.get(m).start() : Integer.MAX_VALUE;
        while (end < units.size()
            && units.get(end).han()
            && units.get(end).joined()
            && units.get(end).start() < limit) {
          end++;
        }
        String run = text.substring(unit.start(), units.get(end - 1).end());
        for (String word : chineseWords(run, functionWords)) {
          concepts.add(new QueryConcept(word, List.of(), Occurrence.SHOULD, false));
        }
        u = end;
      } else {
        if (!segment(unit.text()).isEmpty()) { // an English stopword stands for nothing
          concepts.add(new QueryConcept(unit.text(), List.of(), Occurrence.SHOULD, false));
        }
        u++;
      }
    }
    if (concepts.isEmpty()) {
      // Only function words: better to search for them than for nothing.
      for (String word : functionWords) {
        concepts.add(new QueryConcept(word, List.of(), Occurrence.SHOULD, false));
      }
    }
    out.addAll(concepts);
  }

  /**
   * Drops glossary matches of a single Han character that the segmenter sees as part of a longer
   * word: {@code 列} (column) must not match inside {@code 系列} (series). Longer terms are kept
   * whatever the segmenter says, since it cuts even common terms ({@code 虚拟 + 机}).
   */
  private static List<GlossaryMatch> withinWords(
      String text, List<Unit> units, List<GlossaryMatch> matches) {
    List<GlossaryMatch> kept = new ArrayList<>(matches.size());
    for (GlossaryMatch match : matches) {
      if (match.text().codePointCount(0, match.text().length()) != 1
          || !Unit.isHan(match.text().codePointAt(0))
          || standsAlone(text, units, match)) {
        kept.add(match);
      }
    }
    return kept;
  }

  /** Whether the segmenter makes a word of exactly {@code match} in its run of Han text. */
  private static boolean standsAlone(String text, List<Unit> units, GlossaryMatch match) {
    int first = 0;
    while (units.get(first).start() != match.start()) {
      first++;
    }
    int from = first;
    while (from > 0 && units.get(from - 1).han() && units.get(from).joined()) {
      from--;
    }
    int to = first;
    while (to + 1 < units.size() && units.get(to + 1).han() && units.get(to + 1).joined()) {
      to++;
    }
    int base = units.get(from).start();
    String run = text.substring(base, units.get(to).end());
    for (Analyzed.Token token : Analyzed.words(run).list()) {
      if (base + token.start() == match.start() && base + token.end() == match.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The words of a Chinese run as segmented, function words set aside into {@code dropped}. A lone
   * character is joined to its neighbour: the segmenter cuts {@code 虚拟机} into {@code 虚拟 + 机}, and
   * {@code 机} alone would match every machine-like word.
   */
  private static List<String> chineseWords(String run, List<String> dropped) {
    List<String> words = new ArrayList<>();
    String pending = "";
    boolean joinable = false;
    for (String word : segment(run)) {
      if (FunctionWords.SET.contains(word)) {
        dropped.add(word);
        joinable = false;
      } else if (word.codePointCount(0, word.length()) == 1 && Unit.isHan(word.codePointAt(0))) {
        if (joinable) {
          words.set(words.size() - 1, words.get(words.size() - 1) + word);
        } else {
          pending += word;
        }
      } else {
        words.add(pending + word);
        pending = "";
        joinable = true;
      }
    }
    if (!pending.isEmpty()) {
      words.add(pending);
    }
    return words;
  }

  /**
   * The smaller concepts inside a multi-word glossary term ({@code 容器管理} → {@code 容器}, {@code 管理}),
   * or an empty list: text that names the parts without the whole should still match.
   */
  private List<QueryConcept> parts(QueryConcept concept) {
    if (concept.phrase() || concept.translations().isEmpty()) {
      return List.of();
    }
    int units = Unit.split(concept.original()).size();
    if (units < 2) {
      return List.of();
    }
    List<QueryConcept> parts = new ArrayList<>();
    freeText(concept.original(), units - 1, parts);
    return parts.size() < 2 ? List.of() : parts;
  }

  /**
   * The translations of a glossary match, remembered by its text: the glossary gives the same text
   * the same concepts, and normalizing a dozen terms on every query adds up.
   */
  private List<String> glossaryTranslations(GlossaryMatch match) {
    List<String> translations = translationMemory.get(match.text());
    if (translations == null) {
      translations = translations(match.text(), match.concepts());
      if (translationMemory.size() >= MAX_PLANNED) {
        translationMemory.clear();
      }
      translationMemory.put(match.text(), translations);
    }
    return translations;
  }

  private List<String> translationsOf(String text) {
    return translate ? translations(text, glossary.lookup(text)) : List.of();
  }

  /** The terms of {@code concepts} other than {@code own}, other language first, capped. */
  private static List<String> translations(String own, List<Concept> concepts) {
    if (concepts.isEmpty()) {
      return List.of();
    }
    boolean ownIsChinese = own.codePoints().anyMatch(Unit::isHan);
    Set<String> seen = new HashSet<>();
    seen.add(key(own));
    List<String> ordered = new ArrayList<>(MAX_TRANSLATIONS);
    for (boolean otherLanguage : new boolean[] {true, false}) {
      for (Concept concept : concepts) {
        boolean chinese = ownIsChinese != otherLanguage;
        for (String term : chinese ? concept.chinese() : concept.english()) {
          if (ordered.size() == MAX_TRANSLATIONS) {
            return ordered;
          }
          if (seen.add(key(term))) {
            ordered.add(TextNormalizer.normalize(term));
          }
        }
      }
    }
    return ordered;
  }

  private static String key(String term) {
    StringBuilder key = new StringBuilder();
    for (Unit unit : Unit.split(TextNormalizer.normalize(term))) {
      key.append(unit.key()).append(' ');
    }
    return key.toString();
  }

  /**
   * A concept's queries: the clause that scores the concept whole (through the concept field where
   * the index has one for it), the stricter one that decides whether an entry covers it when
   * matching is not enough, the concept word by word for highlighting, the parts of a multi-word
   * term found apart (relevance only), and its alternatives for provenance.
   */
  private static final class ConceptQueries {
    private final Query scoring;
    private final Query coverage;
    private final Query shown;
    private final Whole parts;
    private final List<BuiltQuery.Alternative> alternatives;
    private final int leaves;

    /** The ranking clauses for queries of each number of clauses (which sets their cap). */
    private final Map<Integer, Ranking> ranking = new ConcurrentHashMap<>();

    /** A concept's clause in a query, and the clause of its parts or null. */
    record Ranking(Query concept, Query parts) {}

    ConceptQueries(
        Query scoring,
        Query coverage,
        Query shown,
        Whole parts,
        List<BuiltQuery.Alternative> alternatives) {
      this.scoring = scoring;
      this.coverage = coverage;
      this.shown = shown;
      this.parts = parts;
      this.alternatives = List.copyOf(alternatives);
      this.leaves = countLeaves(shown) + (parts == null ? 0 : countLeaves(parts.shown()));
    }

    /** The entries that cover the concept. */
    Query coverage() {
      return coverage != null ? coverage : scoring;
    }

    Query shown() {
      return shown;
    }

    Whole parts() {
      return parts;
    }

    List<BuiltQuery.Alternative> alternatives() {
      return alternatives;
    }

    Ranking ranking(int clauses) {
      return ranking.computeIfAbsent(
          clauses,
          n ->
              new Ranking(
                  prepared(new ConceptQuery(scoring, coverage, shown, n)),
                  parts == null
                      ? null
                      : prepared(
                          ConceptQuery.relevanceOnly(
                              parts.scoring(), parts.shown(), coverage(), n))));
    }
  }

  /** A query for scoring, and the same word by word for highlighting (often the same query). */
  private record Whole(Query scoring, Query shown) {}

  /**
   * A concept's queries, made once: a concept ({@code hypervisor} with its translations) comes back
   * in many queries, and its hundred-leaf clause is the same each time. The memory is bounded.
   */
  private ConceptQueries plan(QueryConcept concept) {
    Optional<ConceptQueries> planned = plans.get(concept);
    if (planned == null) {
      planned = Optional.ofNullable(conceptQuery(concept));
      if (plans.size() >= MAX_PLANNED) {
        plans.clear();
      }
      plans.put(concept, planned);
    }
    return planned.orElse(null);
  }

  private ConceptQueries conceptQuery(QueryConcept concept) {
    Whole whole = whole(concept);
    // Alternatives are found the way the concept is shown: glossary terms in the stored text when
    // the concept field scored it, else the words and bigrams that did.
    boolean inText = whole != null && whole.scoring() != whole.shown();
    List<BuiltQuery.Alternative> alternatives = new ArrayList<>();
    if (concept.occur() == Occurrence.MUST_NOT) {
      return whole == null
          ? null
          : new ConceptQueries(whole.shown(), null, whole.shown(), null, alternatives);
    }
    String name = concept.original();
    BuiltQuery.Via own = concept.fuzzy() ? BuiltQuery.Via.TYPO : BuiltQuery.Via.QUERY;
    addAlternative(alternatives, name, name, own, anyField(name, concept.fuzzy(), inText));
    for (String translation : concept.translations()) {
      addAlternative(
          alternatives,
          name,
          translation,
          BuiltQuery.Via.GLOSSARY,
          anyField(translation, false, inText));
    }
    List<Whole> parts = new ArrayList<>();
    for (QueryConcept part : parts(concept)) {
      Whole query = whole(part);
      if (query != null) {
        parts.add(query);
        addAlternative(alternatives, name, part.original(), BuiltQuery.Via.PART, query.shown());
      }
    }
    if (parts.isEmpty()) {
      return whole == null
          ? null
          : new ConceptQueries(whole.scoring(), null, whole.shown(), null, alternatives);
    }
    // Any part gives some credit, more parts more: 官方文档 still finds a page titled "Docs".
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    BooleanQuery.Builder anyShown = new BooleanQuery.Builder();
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Whole part : parts) {
      any.add(part.scoring(), Occur.SHOULD);
      anyShown.add(part.shown(), Occur.SHOULD);
      all.add(part.scoring(), Occur.MUST);
    }
    float weight = PARTS_WEIGHT / parts.size();
    Whole anyPart =
        new Whole(new BoostQuery(any.build(), weight), new BoostQuery(anyShown.build(), weight));
    if (whole == null) {
      // Nothing searches for the whole: the parts all together cover it.
      return new ConceptQueries(
          anyPart.scoring(), all.build(), anyPart.shown(), null, alternatives);
    }
    // Parts found apart add relevance but never cover the concept: the whole is what was asked
    // for, and a separate clause lets Lucene skip entries with parts only once the best ten
    // cover every concept. An entry that covers the concept gets nothing from its parts (they
    // are inside the whole, which is scored already), so a search may leave the parts out while
    // its best hits cover every concept (CoverageFirst).
    return new ConceptQueries(whole.scoring(), null, whole.shown(), anyPart, alternatives);
  }

  /**
   * The concept whole in all searched fields: for scoring, one term of the concept field when the
   * concept is a glossary concept the index knows ({@link IndexSchema#CONCEPTS}), else the same
   * query that highlighting uses (the user's words and each translation, field by field).
   */
  private Whole whole(QueryConcept concept) {
    Query byConcept = conceptFieldQuery(concept);
    if (byConcept != null) {
      Query shown = wholeConceptQuery(concept, false, true);
      return new Whole(byConcept, shown != null ? shown : byConcept);
    }
    Query shown = wholeConceptQuery(concept, true, false);
    return shown == null ? null : new Whole(shown, shown);
  }

  /**
   * The concept as concept ids, or null when the index's concept field cannot stand for it: a fuzzy
   * or excluded word, a search without translations, or words the index does not hold as one
   * concept. A quoted glossary term is one concept like any other (quotes keep words together, and
   * a quoted term is searched with its translations too).
   */
  private Query conceptFieldQuery(QueryConcept concept) {
    if (!translate
        || concept.fuzzy()
        || concept.occur() == Occurrence.MUST_NOT
        || concept.translations().isEmpty()) {
      return null;
    }
    String[] ids = glossary.conceptIds(concept.original());
    if (ids == null) {
      return null;
    }
    if (ids.length == 1) {
      return new TermQuery(new Term(IndexSchema.CONCEPTS, ids[0]));
    }
    SynonymQuery.Builder synonyms = new SynonymQuery.Builder(IndexSchema.CONCEPTS);
    for (String id : ids) {
      synonyms.addTerm(new Term(IndexSchema.CONCEPTS, id));
    }
    return synonyms.build();
  }

  private static void addAlternative(
      List<BuiltQuery.Alternative> out,
      String concept,
      String term,
      BuiltQuery.Via via,
      Query query) {
    if (query != null) {
      out.add(new BuiltQuery.Alternative(concept, term, via, query));
    }
  }

  /**
   * {@code text} in any searched field, unweighted: to tell whether an entry contains it ({@code
   * inText}: see {@link #textQuery}).
   */
  private Query anyField(String text, boolean fuzzy, boolean inText) {
    List<Query> fields = new ArrayList<>(FIELDS.size());
    for (FieldWeight fw : FIELDS) {
      Query query = textQuery(fw, text, fuzzy, inText);
      if (query != null) {
        fields.add(query);
      }
    }
    return anyOf(fields, 0f);
  }

  /**
   * The concept whole, field by field; {@code withUrl} false leaves out the url, which the concept
   * field does not hold either (what highlighting shows is what was scored); {@code inText}: see
   * {@link #textQuery}.
   */
  private Query wholeConceptQuery(QueryConcept concept, boolean withUrl, boolean inText) {
    List<Query> perField = new ArrayList<>(FIELDS.size());
    for (FieldWeight fw : FIELDS) {
      if (!withUrl && fw.field().equals(IndexSchema.URL)) {
        continue;
      }
      List<Query> alternatives = new ArrayList<>(2);
      Query own = textQuery(fw, concept.original(), concept.fuzzy(), inText);
      if (own != null) {
        alternatives.add(own);
      }
      if (concept.occur() != Occurrence.MUST_NOT) {
        Query translated = translationsQuery(fw, concept.translations(), inText);
        if (translated != null) {
          alternatives.add(new BoostQuery(translated, TRANSLATION_WEIGHT));
        }
      }
      Query field = anyOf(alternatives, 0f);
      if (field != null) {
        perField.add(fw.weight() == 1f ? field : new BoostQuery(field, fw.weight()));
      }
    }
    return anyOf(perField, FIELD_TIE);
  }

  /**
   * The user's (or a translation's) words in one field, as words or as Han bigrams; a fuzzy word
   * also matches words one letter away (two for long words).
   *
   * <p>{@code inText}: a glossary term is instead one term of the field's {@linkplain
   * IndexSchema#glossaryTerms glossary terms}, which the index does not hold: highlighting and
   * provenance find it in the stored text of the hits shown. Only for a concept that the concept
   * field scores.
   */
  private Query textQuery(FieldWeight fw, String text, boolean fuzzy, boolean inText) {
    if (inText && fw.hasGlossaryTerms() && !fuzzy) {
      Query term = GlossaryTermQueries.query(IndexSchema.glossaryTerms(fw.field()), text);
      if (term != null) {
        return term;
      }
    }
    String wordField = IndexSchema.words(fw.field());
    Query wordQuery = phrase(words, Analyzed.words(text), wordField, text);
    if (fuzzy && wordQuery instanceof TermQuery term) {
      String word = term.getTerm().text();
      int edits = word.length() >= FUZZY_TWO_EDITS_LENGTH ? 2 : 1;
      wordQuery = new FuzzyQuery(term.getTerm(), edits, 1, FUZZY_EXPANSIONS, true);
    }
    if (!fw.hasBigrams()) {
      return wordQuery;
    }
    Query bigramQuery =
        phrase(bigrams, Analyzed.bigrams(text), IndexSchema.bigrams(fw.field()), text);
    if (bigramQuery == null) {
      return wordQuery;
    }
    Query weighted = new BoostQuery(bigramQuery, BIGRAM_WEIGHT);
    return wordQuery == null ? weighted : new DisjunctionMaxQuery(List.of(wordQuery, weighted), 0f);
  }

  /**
   * The exact phrase of {@code tokens} in {@code field}; a token stream with stacked tokens (none
   * of ours has them today) goes through Lucene's query builder instead.
   */
  private static Query phrase(
      QueryBuilder builder, Analyzed.Tokens tokens, String field, String text) {
    return tokens.simple() ? tokens.query(field) : builder.createPhraseQuery(field, text);
  }

  private Query translationsQuery(FieldWeight fw, List<String> translations, boolean inText) {
    if (translations.isEmpty()) {
      return null;
    }
    // Single terms share their statistics, one group per field they are in (words, glossary terms).
    Map<String, List<TermQuery>> singles = new LinkedHashMap<>();
    List<Query> alternatives = new ArrayList<>();
    for (String translation : translations) {
      Query query = textQuery(fw, translation, false, inText);
      if (query instanceof TermQuery term) {
        List<TermQuery> group =
            singles.computeIfAbsent(term.getTerm().field(), f -> new ArrayList<>());
        if (!group.contains(term)) {
          group.add(term);
        }
      } else if (query != null) {
        alternatives.add(query);
      }
    }
    int at = 0;
    for (List<TermQuery> group : singles.values()) {
      // One term is its own query (as Lucene would rewrite it): built queries are final.
      alternatives.add(at++, group.size() == 1 ? group.get(0) : synonyms(group));
    }
    return anyOf(alternatives, 0f);
  }

  private static Query synonyms(List<TermQuery> terms) {
    SynonymQuery.Builder builder = new SynonymQuery.Builder(terms.get(0).getTerm().field());
    for (TermQuery term : terms) {
      builder.addTerm(term.getTerm());
    }
    return builder.build();
  }

  private static Query anyOf(List<Query> queries, float tie) {
    if (queries.isEmpty()) {
      return null;
    }
    return queries.size() == 1 ? queries.get(0) : new DisjunctionMaxQuery(queries, tie);
  }

  /** Segments a run of Chinese text into words with the words analyzer. */
  private static List<String> segment(String run) {
    return Analyzed.words(run).terms();
  }

  private static int countLeaves(Query query) {
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
            count[0] += FUZZY_EXPANSIONS; // what a fuzzy word may rewrite to
          }

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }
        });
    return count[0];
  }

  private static Occurrence occurrence(Occur occur) {
    return switch (occur) {
      case MUST, FILTER -> Occurrence.MUST;
      case MUST_NOT -> Occurrence.MUST_NOT;
      case SHOULD -> Occurrence.SHOULD;
    };
  }

  /** Chinese function words, loaded on first use. */
  private static final class FunctionWords {
    static final Set<String> SET = load();

    private static Set<String> load() {
      String name = "zh-function-words.txt";
      Set<String> words = new HashSet<>();
      try (InputStream in = BilingualQueryBuilder.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("bisearch resource missing from the classpath: " + name);
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String word = line.strip();
          if (!word.isEmpty() && !word.startsWith("#")) {
            words.add(word);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bisearch resource " + name, e);
      }
      return Set.copyOf(words);
    }
  }
}
