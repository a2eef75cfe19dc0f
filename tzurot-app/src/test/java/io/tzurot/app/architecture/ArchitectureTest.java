package io.tzurot.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of DESIGN.md §3, checked on the compiled main classes of every module: core
 * depends on nothing but the JDK and slf4j; the faces (web, Discord, the CLI's commands) never reach storage;
 * adapters depend on core only; and no two feature packages depend on each other in a cycle.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/io/tzurot/testkit/"))
                // another module's test classes reach this class path as its "-tests.jar" once the reactor has
                // packaged it (mvn verify), which DO_NOT_INCLUDE_TESTS does not recognise
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.tzurot");
    }

    @Test
    void theImportCoversEveryModule() {
        for (String module : new String[] {"core", "storage", "ai", "messaging", "discord", "web", "app"}) {
            org.assertj.core.api.Assertions.assertThat(main.stream()
                    .anyMatch(c -> c.getPackageName().startsWith("io.tzurot." + module + "."))).as(module).isTrue();
        }
    }

    @Test
    void coreImportsNoFrameworkAndNoOtherModule() {
        classes().that().resideInAPackage("io.tzurot.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.tzurot.core..", "java..", "javax.crypto..",
                        "javax.imageio..", "org.slf4j..")
                .because("core holds domain types, ports and use cases; adapters and frameworks depend on it, never"
                        + " the other way (javax.imageio is the JDK's own decoder, used by the one avatar image rule)")
                .check(main);
    }

    @Test
    void facesNeverImportStorage() {
        noClasses().that().resideInAnyPackage("io.tzurot.web..", "io.tzurot.discord..", "io.tzurot.app.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.tzurot.storage..")
                .because("faces translate and call core use cases; only wiring opens storage")
                .check(main);
    }

    @Test
    void adaptersDependOnCoreOnly() {
        String[] adapters = {"storage", "ai", "messaging", "discord", "web"};
        for (String adapter : adapters) {
            String[] others = java.util.Arrays.stream(adapters).filter(a -> !a.equals(adapter))
                    .map(a -> "io.tzurot." + a + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.tzurot." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage("io.tzurot.app..")
                    .because("only tzurot-app knows every module")
                    .check(main);
        }
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().assignedFrom(FEATURE_SLICES).should().beFreeOfCycles().check(main);
    }

    /** A slice per module and first-level package ({@code web.chat}), with a module's root package as its own slice. */
    private static final SliceAssignment FEATURE_SLICES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String[] parts = javaClass.getPackageName().split("\\.");
            if (parts.length < 3 || !parts[0].equals("io") || !parts[1].equals("tzurot")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(parts[2] + "." + (parts.length > 3 ? parts[3] : "(root)"));
        }

        @Override
        public String getDescription() {
            return "feature packages (module.feature)";
        }
    };
}
