package io.github.bisearch.ingest;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser, except that a pattern's match is read from the matcher itself.
 *
 * <p>flexmark's {@code match} asks the matcher for a {@link java.util.regex.MatchResult} only to
 * read its start and end; on Java 17 that copies the paragraph being parsed, character by
 * character, into a new string at every match, which was a fifth of the time parsing took (a
 * paragraph of links matches at every link). The start, end and position after the match are the
 * same.
 */
final class MatchingInlineParser extends InlineParserImpl {
  MatchingInlineParser(
      DataHolder options,
      BitSet specialCharacters,
      BitSet delimiterCharacters,
      Map<Character, DelimiterProcessor> delimiterProcessors,
      LinkRefProcessorData linkRefProcessorsData,
      List<InlineParserExtensionFactory> inlineParserExtensions) {
    super(
        options,
        specialCharacters,
        delimiterCharacters,
        delimiterProcessors,
        linkRefProcessorsData,
        inlineParserExtensions);
  }

  @Override
  public BasedSequence match(Pattern re) {
    if (index >= input.length()) {
      return null;
    }
    Matcher matcher = re.matcher(input);
    matcher.region(index, input.length());
    if (!matcher.find()) {
      return null;
    }
    index = matcher.end();
    return input.subSequence(matcher.start(), matcher.end());
  }
}
