package io.github.bisearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The shortcuts give the JDK's answer for every code point. */
class ScriptsTest {
  @Test
  void everyCodePointHasTheJdksScript() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (Scripts.of(cp) != script) {
        assertEquals(script, Scripts.of(cp), "U+" + Integer.toHexString(cp));
      }
      if (cp <= Character.MAX_VALUE && Scripts.isCommonHan((char) cp)) {
        assertEquals(Character.UnicodeScript.HAN, script, "U+" + Integer.toHexString(cp));
      }
      if (Scripts.isHan(cp) != (script == Character.UnicodeScript.HAN)) {
        assertEquals(
            script == Character.UnicodeScript.HAN,
            Scripts.isHan(cp),
            "U+" + Integer.toHexString(cp));
      }
    }
  }
}
