package io.github.bisearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bisearch.ingest.Entry;
import io.github.bisearch.ingest.Link;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search-cli index --solr}: what can be checked without a Solr (the SolrCloud end-to-end
 * test is {@code SolrCloudIT} in the solr module).
 */
class SolrIndexCommandTest {
  @TempDir Path dir;

  private Path markdown() throws IOException {
    Path file = dir.resolve("notes.md");
    Files.writeString(file, "- [Xen](http://xen.org/): 虚拟机监视器\n", StandardCharsets.UTF_8);
    return file;
  }

  /** A local port that nothing listens on. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void unreachableSolrIsOneLineAndExitOne() throws IOException {
    String url = "http://127.0.0.1:" + closedPort() + "/solr";
    CliRun run = CliRun.of("index", "--solr", url, "--collection", "docs", markdown().toString());

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        List.of("search-cli: cannot reach Solr at " + url + ": connection refused"),
        run.errLines());
  }

  @Test
  void aMissingPathIsReportedBeforeSolrIsAsked() throws IOException {
    String url = "http://127.0.0.1:" + closedPort() + "/solr";
    Path missing = dir.resolve("missing");
    CliRun run = CliRun.of("index", "--solr", url, "--collection", "docs", missing.toString());

    assertEquals(1, run.exitCode());
    assertEquals(List.of("search-cli: " + missing + ": no such file or directory"), run.errLines());
  }

  @Test
  void solrUrlMustBeHttp() throws IOException {
    CliRun run =
        CliRun.of(
            "index", "--solr", "localhost:8983", "--collection", "docs", markdown().toString());

    assertEquals(2, run.exitCode());
    assertEquals(
        List.of(
            "search-cli: --solr must be Solr's url, such as http://localhost:8983/solr, not"
                + " 'localhost:8983'"),
        run.errLines());
  }

  @Test
  void solrNeedsACollection() throws IOException {
    CliRun run = CliRun.of("index", "--solr", "http://localhost:8983/solr", markdown().toString());

    assertEquals(2, run.exitCode());
    assertEquals(
        List.of("search-cli: Missing required argument(s): --collection=NAME"), run.errLines());
  }

  @Test
  void indexAndSolrExcludeEachOther() throws IOException {
    CliRun run =
        CliRun.of(
            "index",
            "--index",
            dir.resolve("idx").toString(),
            "--solr",
            "http://localhost:8983/solr",
            "--collection",
            "docs",
            markdown().toString());

    assertEquals(2, run.exitCode());
    assertEquals(
        List.of(
            "search-cli: --index=DIR and (--solr=URL --collection=NAME) are mutually exclusive"
                + " (specify only one)"),
        run.errLines());
  }

  @Test
  void searchingAnUnreachableSolrIsOneLineAndExitOne() throws IOException {
    String url = "http://127.0.0.1:" + closedPort() + "/solr";
    CliRun run = CliRun.of("--solr", url + "/", "--collection", "docs", "虚拟机");

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        List.of("search-cli: cannot reach Solr at " + url + ": connection refused"),
        run.errLines());
  }

  @Test
  void searchingSolrNeedsACollection() {
    CliRun run = CliRun.of("--solr", "http://localhost:8983/solr", "虚拟机");

    assertEquals(2, run.exitCode());
    assertEquals(
        List.of("search-cli: --solr and --collection go together: give both"), run.errLines());
  }

  @Test
  void searchingSolrTakesNoGlossary() throws IOException {
    CliRun run =
        CliRun.of(
            "--solr",
            "http://localhost:8983/solr",
            "--collection",
            "docs",
            "--no-translate",
            "虚拟机");

    assertEquals(2, run.exitCode());
    assertEquals(
        List.of(
            "search-cli: --solr translates with the collection's glossary: --glossary,"
                + " --dictionary and --no-translate do not apply"),
        run.errLines());
  }

  /** SolrJ costs start-up time: it must load only when --solr is given. */
  @Test
  void localIndexingAndSearchingLoadNoSolrClass() throws Exception {
    Path index = dir.resolve("idx");
    Path file = markdown();
    List<String> loaded = new ArrayList<>();
    for (List<String> args :
        List.of(
            List.of("index", "--index", index.toString(), file.toString()),
            List.of("--index", index.toString(), "--json", "虚拟机 hypervisor"))) {
      Path log = Files.createTempFile(dir, "classes", ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xlog:class+load=info:file=" + log);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(SearchCli.class.getName());
      command.addAll(args);
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      process.getOutputStream().close();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "search-cli still running");
      assertEquals(0, process.exitValue(), String.join(" ", args));
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      assertTrue(lines.stream().anyMatch(line -> line.contains(" io.github.bisearch.cli.")));
      lines.stream()
          .filter(
              line -> line.contains(" org.apache.solr.") || line.contains(" org.eclipse.jetty."))
          .forEach(loaded::add);
    }
    assertEquals(List.of(), loaded);
  }

  @Test
  void solrDocumentHasTheLibraryFields() {
    Entry entry =
        new Entry(
            "Xen",
            "http://www.xenproject.org/",
            "Projects > Virtual Machine",
            "Xen 是一个开放源代码虚拟机监视器",
            "2014-07-31",
            List.of(new Link("docs", "http://docs.xen.org/")),
            "corpus/docker-awesome.md",
            46);
    SolrInputDocument doc = SolrIndexer.toSolr("/abs/corpus/docker-awesome.md", entry);
    Map<String, Object> fields = new TreeMap<>();
    for (String name : doc.getFieldNames()) {
      fields.put(name, doc.getFieldValue(name));
    }
    Map<String, Object> expected = new TreeMap<>();
    expected.put("kind", "entry");
    expected.put("id", doc.getFieldValue("id"));
    expected.put("source_key", "/abs/corpus/docker-awesome.md");
    expected.put("source", "corpus/docker-awesome.md");
    expected.put("line", 46);
    expected.put("lang", "zh");
    expected.put("url", "http://www.xenproject.org/");
    expected.put("url.w", "xenproject.org/");
    expected.put("date", "2014-07-31");
    expected.put("links", "docs\thttp://docs.xen.org/");
    expected.put("title", "Xen");
    expected.put("title.w", "Xen");
    expected.put("title.bg", "Xen");
    expected.put("section", "Projects > Virtual Machine");
    expected.put("section.w", "Projects > Virtual Machine");
    expected.put("section.bg", "Projects > Virtual Machine");
    expected.put("text", "Xen 是一个开放源代码虚拟机监视器");
    expected.put("text.w", "Xen 是一个开放源代码虚拟机监视器");
    expected.put("text.bg", "Xen 是一个开放源代码虚拟机监视器");
    expected.put("concepts", "Xen"); // the first value: title, title again, section, text
    assertEquals(expected, fields);
    assertEquals(
        List.of("Xen", "Xen", "Projects > Virtual Machine", "Xen 是一个开放源代码虚拟机监视器"),
        List.copyOf(doc.getFieldValues("concepts")));
    assertEquals(16, ((String) doc.getFieldValue("id")).length());
  }
}
