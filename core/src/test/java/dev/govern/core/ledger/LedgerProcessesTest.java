package dev.govern.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several JVMs appending to one ledger, and writers killed in the middle of a line. */
@Tag("slow")
class LedgerProcessesTest {
  @TempDir Path dir;

  private final LedgerVerifier verifier =
      new LedgerVerifier(TrustedKeys.none(), LedgerPolicy.DEFAULT);

  private static ProcessBuilder worker(Path ledger, int count, String operator, String mode) {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
        java,
        "-XX:TieredStopAtLevel=1",
        "-Xshare:auto",
        "-cp",
        cp,
        AppendWorker.class.getName(),
        ledger.toString(),
        Integer.toString(count),
        operator,
        mode);
  }

  @Test
  void eightProcessesAppendingAtOnceLeaveOneValidChainWithoutInterleavedBytes() throws Exception {
    Path ledger = dir.resolve("ledger.jsonl");
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ps.add(
          worker(ledger, 200, "op" + i, "fast")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(dir.resolve("err" + i + ".txt").toFile())
              .start());
    }
    // readers take a shared lock: while the writers run, verify never sees a half-written line
    Ledger reader = new Ledger(ledger);
    int reads = 0;
    while (ps.stream().anyMatch(Process::isAlive) && reads < 200) {
      Verification during = verifier.verify(reader);
      assertThat(during.problem()).as("verify during appends, read %d", reads).isNull();
      reads++;
    }
    for (int i = 0; i < 8; i++) {
      assertThat(ps.get(i).waitFor(300, TimeUnit.SECONDS)).isTrue();
      assertThat(ps.get(i).exitValue())
          .as(Files.readString(dir.resolve("err" + i + ".txt")))
          .isZero();
    }
    Verification v = verifier.verify(new Ledger(ledger));
    assertThat(v.problem()).isNull();
    assertThat(v.entries()).isEqualTo(1600);
    List<String> lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(1600);
    Map<String, Integer> perOperator = new HashMap<>();
    Map<String, Integer> lastIndex = new HashMap<>();
    for (String line : lines) {
      LedgerEntry e = LedgerEntry.fromMap(CanonicalJson.parseObject(line));
      perOperator.merge(e.operator(), 1, Integer::sum);
      int idx = Integer.parseInt(e.reason().substring(e.reason().lastIndexOf(' ') + 1));
      // each process's own entries stay in its order
      assertThat(idx).isEqualTo(lastIndex.getOrDefault(e.operator(), -1) + 1);
      lastIndex.put(e.operator(), idx);
    }
    assertThat(perOperator).hasSize(8).allSatisfy((op, n) -> assertThat(n).isEqualTo(200));
  }

  @Test
  void writerKilledMidAppendLeavesATornTailThatRepairFixesWithoutLosingEntries() throws Exception {
    Path file = dir.resolve("ledger.jsonl");
    Ledger ledger = new Ledger(file);
    long seed = Long.getLong("kill.seed", System.nanoTime());
    Random r = new Random(seed);
    Map<Long, String> acked = new LinkedHashMap<>();
    int torn = 0;
    for (int trial = 0; trial < 6; trial++) {
      Process p =
          worker(file, 50, "killed" + trial, "stepwise")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      int acksBeforeKill = r.nextInt(3);
      int killAtByte = 1 + r.nextInt(400);
      int acks = 0;
      boolean midLine = false;
      try (BufferedReader out =
              new BufferedReader(
                  new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
          OutputStream in = p.getOutputStream()) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          String[] f = line.split(" ");
          if (f[0].equals("ack")) {
            acked.put(Long.parseLong(f[1]), f[2]);
            acks++;
            continue;
          }
          int written = Integer.parseInt(f[2]);
          int total = Integer.parseInt(f[3]);
          if (acks >= acksBeforeKill && (written >= killAtByte || written == total)) {
            midLine = written < total;
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            break;
          }
          in.write('\n');
          in.flush();
        }
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      Verification v = verifier.verify(ledger);
      long lastAcked = acked.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
      if (midLine) {
        torn++;
        assertThat(v.problem()).as("seed %d trial %d", seed, trial).isNotNull();
        assertThat(v.problem().kind()).isEqualTo(Tamper.TORN_TAIL);
        assertThat(v.problem().seq()).isEqualTo(v.entries() + 1);
        Ledger.Repair repair =
            ledger.repair("repairer", null, java.time.Instant.now()).orElseThrow();
        assertThat(Files.size(repair.quarantine())).isPositive();
        assertThat(repair.entry().reason()).contains(repair.quarantine().getFileName().toString());
      } else {
        assertThat(ledger.repair("repairer", null, java.time.Instant.now())).isEmpty();
      }
      Verification after = verifier.verify(ledger);
      assertThat(after.problem()).as("seed %d trial %d", seed, trial).isNull();
      assertThat(after.entries()).isGreaterThanOrEqualTo(lastAcked);
      Map<Long, String> onDisk = new HashMap<>();
      for (LedgerEntry e : ledger.read().entries()) {
        onDisk.put(e.seq(), e.hash());
      }
      assertThat(onDisk).containsAllEntriesOf(acked);
    }
    assertThat(torn).as("seed %d: trials that tore a line", seed).isPositive();
  }
}
