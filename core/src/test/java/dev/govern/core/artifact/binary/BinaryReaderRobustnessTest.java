package dev.govern.core.artifact.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.testing.TestBinary;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzing the readers: random bytes, random bytes behind every container magic, real binaries
 * (built at test time, {@link Fixtures#representative()}) cut short, and single-byte mutations of
 * them (mostly in its headers, build info and table header). Each case must end with a result or a
 * {@link NotAGoBinaryException}, within seconds, without allocating more than a small multiple of
 * the input.
 */
class BinaryReaderRobustnessTest {
  private static final AtomicLong CASES = new AtomicLong();
  private static final ExecutorService RUNNER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
          });
  private static Map<String, byte[]> corpus;
  private static Map<String, long[]> hotSpots;

  private static synchronized Map<String, byte[]> corpus() {
    if (corpus == null) {
      Map<String, byte[]> c = new LinkedHashMap<>();
      Map<String, long[]> hot = new LinkedHashMap<>();
      for (TestBinary t : Fixtures.representative()) {
        c.put(t.toString(), t.bytes());
      }
      for (Map.Entry<String, byte[]> e : c.entrySet()) {
        try (GoBinary b = GoBinary.of(new ArrayByteSource(e.getKey(), e.getValue()))) {
          List<Long> spots = new ArrayList<>();
          spots.add(b.buildInfoLocation()[1]);
          b.container().pclntabRegion().ifPresent(r -> spots.add(r.offset()));
          hot.put(e.getKey(), spots.stream().mapToLong(Long::longValue).toArray());
        }
      }
      corpus = c;
      hotSpots = hot;
    }
    return corpus;
  }

  @Provide
  Arbitrary<String> fixtureNames() {
    return Arbitraries.of(new ArrayList<>(corpus().keySet()));
  }

  @Provide
  Arbitrary<byte[]> magics() {
    return Arbitraries.of(
        new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1},
        new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 1},
        new byte[] {0x7f, 'E', 'L', 'F', 2, 2, 1},
        new byte[] {'M', 'Z'},
        new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe},
        new byte[] {(byte) 0xce, (byte) 0xfa, (byte) 0xed, (byte) 0xfe},
        new byte[] {(byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xce},
        new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 1},
        new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbf, 0, 0, 0, 2},
        new byte[] {0x01, (byte) 0xdf},
        new byte[] {0x01, (byte) 0xf7},
        new byte[] {0, 0, 0x01, (byte) 0xeb},
        new byte[] {0, 0, (byte) 0x8a, (byte) 0x97});
  }

  @Property(tries = 3000)
  void randomBytesGiveAResultOrTheReadersOwnException(@ForAll @Size(max = 4096) byte[] bytes) {
    exercise(new ArrayByteSource("random", bytes));
  }

  @Property(tries = 3000)
  void randomBytesBehindEveryContainerMagic(
      @ForAll("magics") byte[] magic, @ForAll @Size(min = 16, max = 4096) byte[] rest) {
    byte[] b = rest.clone();
    System.arraycopy(magic, 0, b, 0, Math.min(magic.length, b.length));
    exercise(new ArrayByteSource("magic", b));
  }

  @Property(tries = 2000)
  void everyFixtureCutShort(
      @ForAll("fixtureNames") String name, @ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
    byte[] b = corpus().get(name);
    // half of the cuts fall in the first 64 KiB, the rest anywhere
    long len =
        cut % 2 == 0 ? (cut / 2) % Math.min(b.length, 65_536) : (long) cut * b.length / 1_000_001;
    exercise(new ArrayByteSource(name, b).slice(0, len));
  }

  @Property(tries = 6000)
  void singleByteMutationsOfEveryFixture(
      @ForAll("fixtureNames") String name,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where,
      @ForAll @IntRange(min = 0, max = 5) int region,
      @ForAll byte value) {
    byte[] b = corpus().get(name);
    long[] hot = hotSpots.get(name);
    long pos =
        switch (region) {
          case 0 -> where % Math.min(b.length, 8192); // file and program headers, notes
          case 1 -> b.length - 1 - where % Math.min(b.length, 8192); // ELF section headers
          case 2 -> hot[0] + where % 512; // build-info blob
          case 3 -> hot[hot.length - 1] + where % 256; // function-table header
          default -> where % b.length; // anywhere
        };
    pos = Math.floorMod(pos, b.length);
    exercise(new MutatedSource(new ArrayByteSource(name, b), pos, value));
  }

  @AfterContainer
  static void reportCount() {
    System.out.println("binary reader robustness: " + CASES.get() + " cases run");
  }

  /** Runs every reader entry point on its own thread with a deadline and an allocation bound. */
  private static void exercise(ByteSource src) {
    CASES.incrementAndGet();
    Future<Long> f =
        RUNNER.submit(
            () -> {
              com.sun.management.ThreadMXBean mx =
                  (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
              long tid = Thread.currentThread().getId();
              long before = mx.getThreadAllocatedBytes(tid);
              try (GoBinary b = GoBinary.of(src)) {
                touch(() -> b.buildInfo().goVersionM(src.name()));
                touch(b::buildId);
                touch(b::functionNames);
                touch(b::nameTable);
                touch(() -> b.linkage("net/http.(*Client).Do"));
              } catch (NotAGoBinaryException expected) {
                assertThat(expected.getMessage())
                    .startsWith(src.name() + ": ")
                    .doesNotContain("\n");
              }
              return mx.getThreadAllocatedBytes(tid) - before;
            });
    long allocated;
    try {
      allocated = f.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("reader threw " + e.getCause(), e.getCause());
    } catch (Exception e) {
      f.cancel(true);
      throw new AssertionError("reader did not finish on " + src.name(), e);
    }
    assertThat(allocated).isLessThan(16 * src.size() + (64L << 20));
  }

  private static void touch(Runnable r) {
    try {
      r.run();
    } catch (NotAGoBinaryException expected) {
      assertThat(expected.getMessage()).doesNotContain("\n");
    }
  }

  /** A source with one byte changed; reads that cover it get a patched copy. */
  private static final class MutatedSource implements ByteSource {
    private final ByteSource base;
    private final long pos;
    private final byte value;

    MutatedSource(ByteSource base, long pos, byte value) {
      this.base = base;
      this.pos = pos;
      this.value = value;
    }

    @Override
    public String name() {
      return base.name();
    }

    @Override
    public long size() {
      return base.size();
    }

    @Override
    public ByteBuffer read(long offset, int length) {
      return patch(base.read(offset, length), offset, length);
    }

    @Override
    public ByteBuffer view(long offset, long length) {
      return patch(base.view(offset, length), offset, length);
    }

    private ByteBuffer patch(ByteBuffer b, long offset, long length) {
      if (pos < offset || pos >= offset + length) {
        return b;
      }
      ByteBuffer copy = ByteBuffer.allocate(b.remaining());
      copy.put(b.duplicate()).flip();
      copy.put((int) (pos - offset), value);
      return copy;
    }
  }
}
