import dev.govern.core.deploy.ProcessTable;

/**
 * The process table read inside one JVM (no start-up): {@code java -cp cli/target/govern.jar
 * bench/PsTiming.java [rounds]}; prints the first (cold) read and the median of the rest.
 */
public class PsTiming {
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    long[] ms = new long[rounds];
    ProcessTable.Snapshot s = null;
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      s = ProcessTable.system().read();
      ms[i] = (System.nanoTime() - t) / 1000;
    }
    long first = ms[0];
    java.util.Arrays.sort(ms, 1, rounds);
    System.out.printf(
        "   in one JVM: first read %.1f ms, then median %.1f ms (%d processes, %d Go)%n",
        first / 1000.0, ms[1 + (rounds - 1) / 2] / 1000.0, s.seen(), s.processes().size());
  }
}
