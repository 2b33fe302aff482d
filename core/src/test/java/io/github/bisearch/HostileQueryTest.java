package io.github.bisearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.glossary.Glossary;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Queries that break naive engines: each gives a result or a clear IllegalArgumentException. */
class HostileQueryTest {
  private static BiSearch seed;

  @BeforeAll
  static void index() {
    seed = BiSearch.inMemory();
    seed.add(Path.of("..", "corpus"));
  }

  @AfterAll
  static void close() {
    seed.close();
  }

  static List<String> syntax() {
    List<String> queries = new ArrayList<>();
    String[] specials = {
      "\"", "(", ")", "[", "]", "{", "}", "*", "?", ":", "\\", "/", "~", "^", "!", "&&", "||", "+",
      "-", "AND", "OR", "NOT", "#", ">", "|", "`", "<em>"
    };
    for (String special : specials) {
      queries.add(special);
      queries.add(special + "docker" + special);
      queries.add("虚拟机" + special + "hypervisor");
    }
    queries.add(String.join("", specials));
    queries.add(String.join(" ", specials));
    queries.add("\"unbalanced quote 虚拟机");
    queries.add("docker\" \"\"\" \"");
    queries.add("title:docker AND (xen OR kvm)^2 -\"virtual machine\"~3 *ker?");
    queries.add("+ - + -");
    return queries;
  }

  @ParameterizedTest
  @MethodSource("syntax")
  void luceneAndMarkdownSyntaxIsJustText(String query) {
    SearchResult result = seed.search(query, 10);
    assertTrue(result.total() >= result.hits().size());
  }

  @Test
  void syntaxAroundWordsDoesNotChangeWhatIsFound() {
    assertEquals(titles("虚拟机 hypervisor"), titles("(虚拟机) AND [hypervisor] || \\ / ~!"));
  }

  @Test
  void onlyStopwordsPunctuationEmojiOrControlCharactersFindNothingWithoutFailing() {
    for (String query :
        List.of(
            "the of and",
            "，。！？、；：",
            "🐳 👍🏽 👨‍👩‍👧",
            "\u0000\u0001\u001b[31m",
            "\uD800",
            "\uDC00\uD800")) {
      SearchResult result = seed.search(query, 10);
      assertEquals(0, result.total(), query);
    }
  }

  @Test
  void onlyWhitespaceOfAnyKindIsAnEmptyQuery() {
    for (String query : List.of("", " ", "\t\n", "\u3000", "\u00a0\u2003")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> seed.search(query, 10));
      assertEquals("query is empty", e.getMessage());
    }
  }

  @Test
  void hundredThousandCharacterQueryIsSearchedByItsFirstConcepts() {
    String query = ("虚拟机 hypervisor 容器 docker ").repeat(4_000).substring(0, 100_000);
    // Repeating words adds nothing: the same hits as the four words once.
    assertEquals(titles("虚拟机 hypervisor 容器 docker"), titles(query));
  }

  @Test
  void translationsBeyondTheClauseLimitAreCapped() throws IOException {
    String many =
        IntStream.range(0, 3_000).mapToObj(i -> "term" + i).collect(Collectors.joining("|"));
    Glossary glossary =
        Glossary.parse("huge.tsv", new StringReader("虚拟机\tvirtual machine|" + many + "\n"));
    try (BiSearch search = BiSearch.builder().glossary(glossary).build()) {
      search.add(Path.of("..", "corpus"));
      assertTrue(search.search("虚拟机", 10).total() > 0);
      String allConcepts =
          IntStream.range(0, 2_000).mapToObj(i -> "虚拟机 w" + i).collect(Collectors.joining(" "));
      assertTrue(search.search(allConcepts, 10).total() > 0);
    }
  }

  private static List<String> titles(String query) {
    return seed.search(query, 10).hits().stream().map(Hit::title).toList();
  }

  @Test
  void manyMisspelledWordsStayWithinTheClauseLimit() {
    String query =
        IntStream.range(0, 64)
            .mapToObj(i -> "kubernetx" + (char) ('a' + i % 26) + "qz")
            .collect(Collectors.joining(" "));
    seed.search(query, 10);
    seed.search("kubernets virtualisation containr dockr hypervisr microservics", 10);
  }
}
