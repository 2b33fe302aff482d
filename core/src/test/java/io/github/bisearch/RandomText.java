package io.github.bisearch;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random text for property tests: English words, Simplified and Traditional Chinese, full-width
 * forms, emoji with surrogate pairs and ZWJ sequences, combining marks, right-to-left scripts,
 * control characters, lone surrogates and query or markdown syntax, in short pieces mostly and now
 * and then a very long word or a long run of Han characters.
 *
 * <p>Every test that uses it takes its seed from {@code -Dtests.seed} when given, so that a failure
 * reported with {@code seed=N} replays exactly.
 */
public final class RandomText {
  private static final List<String> ENGLISH =
      words(
          "the a of and is docker container containers virtual machine hypervisor linux kernel"
              + " operating system cloud books running distributed virtualization Docker Kubernetes"
              + " OS VM it's don't e-mail real-time C++ node.js v1.2.3 U.S.A. foo_bar x86_64");

  private static final String SIMPLIFIED =
      "虚拟机监视器容器管理操作系统架构开源软件的了是在和有我们这个分布式网络数据库云计算镜像服务集群节点调度存储书籍文档资源项目介绍一二三人大中国学习开发";

  private static final String TRADITIONAL =
      "虛擬機監視器與開源軟體網絡資料庫雲計算鏡像服務集群節點調度儲存書籍文檔資源項目介紹國學習開發這個們說話電腦體驗";

  private static final List<String> CJK_PUNCTUATION =
      List.of("，", "。", "！", "？", "「", "」", "“", "”", "、", "；", "：", "（", "）", "《", "》", "…", "——");

  private static final List<String> SPACES =
      List.of(" ", "  ", "\u3000", "\u00A0", "\t", "\n", "\r\n", "\u2003", "\u2028", "\u202F");

  private static final List<String> EMOJI =
      List.of(
          "\u2603", // snowman, BMP
          "\u2764\uFE0F", // heart with variation selector
          "\uD83D\uDE00", // grinning face, supplementary plane
          "\uD83D\uDE80", // rocket
          "\uD83D\uDC4D\uD83C\uDFFD", // thumbs up, skin tone modifier
          "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", // family, ZWJ sequence
          "\uD83C\uDDE8\uD83C\uDDF3", // flag: regional indicators
          "\uD83E\uDD16", // robot
          "1\uFE0F\u20E3", // keycap
          "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08"); // rainbow flag

  private static final List<String> RTL =
      List.of(
          "שלום", "עברית", "مرحبا", "العربية", "\u200F", "\u202Eabc\u202C", "\u0627\u0644\u0652");

  private static final List<String> ODD =
      List.of(
          "\uFFFD", "\uFEFF", "\u200B", "\u200D", "\u00AD", "\uFFFF", "\uE000", "\u0000", "\u007F");

  private static final List<String> LONE_SURROGATES =
      List.of("\uD800", "\uDC00", "\uDBFF", "\uDFFF", "\uDC00\uD800", "a\uD83D", "\uDE00b");

  /** Query syntax (Lucene's and bisearch's) and markdown syntax, one piece apart from another. */
  private static final List<String> SYNTAX =
      words(
          "\" ( ) [ ] { } * ? : \\ / ~ ^ ! && || # > - + | < ``` ` _ = ' $ % @ & ; . , <!-- -->"
              + " <div> </div> [x](y) ]( *** --- \"unclosed “unclosed 「unclosed +\"a\u00A0b\" -x +-"
              + " -- ++ AND OR NOT");

  private static final List<String> KANA_HANGUL =
      List.of("ひらがな", "カタカナ", "ｶﾀｶﾅ", "ｶﾞｷﾞﾊﾟ", "한국어", "ｧｨｩ", "ー");

  private static final List<String> NUMBERS =
      List.of("0", "42", "3.14", "1,000", "２０２４年", "100%", "-7", "1e10", "①②", "Ⅻ", "٣");

  private final Random random;

  public RandomText(Random random) {
    this.random = random;
  }

  /** The generator's random source, for tests that make further choices. */
  public Random random() {
    return random;
  }

  /** Mostly a few pieces, now and then many; joined by nothing, spaces or punctuation. */
  public String text() {
    int pieces = random.nextInt(10) == 0 ? 10 + random.nextInt(50) : 1 + random.nextInt(8);
    return text(pieces);
  }

