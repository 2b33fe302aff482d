package io.github.bisearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bisearch.Language;
import io.github.bisearch.RandomText;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An entry's language is judged on its text, or on title and text when the text has fewer than 20
 * letters. Replay a failure with {@code -Dtests.seed=N}, N being the seed in its message.
 */
class EntryTest {
  private static Entry entry(String title, String text) {
    return new Entry(title, null, "", text, null, List.of(), "a.md", 1);
  }

  @Test
  void titleCountsOnlyForTextWithFewerThanTwentyLetters() {
    String english = "Container orchestration";
    // 19 letters: the English title weighs in; 20: the text alone decides.
    assertEquals(Language.MIXED, entry(english, "容".repeat(19)).language());
    assertEquals(Language.ZH, entry(english, "容".repeat(20)).language());
  }

  @Test
  void languageIsJudgedAsTheLetterCountSays() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    RandomText random = new RandomText(new Random(seed));
    for (int i = 0; i < 2_000; i++) {
      String title = random.shortText();
      String text = i % 2 == 0 ? random.shortText() : random.text();
      long letters = text.codePoints().filter(Character::isLetter).count();
      Language expected = Language.detect(letters >= 20 ? text : title + "\n" + text);
      assertEquals(
          expected,
          entry(title, text).language(),
          "seed="
              + seed
              + " title="
              + RandomText.describe(title)
              + " text="
              + RandomText.describe(text));
    }
  }
}
