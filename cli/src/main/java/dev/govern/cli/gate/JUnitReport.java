package dev.govern.cli.gate;

import dev.govern.core.gate.Finding;
import dev.govern.core.gate.GateReport;
import dev.govern.core.gate.Severity;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, as CI systems read test reports: one test suite, one test case per finding (a failure
 * for failed rules, a pass with the message in system-out for warnings and notes), and one passing
 * case when there is nothing to report.
 */
final class JUnitReport {
  private JUnitReport() {}

  static String of(GateReport report) {
    StringWriter sink = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(sink);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      int tests = Math.max(1, report.findings().size());
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "govern gate");
      x.writeAttribute("tests", Integer.toString(tests));
      x.writeAttribute("failures", Long.toString(report.count(Severity.FAIL)));
      x.writeAttribute("errors", "0");
      x.writeAttribute("skipped", "0");
      x.writeAttribute("time", "0");
      x.writeCharacters("\n");
      if (report.findings().isEmpty()) {
        testcase(x, "govern.gate", "all rules passed");
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      for (Finding f : report.findings()) {
        testcase(
            x,
            "govern.gate." + f.rule(),
            GateText.relative(report.repository(), f) + ": " + f.message());
        String detail = f.message() + f.fix().map(fix -> "\nfix: " + fix).orElse("");
        if (f.severity() == Severity.FAIL) {
          x.writeStartElement("failure");
          x.writeAttribute("type", f.rule());
          x.writeAttribute("message", f.message());
          x.writeCharacters(detail);
          x.writeEndElement();
        } else {
          x.writeStartElement("system-out");
          x.writeCharacters(f.severity().name() + ": " + detail);
          x.writeEndElement();
        }
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return sink.toString();
  }

  /** Starts a test case element; the caller ends it. */
  private static void testcase(XMLStreamWriter x, String classname, String name)
      throws XMLStreamException {
    x.writeCharacters("  ");
    x.writeStartElement("testcase");
    x.writeAttribute("classname", classname);
    x.writeAttribute("name", name);
    x.writeAttribute("time", "0");
  }
}
