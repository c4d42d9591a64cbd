package cn.gov.eqq.govinfo.scoring;

import cn.gov.eqq.govinfo.testsupport.architecture.ServiceShape;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Scoring has the shape of every service ({@link ServiceShape}); besides, its rules read no contract but the
 * calendar, and its use cases read none of the contracts it consumes: the Kafka adapters translate consumed events
 * into the domain's facts and units, so the rules and use cases stay independent of how other services publish.
 */
@AnalyzeClasses(packages = "cn.gov.eqq.govinfo.scoring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static void scoringHasTheShapeOfEveryService(JavaClasses classes) {
        ServiceShape.of("cn.gov.eqq.govinfo.scoring").check(classes);
    }

    @ArchTest
    static final ArchRule theRulesReadNoContractButTheCalendar = noClasses()
            .that().resideInAPackage("cn.gov.eqq.govinfo.scoring.*.domain..")
            .should().dependOnClassesThat(resideInAPackage("cn.gov.eqq.govinfo.contracts..")
                    .and(not(resideInAPackage("cn.gov.eqq.govinfo.contracts.calendar"))))
            .because("积分规则只认日历（ReportingPeriod、BeijingTime），不认其他服务发布的事件契约；"
                    + "事件在 Kafka 适配器中译成领域事实");

    @ArchTest
    static final ArchRule theUseCasesReadNoConsumedContract = noClasses()
            .that().resideInAPackage("cn.gov.eqq.govinfo.scoring.*.application..")
            .should().dependOnClassesThat(resideInAPackage("cn.gov.eqq.govinfo.contracts.unit..")
                    .or(resideInAPackage("cn.gov.eqq.govinfo.contracts.item.."))
                    .or(resideInAPackage("cn.gov.eqq.govinfo.contracts.adoption.."))
                    .or(resideInAPackage("cn.gov.eqq.govinfo.contracts.commission.."))
                    .or(resideInAPackage("cn.gov.eqq.govinfo.contracts.reporting..")))
            .because("消费的事件契约在 adapter.in.kafka 中译成领域值或命令，用例只接收译好的值；"
                    + "application 层只构建本服务发布的事件（ItemScored、PolicyVersionAdded、排名快照）");
}
