package io.posthoggitops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.posthoggitops.kind.Kind;
import io.posthoggitops.kinds.Kinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: the CLI depends on everything and nothing on the CLI; the kind
 * interface depends on nothing of ours; each kind's package stands alone but for what it owns, and
 * only the registry names a concrete kind.
 */
class ArchitectureTest {

  private static final String KINDS = "io.posthoggitops.kinds";
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
  void theStagesDependOnEachOtherWithoutCycles() {
    slices().matching("io.posthoggitops.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void planDiffModelAndTheKindsDoNoIoAndUseNoFramework() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.posthoggitops.plan..",
            "io.posthoggitops.diff..",
            "io.posthoggitops.model..",
            "io.posthoggitops.kind..",
            KINDS + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.nio.file..",
            "java.net..",
            "io.quarkus..",
            "jakarta..",
            "picocli..",
            "org.eclipse.jgit..",
            "io.posthoggitops.live..",
            "io.posthoggitops.config..",
            "io.posthoggitops.apply..",
            "io.posthoggitops.render..",
            "io.posthoggitops.planfile..",
            "io.posthoggitops.git..")
        .check(classes);
  }

  @Test
  void theKindInterfaceDependsOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("io.posthoggitops.kind..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.posthoggitops")
        .orShould()
        .dependOnClassesThat()
        .resideOutsideOfPackages("io.posthoggitops.kind..", "java..", "com.fasterxml.jackson..")
        .check(classes);
  }

  /** A kind's folder uses the kind interface, and another kind's folder only if it owns it. */
  @Test
  void eachKindStandsAloneButForWhatItOwns() {
    for (Kind kind : Kinds.all()) {
      List<String> others = new ArrayList<>();
      for (Kind other : Kinds.all()) {
        boolean owned = kind.ownership().map(o -> o.owned() == other).orElse(false);
        if (other != kind && !owned) {
          others.add(packageOf(other));
        }
      }
      noClasses()
          .that()
          .resideInAPackage(packageOf(kind))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others.toArray(String[]::new))
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(KINDS, "io.posthoggitops.model..", "io.posthoggitops.cli..")
          .check(classes);
    }
  }

  @Test
  void nothingOutsideTheKindsNamesAConcreteKind() {
    noClasses()
        .that()
        .resideOutsideOfPackage(KINDS + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(KINDS + ".*..")
        .check(classes);
  }

  @Test
  void everyKindHasAPackageOfItsOwn() {
    Set<String> packages =
        Kinds.all().stream().map(ArchitectureTest::packageOf).collect(Collectors.toSet());
    assertThat(packages).hasSameSizeAs(Kinds.all());
    assertThat(packages)
        .allMatch(p -> p.startsWith(KINDS + ".") && p.indexOf('.', KINDS.length() + 1) < 0);
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

  private static String packageOf(Kind kind) {
    return kind.getClass().getPackageName();
  }
}
