package io.github.bisearch.solr;

import io.github.bisearch.query.BilingualQueryBuilder;
import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.SyntaxError;

/**
 * Parses one query with {@link BilingualQueryBuilder}. Nothing in a query is a syntax error except
 * an empty one: stray quotes, brackets and operators are text, as in the embedded engine.
 */
final class BiSearchQParser extends QParser {
  private final BilingualQueryBuilder queries;

  BiSearchQParser(
      String qstr,
      SolrParams localParams,
      SolrParams params,
      SolrQueryRequest req,
      BilingualQueryBuilder queries) {
    super(qstr, localParams, params, req);
    this.queries = queries;
  }

  @Override
  public Query parse() throws SyntaxError {
    try {
      return queries.build(qstr).query();
    } catch (IllegalArgumentException e) {
      throw new SyntaxError(e.getMessage(), e);
    }
  }
}
