package io.tradekit.examples.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.tradekit.examples.architecture.fixture.ReachesIntoCoreInternals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules of DESIGN.md, checked on the compiled classes of every module: the API depends on the
 * JDK only; core never names risk, grid, an adapter or the examples; no adapter depends on another;
 * nothing depends on the examples; the modules form no cycle; and internal packages stay inside their
 * module.
 */
class ModuleRulesTest {

    static final List<String> ADAPTERS = List.of("binance", "bybit", "kraken");

    static JavaClasses tradekit;

    @BeforeAll
    static void importClasses() {
        tradekit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.tradekit");
        assertThat(tradekit.stream().map(JavaClass::getPackageName)).as("every module's classes are on the classpath")
                .anyMatch(p -> p.startsWith("io.tradekit.api")).anyMatch(p -> p.startsWith("io.tradekit.core"))
                .anyMatch(p -> p.startsWith("io.tradekit.risk")).anyMatch(p -> p.startsWith("io.tradekit.examples"));
    }

    @Test
    void theApiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("io.tradekit.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.tradekit.api..")
                .check(tradekit);
    }

    @Test
    void coreNeverNamesRiskGridAnAdapterOrTheExamples() {
        noClasses().that().resideInAPackage("io.tradekit.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tradekit.risk..", "io.tradekit.grid..", "io.tradekit.binance..",
                        "io.tradekit.bybit..", "io.tradekit.kraken..", "io.tradekit.examples..")
                .check(tradekit);
    }

    @Test
    void noAdapterDependsOnAnotherAdapter() {
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).map(a -> "io.tradekit." + a + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.tradekit." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(tradekit);
        }
    }

    @Test
    void nothingDependsOnTheExamples() {
        noClasses().that().resideOutsideOfPackage("io.tradekit.examples..")
                .should().dependOnClassesThat().resideInAPackage("io.tradekit.examples..")
                .check(tradekit);
    }

    @Test
    void theControlPlaneBuildsOnApiAndCoreOnlyAndOnlyTheExamplesAndTheFleetConfigurationNameIt() {
        noClasses().that().resideInAPackage("io.tradekit.control..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tradekit.risk..", "io.tradekit.grid..", "io.tradekit.binance..",
                        "io.tradekit.bybit..", "io.tradekit.kraken..", "io.tradekit.examples..")
                .check(tradekit);
        // A fleet file's users carry the control plane's roles and password hashes (FleetConfig, tradekit-config's optional dependency).
        noClasses().that().resideOutsideOfPackages("io.tradekit.control..", "io.tradekit.examples..")
                .and().doNotHaveSimpleName("FleetConfig").and().doNotHaveSimpleName("FleetConfigReader")
                .and().doNotHaveFullyQualifiedName("io.tradekit.config.FleetConfig$User")
                .should().dependOnClassesThat().resideInAPackage("io.tradekit.control..")
                .check(tradekit);
    }

    @Test
    void theModulesFormNoCycle() {
        slices().matching("io.tradekit.(*)..").should().beFreeOfCycles().check(tradekit);
    }

    @Test
    void internalPackagesAreUsedOnlyInsideTheirModule() {
        internalsStayInTheirModule().check(tradekit);
    }

    @Test
    void theInternalsRuleCatchesAClassThatReachesIntoAnotherModulesInternals() {
        JavaClasses offender = new ClassFileImporter().importClasses(ReachesIntoCoreInternals.class);

        var result = internalsStayInTheirModule().evaluate(offender);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(d ->
                assertThat(d).contains("ReachesIntoCoreInternals").contains("io.tradekit.core.internal.DirectLoop"));
    }

    /**
     * A class of module {@code io.tradekit.X} may use {@code ..internal..} classes of module X only. The
     * JMH benchmarks ({@code io.tradekit.examples.bench}) are the one exception: to time one piece of a
     * pipeline (a venue frame to a signed request) they must call that piece directly; they are
     * measurement harnesses, not users of the API, and nothing depends on them.
     */
    static ArchRule internalsStayInTheirModule() {
        return classes().that().resideInAPackage("io.tradekit..").and().resideOutsideOfPackage("io.tradekit.examples.bench..").should(new ArchCondition<>("use internal classes of their own module only") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    String pkg = target.getPackageName();
                    boolean internal = pkg.startsWith("io.tradekit.") && (pkg.contains(".internal.") || pkg.endsWith(".internal"));
                    if (internal && !module(pkg).equals(module(origin.getPackageName()))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        });
    }

    /** {@code io.tradekit.core.store.internal} is in module {@code core}. */
    static String module(String pkg) {
        String rest = pkg.substring("io.tradekit.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