  /** {@code pieces} random pieces. */
  public String text(int pieces) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      if (i > 0) {
        out.append(separator());
      }
      out.append(piece());
    }
    return out.toString();
  }

  /** One to six pieces, none of them very long: text that is cheap to search for. */
  public String shortText() {
    StringBuilder out = new StringBuilder();
    for (int i = 1 + random.nextInt(6); i > 0; i--) {
      out.append(shortPiece()).append(i > 1 ? separator() : "");
    }
    return out.toString();
  }

  /** Random text on one line: line breaks become spaces. */
  public String line() {
    return oneLine(text());
  }

  /** One random piece of one of the kinds this generator knows. */
  public String piece() {
    return piece(100);
  }

  /** One random piece, never a very long word, a long Han run or a long repetition. */
  public String shortPiece() {
    return piece(97);
  }

  private String piece(int kinds) {
    int kind = random.nextInt(kinds);
    if (kind < 18) {
      return asciiWord(1 + random.nextInt(12));
    } else if (kind < 30) {
      return pick(ENGLISH);
    } else if (kind < 42) {
      return hanRun(SIMPLIFIED, 1 + random.nextInt(8));
    } else if (kind < 48) {
      return hanRun(TRADITIONAL, 1 + random.nextInt(6));
    } else if (kind < 52) {
      return unifiedIdeographs(1 + random.nextInt(6));
    } else if (kind < 57) {
      return pick(CJK_PUNCTUATION);
    } else if (kind < 61) {
      return fullWidth(1 + random.nextInt(8));
    } else if (kind < 64) {
      return pick(SPACES);
    } else if (kind < 68) {
      return pick(EMOJI);
    } else if (kind < 71) {
      return combining();
    } else if (kind < 73) {
      return pick(RTL);
    } else if (kind < 75) {
      return String.valueOf((char) random.nextInt(0x20));
    } else if (kind < 77) {
      return pick(LONE_SURROGATES);
    } else if (kind < 79) {
      return pick(ODD);
    } else if (kind < 88) {
      return pick(SYNTAX);
    } else if (kind < 90) {
      return pick(KANA_HANGUL);
    } else if (kind < 92) {
      return pick(NUMBERS);
    } else if (kind < 94) {
      return extensionIdeographs(1 + random.nextInt(4));
    } else if (kind < 97) {
      return anyCodePoints(1 + random.nextInt(4));
    } else if (kind < 98) {
      return longWord();
    } else if (kind < 99) {
      return hanRun(SIMPLIFIED + TRADITIONAL, 500 + random.nextInt(300));
    } else {
      return repeated();
    }
  }

  /** Lower- and upper-case ASCII letters. */
  public String asciiWord(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      char c = (char) ('a' + random.nextInt(26));
      out.append(random.nextInt(8) == 0 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  /** A Latin word of 300 to 600 letters. */
  public String longWord() {
    return asciiWord(300 + random.nextInt(300));
  }

  /** Common Han characters, Simplified and Traditional mixed. */
  public String han(int length) {
    return hanRun(SIMPLIFIED + TRADITIONAL, length);
  }

  /** A common English word, a Han word or a random Latin word: likely to be found in documents. */
  public String word() {
    return switch (random.nextInt(3)) {
      case 0 -> pick(ENGLISH);
      case 1 -> hanRun(SIMPLIFIED, 2 + random.nextInt(3));
      default -> asciiWord(3 + random.nextInt(6));
    };
  }

  private String separator() {
    int kind = random.nextInt(10);
    if (kind < 4) {
      return " ";
    } else if (kind < 7) {
      return "";
    } else if (kind < 9) {
      return pick(SPACES);
    } else {
      return pick(CJK_PUNCTUATION);
    }
  }

  private String hanRun(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private String unifiedIdeographs(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) (0x4E00 + random.nextInt(0x9FFF - 0x4E00 + 1)));
    }
    return out.toString();
  }

  /** CJK Extension B and later: Han characters outside the Basic Multilingual Plane. */
  private String extensionIdeographs(int length) {
    StringBuilder out = new StringBuilder(length * 2);
    for (int i = 0; i < length; i++) {
      out.appendCodePoint(0x20000 + random.nextInt(0x2A6DF - 0x20000 + 1));
    }
    return out.toString();
  }

  private String fullWidth(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) (0xFF01 + random.nextInt(0xFF5E - 0xFF01 + 1)));
    }
    return out.toString();
  }

  /** A base letter (Latin or Han) followed by one or more combining marks. */
  private String combining() {
    StringBuilder out = new StringBuilder();
    out.append(random.nextBoolean() ? "e" : random.nextBoolean() ? "虚" : "");
    int marks = 1 + random.nextInt(random.nextInt(10) == 0 ? 20 : 3);
    for (int i = 0; i < marks; i++) {
      out.append((char) (0x0300 + random.nextInt(0x70)));
    }
    if (random.nextBoolean()) {
      out.append("cafe\u0301 nai\u0308ve");
    }
    if (random.nextInt(4) == 0) {
      out.append("葛\uDB40\uDD01"); // Han with an ideographic variation selector
    }
    return out.toString();
  }

  /** Any code point of any plane, assigned or not, surrogates included. */
  private String anyCodePoints(int length) {
    StringBuilder out = new StringBuilder(length * 2);
    for (int i = 0; i < length; i++) {
      int cp =
          random.nextBoolean()
              ? random.nextInt(0x10000)
              : random.nextInt(Character.MAX_CODE_POINT + 1);
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /** One short piece repeated many times: "ab ab ab …", "。。。", "💩💩💩". */
  private String repeated() {
    String unit =
        switch (random.nextInt(4)) {
          case 0 -> asciiWord(2) + " ";
          case 1 -> pick(CJK_PUNCTUATION);
          case 2 -> pick(EMOJI);
          default -> pick(SYNTAX);
        };
    return unit.repeat(50 + random.nextInt(200));
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  /** The pieces of {@code spaced} between single spaces. */
  private static List<String> words(String spaced) {
    return List.of(spaced.split(" "));
  }

  /** {@code text} with its line breaks (as markdown sees them) replaced by spaces. */
  public static String oneLine(String text) {
    return text.replace('\r', ' ').replace('\n', ' ');
  }

  /**
   * {@code text} as a Java string literal, its middle cut out when it is long (the end is kept: it
   * is where a stream ends that offsets go wrong): what a failure message shows of an input.
   */
  public static String describe(String text) {
    int head = 240;
    int tail = 80;
    if (text.length() <= head + tail) {
      return literal(text);
    }
    return literal(text.substring(0, head))
        + " … "
        + literal(text.substring(text.length() - tail))
        + " ("
        + text.length()
        + " chars)";
  }

  private static String literal(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7F) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (invisible(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Characters a failure message shows escaped: a reader could not tell them apart otherwise. */
  private static boolean invisible(char c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK ->
          true;
      default -> c == '\uFFFD' || c == '\uFFFF';
    };
  }
}
