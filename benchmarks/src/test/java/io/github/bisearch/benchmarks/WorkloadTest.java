package io.github.bisearch.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {
  @Test
  void theTargetWorkloadIsTheOneTargetQueryOnTheBundledCorpus() {
    assertEquals(
        new Workload("bundled", "target", List.of("虚拟机 hypervisor")),
        Workload.parse("bundled:target"));
  }

  @Test
  void generatedCorporaShareTheirQueries() {
    assertEquals(Workload.parse("10k:mixed").queries(), Workload.parse("1m:mixed").queries());
  }

  @Test
  void anUnknownCorpusIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Workload.parse("2m:mixed"));
    assertEquals("unknown corpus 2m: use bundled, 10k, 100k or 1m", e.getMessage());
  }

  @Test
  void theTargetClassIsOnlyOnTheBundledCorpus() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Workload.parse("10k:target"));
    assertEquals("workload 10k:target: no query class target", e.getMessage());
  }
}
