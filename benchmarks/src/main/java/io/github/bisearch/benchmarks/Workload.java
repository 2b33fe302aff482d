package io.github.bisearch.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * One query class on one corpus, named {@code CORPUS:CLASS} in JMH parameters ({@code 10k:mixed}).
 * The queries of each class are fixed so that runs compare; the generated corpora's queries use
 * words that {@link CorpusGenerator} writes with its default seed, 42.
 *
 * @param corpus {@code bundled}, {@code 10k}, {@code 100k} or {@code 1m}
 * @param queryClass {@code chinese}, {@code english}, {@code mixed} (one concept in each language),
 *     {@code cross} (all words in one language, matches in the other), {@code phrase}, or {@code
 *     target} (the one query of the bundled-corpus speed target)
 * @param queries what the benchmark searches for, one after the other
 */
record Workload(String corpus, String queryClass, List<String> queries) {
  /** The query of the bundled-corpus latency target. */
  static final String TARGET_QUERY = "虚拟机 hypervisor";

  private static final Map<String, List<String>> BUNDLED =
      Map.of(
          "target", List.of(TARGET_QUERY),
          "chinese", List.of("虚拟机", "容器编排", "微服务"),
          "english", List.of("hypervisor", "kubernetes cluster", "virtual machine monitor"),
          "mixed", List.of("虚拟机 hypervisor", "docker 镜像", "kubernetes 集群"),
          // Each matches the bundled corpus only through its translation.
          "cross", List.of("microservices", "镜像", "集群"),
          // "container runtime" matches nothing here: a phrase search that finds nothing.
          "phrase", List.of("\"container runtime\"", "\"docker image\"", "\"虚拟机\""));

  /**
   * Generated corpora: glossary terms at Zipf ranks from about 5 to 60, so that queries match from
   * a few percent of the entries down to a fraction of one percent. Every generated concept occurs
   * in both languages, so a cross-language query also finds entries through its own words; its
   * other-language hits come through the glossary.
   */
  private static final Map<String, List<String>> GENERATED =
      Map.of(
          "chinese", List.of("私有云", "哈希函数", "容器逃逸"),
          "english", List.of("graph database", "hot reload", "swap space"),
          "mixed", List.of("资源调度 private cloud", "hash function 日志聚合", "虚拟交换机 cache miss"),
          "cross", List.of("数据血缘 图数据库", "row lock prepared statement", "交换空间 内存溢出"),
          "phrase", List.of("\"graph database\"", "\"cache miss\"", "\"private cloud\""));

  /** The workload named {@code CORPUS:CLASS}. */
  static Workload parse(String name) {
    int colon = name.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("workload " + name + ": expected CORPUS:CLASS");
    }
    String corpus = name.substring(0, colon);
    String queryClass = name.substring(colon + 1);
    Fixtures.entries(corpus); // checks the corpus name
    List<String> queries = (corpus.equals("bundled") ? BUNDLED : GENERATED).get(queryClass);
    if (queries == null) {
      throw new IllegalArgumentException("workload " + name + ": no query class " + queryClass);
    }
    return new Workload(corpus, queryClass, queries);
  }

  /** The fixed queries of a class, for the report. */
  static List<String> queries(boolean bundled, String queryClass) {
    return (bundled ? BUNDLED : GENERATED).getOrDefault(queryClass, List.of());
  }
}
