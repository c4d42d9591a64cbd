package cn.gov.eqq.govinfo.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shape's rules against small fixture services (test sources under {@code fixtures}): one that has the shape
 * breaks no rule; each of the others breaks exactly the one rule it was written to break.
 */
class ServiceShapeTest {

    private static final String FIXTURES = "cn.gov.eqq.govinfo.testsupport.architecture.fixtures";

    @Test
    void aServiceWithFeaturesSharedCodeConfigAndASchedulingAdapterBreaksNoRule() {
        assertThat(brokenRules("conforming")).isEmpty();
        assertThatCode(() -> shape("conforming").check(classes("conforming"))).doesNotThrowAnyException();
    }

    @Test
    void aClassBesideTheApplicationClassInTheRootPackageBreaksTheRootRule() {
        assertOnlyBroken("strayatroot", ServiceShape::rootHoldsOnlyTheApplicationClass);
    }

    @Test
    void aClassInAFeatureButInNoRolePackageBreaksTheLayoutRule() {
        assertOnlyBroken("outsidearole", ServiceShape::everyClassSitsInAFeatureRoleOrConfig);
    }

    @Test
    void aSpringAnnotationInTheDomainBreaksDomainPurity() {
        assertOnlyBroken("springindomain", ServiceShape::domainIsPlainJava);
    }

    @Test
    void aDomainClassUsingAUseCaseBreaksTheInwardDirection() {
        assertOnlyBroken("domainusesapplication", ServiceShape::domainKnowsNoOuterLayer);
    }

    @Test
    void aUseCaseAnnotatedAsASpringComponentBreaksApplicationPurity() {
        assertOnlyBroken("springinapplication", ServiceShape::applicationKnowsNoFrameworkNorHttp);
    }

    @Test
    void aUseCaseThrowingThePlatformsHttpProblemBreaksApplicationPurity() {
        assertOnlyBroken("problemtypeinapplication", ServiceShape::applicationKnowsNoFrameworkNorHttp);
    }

    @Test
    void aUseCaseHoldingAnAdapterBreaksTheApplicationDirection() {
        assertOnlyBroken("applicationusesadapter", ServiceShape::applicationKnowsNoAdapter);
    }

    @Test
    void anApplicationClassNamedServiceBreaksUseCaseNaming() {
        assertOnlyBroken("servicename", ServiceShape::useCasesAreNamedForTheirJob);
    }

    @Test
    void anApplicationClassNamedHelperBreaksUseCaseNaming() {
        assertOnlyBroken("helpername", ServiceShape::useCasesAreNamedForTheirJob);
    }

    @Test
    void aUseCaseMethodTakingFourValuesBreaksTheCommandRule() {
        assertOnlyBroken("positionalvalues", ServiceShape::useCasesTakeCommandsForMoreThanThreeValues);
    }

    @Test
    void aScheduledMethodInConfigBreaksTheSchedulingAdapterRule() {
        assertOnlyBroken("scheduledinconfig", ServiceShape::scheduledTriggersAreInboundAdapters);
    }

    @Test
    void anAdapterUsingAnotherFeaturesAdapterBreaksFeatureSeparation() {
        assertOnlyBroken("otherfeaturesadapter", ServiceShape::featuresUseNoOtherFeaturesAdapters);
    }

    @Test
    void twoFeaturesUsingEachOthersDomainBreakTheNoCycleRule() {
        assertOnlyBroken("featurecycle", ServiceShape::featuresAreFreeOfCycles);
    }

    @Test
    void checkFailsNamingTheBrokenRuleAndWhyItHolds() {
        assertThatThrownBy(() -> shape("servicename").check(classes("servicename")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderService")
                .hasMessageContaining("用例以它做的事命名");
    }

    private static void assertOnlyBroken(String fixture, Function<ServiceShape, ArchRule> rule) {
        assertThat(brokenRules(fixture)).containsExactly(rule.apply(shape(fixture)).getDescription());
    }

    private static List<String> brokenRules(String fixture) {
        JavaClasses classes = classes(fixture);
        return shape(fixture).rules().stream()
                .filter(rule -> rule.evaluate(classes).hasViolation())
                .map(ArchRule::getDescription)
                .toList();
    }

    private static ServiceShape shape(String fixture) {
        return ServiceShape.of(FIXTURES + "." + fixture);
    }

    private static JavaClasses classes(String fixture) {
        return new ClassFileImporter().importPackages(FIXTURES + "." + fixture);
    }
}
