package io.github.bisearch.solr;

import io.github.bisearch.glossary.Glossary;
import io.github.bisearch.query.BilingualQueryBuilder;
import java.nio.file.Path;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;

/**
 * The {@code {!bisearch}} query parser: turns a user's query into the same Lucene query as the
 * embedded bisearch engine builds, concept by concept with glossary translations, over the fields
 * of the bisearch configset.
 *
 * <pre>{@code
 * <queryParser name="bisearch" class="io.github.bisearch.solr.BiSearchQParserPlugin">
 *   <str name="glossary">/etc/solr/my-terms.tsv</str>   <!-- optional, added to the built-in one -->
 * </queryParser>
 * }</pre>
 */
public final class BiSearchQParserPlugin extends QParserPlugin {
  /** The init arg naming an extra glossary file, in bisearch's glossary format. */
  public static final String GLOSSARY = "glossary";

  /** Built once per core at init: loading the glossary takes a moment, a query must not. */
  private BilingualQueryBuilder queries;

  @Override
  public void init(NamedList<?> args) {
    Glossary glossary = Glossary.builtIn();
    Object extra = args == null ? null : args.get(GLOSSARY);
    if (extra != null) {
      glossary = glossary.with(Glossary.load(Path.of(extra.toString())));
    }
    queries = new BilingualQueryBuilder(glossary, true);
  }

  @Override
  public QParser createParser(
      String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    if (queries == null) {
      init(null); // created without solrconfig, as in a test
    }
    return new BiSearchQParser(qstr, localParams, params, req, queries);
  }
}
