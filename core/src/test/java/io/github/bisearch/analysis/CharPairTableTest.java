package io.github.bisearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CharPairTableTest {
  @Test
  void everyStoredPairIsFoundAndNoOther() {
    Random random = new Random(5);
    Map<Integer, Integer> stored = new HashMap<>();
    CharPairTable table = new CharPairTable(5_000);
    while (stored.size() < 5_000) {
      char first = (char) (0x4E00 + random.nextInt(200));
      char second = (char) (0x4E00 + random.nextInt(200));
      if (stored.putIfAbsent(first << 16 | second, stored.size()) == null) {
        table.put(first, second, stored.size() - 1);
      }
    }
    int absent = 0;
    for (char first = 0x4E00; first < 0x4E00 + 200; first++) {
      for (char second = 0x4E00; second < 0x4E00 + 200; second++) {
        Integer value = stored.get(first << 16 | second);
        assertEquals(value == null ? -1 : value, table.get(first, second));
        absent += value == null ? 1 : 0;
      }
    }
    assertEquals(200 * 200 - 5_000, absent);
    assertEquals(-1, table.get('a', 'b'));
  }

  @Test
  void aFirstCharacterOfZeroOrANegativeValueIsRefused() {
    CharPairTable table = new CharPairTable(1);
    assertThrows(IllegalArgumentException.class, () -> table.put('\u0000', '一', 1));
    assertThrows(IllegalArgumentException.class, () -> table.put('一', '一', -1));
    table.put('一', '\u0000', 0);
    assertEquals(0, table.get('一', '\u0000'));
    assertEquals(-1, table.get('一', '一'));
  }
}
