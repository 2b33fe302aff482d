package io.github.bisearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.query.BilingualQueryBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.search.SyntaxError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code {!bisearch}}: the library's query, with an optional extra glossary. */
class BiSearchQParserPluginTest {
  private static final ModifiableSolrParams NONE = new ModifiableSolrParams();

  @Test
  void buildsTheLibraryQuery() throws SyntaxError {
    BiSearchQParserPlugin plugin = new BiSearchQParserPlugin();
    plugin.init(new NamedList<>());
    assertEquals(
        new BilingualQueryBuilder(Glossary.builtIn(), true).build("虚拟机 hypervisor").query(),
        plugin.createParser("虚拟机 hypervisor", NONE, NONE, null).parse());
  }

  @Test
  void addsTheGlossaryGivenAsInitArg(@TempDir Path dir) throws Exception {
    Path terms = dir.resolve("terms.tsv");
    Files.writeString(terms, "独角兽\tunicorn\n", StandardCharsets.UTF_8);
    NamedList<Object> args = new NamedList<>();
    args.add(BiSearchQParserPlugin.GLOSSARY, terms.toString());
    BiSearchQParserPlugin plugin = new BiSearchQParserPlugin();
    plugin.init(args);
    Glossary withTerms = Glossary.builtIn().with(Glossary.load(terms));
    assertEquals(
        new BilingualQueryBuilder(withTerms, true).build("独角兽").query(),
        plugin.createParser("独角兽", NONE, NONE, null).parse());
    assertNotEquals(
        new BilingualQueryBuilder(Glossary.builtIn(), true).build("独角兽").query(),
        plugin.createParser("独角兽", NONE, NONE, null).parse());
  }

  @Test
  void anEmptyQueryIsASyntaxError() {
    BiSearchQParserPlugin plugin = new BiSearchQParserPlugin();
    plugin.init(new NamedList<>());
    SyntaxError error =
        assertThrows(SyntaxError.class, () -> plugin.createParser(" ", NONE, NONE, null).parse());
    assertEquals("query is empty", error.getMessage());
  }
}
