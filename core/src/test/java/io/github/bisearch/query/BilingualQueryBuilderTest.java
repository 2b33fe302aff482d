package io.github.bisearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.query.QueryConcept.Occurrence;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BilingualQueryBuilderTest {
  private static BilingualQueryBuilder builder;

  @BeforeAll
  static void glossary() throws IOException {
    Glossary glossary =
        Glossary.parse(
            "test.tsv",
            new StringReader(
                "虚拟机|虚机\tvirtual machine|vm\n虚拟机监视器\thypervisor\n"
                    + "操作系统\toperating system|os\n架构\tarchitecture\n"));
    builder = new BilingualQueryBuilder(glossary, true);
  }

  private static QueryConcept concept(String original, Occurrence occur, String... translations) {
    return new QueryConcept(original, List.of(translations), occur, false);
  }

  @Test
  void glossaryTermsStayWholeAndCarryTheirTranslationsOtherLanguageFirst() {
    assertEquals(
        List.of(
            concept("虚拟机", Occurrence.SHOULD, "virtual machine", "vm", "虚机"),
            concept("hypervisor", Occurrence.SHOULD, "虚拟机监视器")),
        builder.concepts("虚拟机 hypervisor"));
  }

  @Test
  void multiWordEnglishTermIsOneConcept() {
    assertEquals(
        List.of(concept("operating system", Occurrence.SHOULD, "操作系统", "os")),
        builder.concepts("Operating System"));
  }

  @Test
  void chineseOutsideTheGlossaryIsSegmentedAndFunctionWordsDropped() {
    assertEquals(
        List.of(
            concept("kubernetes", Occurrence.SHOULD),
            concept("系统", Occurrence.SHOULD),
            concept("架构", Occurrence.SHOULD, "architecture"),
            concept("简介", Occurrence.SHOULD)),
        builder.concepts("Kubernetes的系统架构简介"));
  }

  @Test
  void requiredExcludedAndQuotedParts() {
    assertEquals(
        List.of(
            new QueryConcept(
                "virtual machine", List.of("虚拟机", "虚机", "vm"), Occurrence.SHOULD, true),
            concept("xen", Occurrence.MUST),
            concept("kvm", Occurrence.MUST_NOT)),
        builder.concepts("\"virtual machine\" +xen -kvm"));
  }

  @Test
  void unbalancedQuoteAndLuceneSyntaxAreJustText() {
    assertEquals(
        List.of(new QueryConcept("docker hub", List.of(), Occurrence.SHOULD, true)),
        builder.concepts("\"docker hub"));
    assertEquals(
        List.of(concept("foo", Occurrence.SHOULD), concept("b", Occurrence.SHOULD)),
        builder.concepts("(foo:b)^ AND"));
  }

  @Test
  void quotesAroundOnlyUnicodeSpacesMakeNoConcept() {
    assertEquals(
        List.of(concept("docker", Occurrence.SHOULD)),
        builder.concepts("“\u202F” docker \"\u00a0\""));
  }

  @Test
  void noTranslationWhenTurnedOff() {
    BilingualQueryBuilder plain = new BilingualQueryBuilder(Glossary.empty(), false);
    assertEquals(List.of(concept("虚拟机", Occurrence.SHOULD)), plain.concepts("虚拟机"));
  }

  @Test
  void onlyPunctuationMatchesNothing() {
    assertInstanceOf(MatchNoDocsQuery.class, builder.build("！？，。").query());
  }

  @Test
  void emptyQueryIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.concepts("  \t "));
    assertEquals("query is empty", e.getMessage());
  }

  private static String id(String term) {
    return "concepts:" + Glossary.builtIn().conceptIds(term)[0];
  }

  @Test
  void builtInGlossaryConceptsAreOneTermOfTheConceptField() {
    BilingualQueryBuilder builtIn = new BilingualQueryBuilder(Glossary.builtIn(), true);
    assertEquals(
        "concept(" + id("虚拟机") + ") concept(" + id("hypervisor") + ")",
        builtIn.build("虚拟机 HYPERVISORS").query().toString());
    // A quoted glossary term is one concept too; other quoted words are a phrase of words.
    assertEquals(
        "concept(" + id("虚拟机") + ")", builtIn.build("\"Virtual Machine\"").query().toString());
    String phrase = builtIn.build("\"machine virtual\"").query().toString();
    assertFalse(phrase.contains("concepts:") || phrase.contains(".g:"), phrase);
    assertTrue(phrase.contains("text.w:\"machine virtual\""), phrase);
    // So is a search without translation.
    String plain =
        new BilingualQueryBuilder(Glossary.builtIn(), false).build("虚拟机").query().toString();
    assertFalse(plain.contains("concepts:"), plain);
  }

  @Test
  void partsOfAMultiWordTermAreAClauseOfTheirOwnThatNeverCovers() {
    BilingualQueryBuilder builtIn = new BilingualQueryBuilder(Glossary.builtIn(), true);
    BuiltQuery query = builtIn.build("容器管理");
    assertEquals(
        "concept("
            + id("容器管理")
            + ") relevance(("
            + id("容器")
            + " "
            + id("管理")
            + ")^0.15, unless covered by "
            + id("容器管理")
            + ")",
        query.query().toString());
    List<Boolean> covers = new java.util.ArrayList<>();
    for (org.apache.lucene.search.BooleanClause clause :
        (org.apache.lucene.search.BooleanQuery) query.query()) {
      covers.add(((ConceptQuery) clause.getQuery()).covers());
    }
    assertEquals(List.of(true, false), covers);
  }
}
