package io.github.bisearch.analysis;

/**
 * Non-negative ints by a pair of characters, for hot lookups: open addressing, linear probing, at
 * most a quarter full, a pair's key and its value side by side in one array, so that a lookup
 * mostly reads one cache line. Made for pairs of Han characters; the first character of a pair is
 * never U+0000, which marks an empty slot.
 *
 * <p>Not thread-safe while filled; safe to share once filled and published.
 */
public final class CharPairTable {
  /** Key (first character above, second below) and value in turn, by slot. */
  private final int[] slots;

  private final int mask;

  /** A table for at most {@code pairs} pairs. */
  public CharPairTable(int pairs) {
    int capacity = Integer.highestOneBit(Math.max(4, pairs)) << 2;
    slots = new int[2 * capacity];
    mask = capacity - 1;
  }

  /**
   * Stores {@code value} for the pair, which must not be stored already.
   *
   * @throws IllegalArgumentException if {@code first} is U+0000 or {@code value} is negative
   */
  public void put(char first, char second, int value) {
    if (first == 0 || value < 0) {
      throw new IllegalArgumentException("pair (0, ...) or negative value: " + value);
    }
    int key = key(first, second);
    int at = slot(key);
    while (slots[2 * at] != 0) {
      at = (at + 1) & mask;
    }
    slots[2 * at] = key;
    slots[2 * at + 1] = value;
  }

  /** The value stored for the pair, or -1. */
  public int get(char first, char second) {
    int key = key(first, second);
    for (int at = slot(key); ; at = (at + 1) & mask) {
      int found = slots[2 * at];
      if (found == key) {
        return slots[2 * at + 1];
      }
      if (found == 0) {
        return -1;
      }
    }
  }

  private static int key(char first, char second) {
    return first << 16 | second;
  }

  private int slot(int key) {
    int mixed = key * 0x9E3779B1;
    return (mixed ^ (mixed >>> 15)) & mask;
  }
}
