package io.github.bisearch.analysis;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.CharType;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.Utility;
import org.apache.lucene.analysis.cn.smart.WordType;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;
import org.apache.lucene.analysis.cn.smart.hhmm.SegTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.util.CharArrayIterator;
import org.apache.lucene.util.ArrayUtil;

/**
 * Emits exactly the tokens of smartcn's {@link HMMChineseTokenizer}, but runs smartcn's word
 * segmenter only on the sentences that have a Han character for it to segment.
 *
 * <p>How smartcn tokenizes: it reads 1,024 characters at a time and, while more text follows, ends
 * such a window after its last line break (or cuts it at 1,024 characters when there is none); it
 * splits each window into sentences with the JDK's sentence {@link BreakIterator} and hands every
 * sentence to {@link HHMMSegmenter}. The segmenter builds a graph of candidate words and picks the
 * most likely path through it with dictionary and bigram weights. Only the characters it calls
 * Hanzi, U+4E00 to U+9FA5, ever get more than one candidate; in a sentence without them the graph
 * is a single chain and the path is fixed: each run of ASCII or full-width letters is a token, as
 * is each run of digits (both folded to half-width and lowercased), each punctuation character
 * becomes the term {@code ","}, every other character (a surrogate pair counting as one) is a token
 * of its own, and space, tab, CR, LF and U+3000 only separate tokens. Everything is typed {@code
 * word}.
 *
 * <p>This tokenizer reads the whole input and cuts the same windows. A window without Hanzi is
 * tokenized directly by those rules, without splitting it into sentences: the split could only
 * change a token by cutting a run of letters or digits or a surrogate pair, and the JDK breaks
 * sentences after terminators, separators and spaces, not there ({@code WordsTokenizerTest} checks
 * this on random text, so a JDK that did otherwise would be noticed). A window with Hanzi is split
 * into sentences as smartcn splits it; its sentences with Hanzi go to the segmenter, the others are
 * tokenized directly. {@code WordsTokenizerTest} checks the result against {@link
 * HMMChineseTokenizer} itself.
 *
 * <p>The segmenter is {@link HhmmSegmenter}: smartcn's method and dictionaries, the same words,
 * about 4.5 times as fast on the shared corpora.
 */
public final class WordsTokenizer extends Tokenizer {
  /** smartcn's window: {@code SegmentingTokenizerBase.BUFFERMAX}. */
  private static final int WINDOW = 1024;

  /** Text buffers longer than this are not kept for the next input. */
  private static final int KEEP_AT_MOST = 64 * 1024;

  private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(Locale.ROOT);

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

  private final HhmmSegmenter segmenter = new HhmmSegmenter();
  private final SegTokenFilter segTokenFilter = new SegTokenFilter();
  private final BreakIterator sentences = (BreakIterator) SENTENCES.clone();
  private final CharArrayIterator sentenceText = CharArrayIterator.newSentenceInstance();

  /** The whole input, read on the first call to {@link #incrementToken()}. */
  private char[] text = new char[WINDOW];

  private int length;
  private boolean read;

  /** The current window: {@code [windowStart, windowEnd)}. */
  private int windowStart;

  private int windowEnd;

  /** Whether {@link #sentences} walks the current window. */
  private boolean splittingWindow;

  /** The text being tokenized directly: {@code [position, stretchEnd)}. */
  private int position;

  private int stretchEnd;

  /** The segmenter's words not yet emitted, of the sentence at {@code sentenceStart}. */
  private Iterator<SegToken> words;

  private int sentenceStart;

  @Override
  public boolean incrementToken() throws IOException {
    if (!read) {
      readInput();
      read = true;
    }
    while (true) {
      if (words != null && words.hasNext()) {
        emitWord(words.next());
        return true;
      }
      if (position < stretchEnd && nextDirectToken()) {
        return true;
      }
      if (!nextStretch()) {
        return false;
      }
    }
  }

  private void readInput() throws IOException {
    length = 0;
    for (int n = input.read(text, 0, text.length); n != -1; ) {
      length += n;
      if (length == text.length) {
        text = ArrayUtil.grow(text, length + 1);
      }
      n = input.read(text, length, text.length - length);
    }
  }

  /**
   * Moves on to the next sentence of the window, or to the next window; false at the end of the
   * text.
   */
  private boolean nextStretch() {
    words = null;
    if (splittingWindow) {
      int start = sentences.current();
      int end = sentences.next();
      if (end != BreakIterator.DONE) {
        startSentence(windowStart + start, windowStart + end);
        return true;
      }
      splittingWindow = false;
    }
    if (windowEnd == length) {
      return false;
    }
    nextWindow();
    if (hasHanzi(windowStart, windowEnd)) {
      sentenceText.setText(text, windowStart, windowEnd - windowStart);
      sentences.setText(sentenceText);
      splittingWindow = true;
    } else {
      position = windowStart;
      stretchEnd = windowEnd;
    }
    return true;
  }

