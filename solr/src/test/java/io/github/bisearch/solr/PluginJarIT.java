package io.github.bisearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The jar that goes into Solr's lib folder holds what Solr lacks, and nothing Solr has. */
class PluginJarIT {
  @Test
  void holdsThePluginCoreAndSmartcnOnly() throws IOException {
    try (JarFile jar = new JarFile(System.getProperty("plugin.jar"))) {
      List<String> classes =
          jar.stream()
              .map(entry -> entry.getName())
              .filter(name -> name.endsWith(".class"))
              .toList();
      List<String> wanted =
          List.of(
              "io/github/bisearch/solr/BiSearchQParserPlugin.class",
              "io/github/bisearch/analysis/WordsAnalyzer.class",
              "io/github/bisearch/analysis/BigramAnalyzer.class",
              "io/github/bisearch/query/BilingualQueryBuilder.class",
              "org/apache/lucene/analysis/cn/smart/HMMChineseTokenizer.class");
      assertEquals(wanted, wanted.stream().filter(classes::contains).toList());
      assertEquals(
          List.of(),
          classes.stream()
              .filter(
                  name ->
                      !name.startsWith("io/github/bisearch/")
                          && !name.startsWith("org/apache/lucene/analysis/cn/"))
              .toList());
      assertEquals(
          "io/github/bisearch/glossary/glossary.tsv",
          jar.getEntry("io/github/bisearch/glossary/glossary.tsv").getName());
    }
  }
}
