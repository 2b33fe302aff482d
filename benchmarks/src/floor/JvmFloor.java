/**
 * The cold-start benchmark's floor: a program that does nothing, started with the same JVM flags as
 * search-cli, so that the JVM's own start-up can be told apart from the program's.
 */
public final class JvmFloor {
  private JvmFloor() {}

  public static void main(String[] args) {}
}
