package cn.gov.eqq.govinfo.adoption;

import cn.gov.eqq.govinfo.testsupport.architecture.ServiceShape;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * adoption-tracking has the shape of every service; its rules do not even know the wire contracts, and its use cases
 * do not know the contracts they consume (the Kafka adapters translate them).
 */
class ArchitectureTest {

    private static final String ROOT = "cn.gov.eqq.govinfo.adoption";

    @Test
    void adoptionTrackingHasTheShapeOfEveryService() {
        ServiceShape.of(ROOT).check();
    }

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void adoptionRulesKnowNoWireContract() {
        noClasses().that().resideInAPackage(ROOT + "..domain..")
                .should().dependOnClassesThat().resideInAPackage("cn.gov.eqq.govinfo.contracts..")
                .because("采用登记的规则只说本服务的话：事件契约在 Kafka 适配器中翻译，领域不认识它们")
                .check(CLASSES);
    }

    @Test
    void useCasesHearConsumedEventsInThisServicesWords() {
        noClasses().that().resideInAPackage(ROOT + "..application..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.gov.eqq.govinfo.contracts.item..",
                        "cn.gov.eqq.govinfo.contracts.score..", "cn.gov.eqq.govinfo.contracts.unit..")
                .because("所消费的事件契约（信息、评分、单位）由 Kafka 监听器翻译成本服务的值，用例不认识它们；"
                        + "本服务发布的事件仍在 application 中生成，与状态一同写入 outbox")
                .check(CLASSES);
    }
}
