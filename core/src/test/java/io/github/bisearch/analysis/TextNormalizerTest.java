package io.github.bisearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  /** What the analysis chains' folding makes of {@code text}, lower-cased. */
  private static String folded(String text) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Reader reader = ChineseVariants.fold(new StringReader(text))) {
      for (int c = reader.read(); c != -1; c = reader.read()) {
        out.append((char) c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  @Test
  void asciiComesOutAsTheFoldingMakesIt() throws IOException {
    StringBuilder ascii = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      ascii.append(c);
    }
    assertEquals(folded(ascii.toString()), TextNormalizer.normalize(ascii.toString()));
  }

  @Test
  void everyCharacterComesOutAsTheFoldingMakesIt() throws IOException {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      String text = "a" + (char) c + "b";
      assertEquals(folded(text), TextNormalizer.normalize(text), "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void halfWidthKanaWithVoicedMarkComesOutAsTheFoldingMakesIt() throws IOException {
    String text = "\uFF76\uFF9E\uFF8A\uFF9F 虛擬機";
    assertEquals(folded(text), TextNormalizer.normalize(text));
  }

  @Test
  void lettersWhoseLowerCaseDependsOnTheirNeighboursComeOutAsTheJdkMakesThem() throws IOException {
    // A final capital sigma lowers to ς, any other to σ; a capital I with a dot lowers to two
    // chars.
    for (String text : new String[] {"ΟΔΟΣ", "ΟΔΟΣ ΑΒ", "Σ", "İSTANBUL", "虛擬機 ΟΔΟΣ"}) {
      assertEquals(folded(text), TextNormalizer.normalize(text), text);
    }
    assertEquals("\u03BF\u03B4\u03BF\u03C2", TextNormalizer.normalize("ΟΔΟΣ"));
    assertEquals("i\u0307stanbul", TextNormalizer.normalize("İSTANBUL"));
  }

  @Test
  void asciiIsLowerCased() {
    assertEquals("container orchestration", TextNormalizer.normalize("Container ORCHESTRATION"));
  }

  @Test
  void mixedTextIsFolded() {
    assertEquals("kvm 虚拟机", TextNormalizer.normalize("ＫＶＭ 虛擬機"));
  }

  @Test
  void randomMixedTextComesOutAsTheFoldingMakesIt() throws IOException {
    java.util.Random random = new java.util.Random(20261204L);
    String pool = "aZ9 ，。、ＡＢＣ１２３虛擬機虚拟机臺灣ｶﾞﾊﾟｱ😀\uD800\uDC00-_／";
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(pool.charAt(random.nextInt(pool.length())));
      }
      assertEquals(
          folded(text.toString()), TextNormalizer.normalize(text.toString()), text.toString());
    }
  }
}
