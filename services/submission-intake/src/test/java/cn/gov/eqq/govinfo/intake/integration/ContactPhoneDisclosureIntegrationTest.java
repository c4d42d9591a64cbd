package cn.gov.eqq.govinfo.intake.integration;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import cn.gov.eqq.govinfo.testsupport.web.KeycloakJwtUsers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A reporter's contact number in full only for those who call the reporter — the item's own unit and the
 * information room — masked for every other role, and each read of a full number in the audit log.
 */
class ContactPhoneDisclosureIntegrationTest extends IntakeIntegrationTest {

    private static final String UNIT = "U041";
    private static final String FULL = "13812341234";
    private static final String MASKED = "138****1234";

    private String item() throws Exception {
        return submitted(UNIT, goodNews("联系电话：" + UUID.randomUUID()).replace("0477-7622029", FULL));
    }

    @Test
    void theUnitAndTheRoomSeeTheFullNumber() throws Exception {
        String id = item();
        for (RequestPostProcessor caller : new RequestPostProcessor[] {reporter(UNIT), leader(UNIT), room()}) {
            mvc.perform(get("/api/intake/items/{id}", id).with(caller)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.content.contactPhone").value(FULL));
            mvc.perform(get("/api/intake/items/{id}/revisions", id).with(caller))
                    .andExpect(jsonPath("$[0].content.contactPhone").value(FULL));
        }
    }

    @Test
    void leadersWhoOnlyReadAndTheAdministratorSeeItMaskedEverywhere() throws Exception {
        String id = item();
        for (RequestPostProcessor caller : new RequestPostProcessor[] {user("banner-leader", null, "viewer"),
                admin()}) {
            mvc.perform(get("/api/intake/items/{id}", id).with(caller)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.content.contactPhone").value(MASKED));
            mvc.perform(get("/api/intake/items/{id}/revisions", id).with(caller))
                    .andExpect(jsonPath("$[0].content.contactPhone").value(MASKED));
            mvc.perform(get("/api/intake/items").param("unitId", UNIT).with(caller)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].content.contactPhone").value(
                            org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(MASKED))));
        }
    }

    @Test
    void aFullNumberReadIsAuditedAndAMaskedOneIsNot() throws Exception {
        String id = item();
        String editor = "phone-room-" + UUID.randomUUID();
        String reader = "phone-viewer-" + UUID.randomUUID();
        mvc.perform(get("/api/intake/items/{id}", id).with(user(editor, null, "info-room"))).andExpect(status().isOk());
        mvc.perform(get("/api/intake/items/{id}", id).with(user(reader, null, "viewer"))).andExpect(status().isOk());

        mvc.perform(get("/api/intake/audit").param("actor", editor).with(KeycloakJwtUsers.auditor()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].action.method").value("GET"))
                .andExpect(jsonPath("$.entries[0].action.resourceIds.itemId").value(id))
                .andExpect(jsonPath("$.entries[0].action.resourceIds.personalData").value("contactPhone"));
        mvc.perform(get("/api/intake/audit").param("actor", reader).with(KeycloakJwtUsers.auditor()))
                .andExpect(jsonPath("$.total").value(0));
    }
}
