package cn.gov.eqq.govinfo.commission;

import cn.gov.eqq.govinfo.testsupport.architecture.ServiceShape;
import org.junit.jupiter.api.Test;

/** Commission-tasking has the one shape of a service (its one feature is {@code tasking}). */
class ArchitectureTest {

    @Test
    void commissionTaskingHasTheShapeOfAService() {
        ServiceShape.of("cn.gov.eqq.govinfo.commission").check();
    }
}
