package cn.gov.eqq.govinfo.adoption;

import cn.gov.eqq.govinfo.testsupport.architecture.ServiceShape;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** adoption-tracking has the shape of every service, and its rules do not even know the wire contracts. */
class ArchitectureTest {

    private static final String ROOT = "cn.gov.eqq.govinfo.adoption";

    @Test
    void adoptionTrackingHasTheShapeOfEveryService() {
        ServiceShape.of(ROOT).check();
    }

    @Test
    void adoptionRulesKnowNoWireContract() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        noClasses().that().resideInAPackage(ROOT + "..domain..")
                .should().dependOnClassesThat().resideInAPackage("cn.gov.eqq.govinfo.contracts..")
                .because("采用登记的规则只说本服务的话：事件契约在 application 中翻译，领域不认识它们")
                .check(classes);
    }
}
