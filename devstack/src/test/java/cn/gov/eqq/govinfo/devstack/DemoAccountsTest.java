package cn.gov.eqq.govinfo.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoAccountsTest {

    @Test
    void demoAccountsComeFromTheRealmFileWithRolesAndUnitButNoServiceAccounts() {
        List<DemoAccounts.Account> accounts = DemoAccounts.read(Path.of("../identity/govinfo-realm.json"));

        assertThat(accounts).contains(new DemoAccounts.Account("u001-reporter", List.of("reporter"), "U001"),
                new DemoAccounts.Account("room-editor", List.of("info-room"), ""));
        assertThat(accounts).noneMatch(a -> a.username().startsWith("service-account-"));
        assertThat(DemoAccounts.table(accounts)).contains("u001-reporter", "info-room", "Demo_2026");
    }
}
