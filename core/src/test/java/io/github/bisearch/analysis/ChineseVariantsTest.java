package io.github.bisearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;

class ChineseVariantsTest {
  @Test
  void bundledTableAgreesWithIcuOnEverySingleCharacterMapping() {
    Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
    int mapped = 0;
    for (int cp = 0x2E80; cp <= 0x3FFFF; cp++) {
      if (Character.getType(cp) == Character.UNASSIGNED
          || Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
        continue;
      }
      String ch = new String(Character.toChars(cp));
      String expected = icu.transliterate(ch);
      if (expected.codePointCount(0, expected.length()) != 1) {
        continue;
      }
      assertEquals(expected, TextNormalizer.normalize(ch), "U+" + Integer.toHexString(cp));
      if (!expected.equals(ch)) {
        mapped++;
      }
    }
    assertEquals(mapped, ChineseVariants.tableSize());
    assertTrue(mapped > 2500, "table too small: " + mapped);
  }

  @Test
  void normalizerFoldsWidthScriptAndCase() {
    assertEquals("docker hub 虚拟化", TextNormalizer.normalize("ＤＯＣＫＥＲ　Ｈｕｂ 虛擬化"));
  }
}
