package io.posthoggitops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: the CLI depends on everything, nothing on the CLI. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.posthoggitops");
  }

  @Test
  void nothingOutsideTheCliDependsOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.posthoggitops.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.posthoggitops.cli..")
        .check(classes);
  }

  @Test
  void planDiffAndModelDoNoIoAndUseNoFramework() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.posthoggitops.plan..", "io.posthoggitops.diff..", "io.posthoggitops.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.nio.file..",
            "java.net..",
            "io.quarkus..",
            "jakarta..",
            "org.eclipse.jgit..",
            "io.posthoggitops.live..",
            "io.posthoggitops.config..",
            "io.posthoggitops.apply..",
            "io.posthoggitops.render..",
            "io.posthoggitops.git..")
        .check(classes);
  }

  @Test
  void onlyTheGitPackageImportsJGit() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.posthoggitops.git..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.jgit..")
        .check(classes);
  }
}
