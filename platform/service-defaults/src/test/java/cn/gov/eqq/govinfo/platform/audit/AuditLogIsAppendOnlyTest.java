package cn.gov.eqq.govinfo.platform.audit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No code path changes or removes an audit record. The one document the audit code may update is the chain head,
 * and only by compare-and-set in {@link AuditChainHead}.
 */
class AuditLogIsAppendOnlyTest {

    private static final Pattern WRITES_OTHER_THAN_INSERT = Pattern.compile(
            "(update.*|upsert|remove|findAndModify|findAndRemove|findAllAndRemove|findAndReplace|replace.*|save|"
                    + "delete.*|drop.*|bulkOps|execute|executeCommand|rename.*)");

    @Test
    void theAuditLogPortOffersOnlyAppendSearchAndVerify() {
        Set<String> operations = Arrays.stream(AuditLog.class.getDeclaredMethods())
                .filter(m -> !m.isSynthetic()).map(Method::getName).collect(Collectors.toSet());
        assertThat(operations).containsExactlyInAnyOrder("append", "search", "verify");
    }

    @Test
    void theAuditCodeNeverCallsAMongoOperationThatChangesOrRemovesDocuments() {
        JavaClasses audit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.gov.eqq.govinfo.platform.audit");
        assertThat(audit).isNotEmpty();
        List<String> forbidden = audit.stream()
                .flatMap(c -> c.getMethodCallsFromSelf().stream())
                .filter(call -> call.getTargetOwner().getPackageName().startsWith("org.springframework.data.mongodb")
                        || call.getTargetOwner().getPackageName().startsWith("com.mongodb"))
                .filter(call -> WRITES_OTHER_THAN_INSERT.matcher(call.getName()).matches())
                .filter(call -> !isTheChainHeadsCompareAndSet(call))
                .map(JavaMethodCall::getDescription).toList();
        assertThat(forbidden).isEmpty();

        Set<String> mongoCalls = audit.stream().flatMap(c -> c.getMethodCallsFromSelf().stream())
                .filter(call -> call.getTargetOwner().getName().endsWith("MongoTemplate")
                        || call.getTargetOwner().getName().endsWith("MongoOperations"))
                .map(JavaMethodCall::getName).collect(Collectors.toSet());
        // the test must see the calls it guards (insert), otherwise it proves nothing
        assertThat(mongoCalls).contains("insert", "updateFirst").allMatch(n -> Set.of("insert", "find", "findById",
                "count", "exists", "stream", "indexOps", "updateFirst").contains(n));
    }

    @Test
    void onlyTheChainHeadIsUpdatedAndOnlyInItsOwnCollection() {
        JavaClasses audit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.gov.eqq.govinfo.platform.audit");
        List<String> updaters = audit.stream().flatMap(c -> c.getMethodCallsFromSelf().stream())
                .filter(call -> call.getName().equals("updateFirst"))
                .map(call -> call.getOriginOwner().getSimpleName()).distinct().toList();
        assertThat(updaters).containsExactly("AuditChainHead");
        assertThat(AuditChainHead.COLLECTION).isNotEqualTo(MongoAuditLog.COLLECTION);
    }

    private static boolean isTheChainHeadsCompareAndSet(JavaMethodCall call) {
        return call.getName().equals("updateFirst") && call.getOriginOwner().isEquivalentTo(AuditChainHead.class);
    }
}