  /** Cuts the window after the current one where smartcn's {@code SegmentingTokenizerBase} does. */
  private void nextWindow() {
    windowStart = windowEnd;
    if (length - windowStart < WINDOW) {
      windowEnd = length;
      return;
    }
    windowEnd = windowStart + WINDOW;
    for (int i = windowEnd - 1; i >= windowStart; i--) {
      if (isLineEnd(text[i])) {
        windowEnd = i + 1;
        return;
      }
    }
  }

  /** The characters that smartcn ends a window after, when it can. */
  private static boolean isLineEnd(char c) {
    return c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private boolean hasHanzi(int start, int end) {
    for (int i = start; i < end; i++) {
      if (Utility.getCharType(text[i]) == CharType.HANZI) {
        return true;
      }
    }
    return false;
  }

  private void startSentence(int start, int end) {
    if (hasHanzi(start, end)) {
      List<SegToken> path = segmenter.process(text, start, end);
      // The path begins and ends with markers for the sentence's start and end.
      words = path.size() > 2 ? path.subList(1, path.size() - 1).iterator() : null;
      sentenceStart = start;
    } else {
      position = start;
      stretchEnd = end;
    }
  }

  /** One word of the segmenter, finished as smartcn's {@code WordSegmenter} finishes it. */
  private void emitWord(SegToken word) {
    int start = sentenceStart + word.startOffset;
    int end = sentenceStart + word.endOffset;
    switch (word.wordType) {
      case WordType.STRING, WordType.NUMBER, WordType.FULLWIDTH_STRING, WordType.FULLWIDTH_NUMBER ->
          // The segmenter knows these only by a placeholder: the term is the text.
          word.charArray = Arrays.copyOfRange(text, start, end);
      default -> {}
    }
    word = segTokenFilter.filter(word);
    emit(word.charArray, 0, word.charArray.length, start, end);
  }

  /**
   * Emits the next token of {@code [position, stretchEnd)}, a stretch without Hanzi; false when
   * only separators are left.
   */
  private boolean nextDirectToken() {
    while (position < stretchEnd) {
      int start = position;
      char c = text[start];
      switch (Utility.getCharType(c)) {
        case CharType.SPACE_LIKE -> position++;
        case CharType.LETTER, CharType.FULLWIDTH_LETTER -> {
          position = endOfRun(start, CharType.LETTER, CharType.FULLWIDTH_LETTER);
          emitRun(start, position);
          return true;
        }
        case CharType.DIGIT, CharType.FULLWIDTH_DIGIT -> {
          position = endOfRun(start, CharType.DIGIT, CharType.FULLWIDTH_DIGIT);
          emitRun(start, position);
          return true;
        }
        case CharType.DELIMITER -> {
          position++;
          emit(Utility.COMMON_DELIMITER, 0, 1, start, position);
          return true;
        }
        case CharType.SURROGATE -> {
          boolean pair =
              Character.isHighSurrogate(c)
                  && start + 1 < stretchEnd
                  && Character.isLowSurrogate(text[start + 1]);
          position += pair ? 2 : 1;
          emit(text, start, position - start, start, position);
          return true;
        }
        case CharType.HANZI ->
            throw new IllegalStateException("Hanzi in a stretch meant to have none at " + start);
        default -> {
          position++;
          emit(text, start, 1, start, position);
          return true;
        }
      }
    }
    return false;
  }

  private int endOfRun(int start, int type, int fullWidthType) {
    int end = start + 1;
    while (end < stretchEnd) {
      int next = Utility.getCharType(text[end]);
      if (next != type && next != fullWidthType) {
        break;
      }
      end++;
    }
    return end;
  }

  /** A run of letters or digits, folded the way smartcn's {@link SegTokenFilter} folds it. */
  private void emitRun(int start, int end) {
    emit(text, start, end - start, start, end);
    char[] term = termAtt.buffer();
    for (int i = 0; i < end - start; i++) {
      char c = term[i];
      if (c >= '\uFF10') {
        c -= 0xFEE0; // full-width to half-width
      }
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      term[i] = c;
    }
  }

  private void emit(char[] chars, int from, int count, int start, int end) {
    clearAttributes();
    termAtt.copyBuffer(chars, from, count);
    offsetAtt.setOffset(correctOffset(start), correctOffset(end));
    typeAtt.setType("word");
  }

  @Override
  public void end() throws IOException {
    super.end();
    int finalOffset = correctOffset(length);
    offsetAtt.setOffset(finalOffset, finalOffset);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    read = false;
    length = 0;
    windowStart = 0;
    windowEnd = 0;
    splittingWindow = false;
    position = 0;
    stretchEnd = 0;
    words = null;
  }

  @Override
  public void close() throws IOException {
    super.close();
    words = null;
    if (text.length > KEEP_AT_MOST) {
      text = new char[WINDOW];
    }
  }
}
