package dev.govern.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Only Main exits; commands print through their streams so tests can capture them. */
class CliArchitectureTest {
  private final JavaClasses cli =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.govern.cli");

  @Test
  void onlyMainCallsSystemExit() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(Main.class.getName())
        .should()
        .callMethod(System.class, "exit", int.class)
        .check(cli);
  }

  @Test
  void commandsDoNotPrintToSystemOutDirectly() {
    noClasses()
        .that()
        .resideInAPackage("dev.govern.cli..")
        .and()
        .doNotHaveFullyQualifiedName("dev.govern.cli.support.CliIo")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .callMethod(PrintStream.class, "println", String.class)
        .check(cli);
  }

  @Test
  void onlyTheServerCommandsTouchTheServer() {
    // other commands must not load the server's classes (start-up, and a smaller CDS archive)
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.govern.cli.server..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.govern.server..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "org.jdbi..",
            "org.flywaydb..")
        .check(cli);
  }
}
