package io.tradekit.examples.architecture;

import com.tngtech.archunit.base.HasDescription;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.tradekit.examples.architecture.fixture.ExposesAnInternalType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host sees the public and protected signatures of tradekit's non-internal packages; none of them may
 * name a type from an {@code ..internal..} package, or the internal type becomes API by the back door.
 * Checked: a visible class's supertypes, and its visible fields', constructors' and methods' types,
 * including type arguments ({@code List<Internal>}) and declared exceptions. The command line
 * ({@code io.tradekit.examples}) is an application, not a library, and is left out.
 */
class PublicSignaturesExposeNoInternalsTest {

    @Test
    void noVisibleSignatureOfALibraryPackageNamesAnInternalType() {
        JavaClasses tradekit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.tradekit");
        assertThat(tradekit.stream().map(JavaClass::getPackageName)).as("the library modules' classes are on the classpath")
                .anyMatch(p -> p.startsWith("io.tradekit.core.")).anyMatch(p -> p.startsWith("io.tradekit.binance"));

        exposesNoInternalType().check(tradekit.that(resideOutsideOfPackage("io.tradekit.examples..")));
    }

    @Test
    void theRuleCatchesAnInternalTypeInAFieldAConstructorAndAProtectedMethodButNotInAPrivateOne() {
        JavaClasses offender = new ClassFileImporter().importClasses(ExposesAnInternalType.class);

        List<String> details = exposesNoInternalType().evaluate(offender).getFailureReport().getDetails();

        assertThat(details).hasSize(3)
                .anySatisfy(d -> assertThat(d).contains("ExposesAnInternalType.loops").contains("io.tradekit.core.internal.DirectLoop"))
                .anySatisfy(d -> assertThat(d).contains("ExposesAnInternalType.<init>(io.tradekit.core.internal.DirectLoop)"))
                .anySatisfy(d -> assertThat(d).contains("ExposesAnInternalType.first()"))
                .noneSatisfy(d -> assertThat(d).contains("last()"));
    }

    static ArchRule exposesNoInternalType() {
        return classes().that().resideInAPackage("io.tradekit..")
                .should(new ArchCondition<>("name no internal type in a public or protected signature") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (isInternal(type.getPackageName()) || !visible(type)) {
                            return;
                        }
                        List<JavaType> supertypes = new ArrayList<>(type.getInterfaces());
                        type.getSuperclass().ifPresent(supertypes::add);
                        report(type, supertypes, events);
                        for (JavaField field : type.getFields()) {
                            if (visible(field)) report(field, List.of(field.getType()), events);
                        }
                        for (JavaCodeUnit unit : type.getCodeUnits()) {
                            if (!visible(unit) || unit.getModifiers().contains(JavaModifier.SYNTHETIC)
                                    || unit.getModifiers().contains(JavaModifier.BRIDGE)) continue;
                            List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
                            types.add(unit.getReturnType());
                            unit.getThrowsClause().getTypes().forEach(types::add);
                            report(unit, types, events);
                        }
                    }
                }).allowEmptyShould(true);
    }

    private static void report(HasDescription owner, Collection<? extends JavaType> types, ConditionEvents events) {
        types.stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()).map(JavaClass::getName).distinct()
                .filter(name -> isInternal(packageOf(name)))
                .forEach(name -> events.add(SimpleConditionEvent.violated(owner, owner.getDescription() + " names internal type " + name)));
    }

    /** A class a host can name: public, and if nested, inside classes it can name too. */
    private static boolean visible(JavaClass type) {
        if (!type.getModifiers().contains(JavaModifier.PUBLIC) && !(type.isNestedClass() && type.getModifiers().contains(JavaModifier.PROTECTED))) {
            return false;
        }
        return type.getEnclosingClass().map(PublicSignaturesExposeNoInternalsTest::visible).orElse(true);
    }

    private static boolean visible(HasModifiers member) {
        return member.getModifiers().contains(JavaModifier.PUBLIC) || member.getModifiers().contains(JavaModifier.PROTECTED);
    }

    private static boolean isInternal(String pkg) {
        return pkg.startsWith("io.tradekit.") && (pkg.contains(".internal.") || pkg.endsWith(".internal"));
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
