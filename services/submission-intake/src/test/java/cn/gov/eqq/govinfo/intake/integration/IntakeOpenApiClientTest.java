package cn.gov.eqq.govinfo.intake.integration;

import cn.gov.eqq.govinfo.intake.integration.IntakeIntegrationTest;
import cn.gov.eqq.govinfo.testsupport.openapi.ClientReadyOpenApi;
import cn.gov.eqq.govinfo.testsupport.openapi.GeneratedJavaClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The city's generator (openapi-generator 7.17, {@code -g java --library native}) makes a Java client of intake's
 * OpenAPI document that compiles, and the document is one a generator can use (the gateway, OAuth2, one shape per
 * path, problem+json errors, stable operationIds).
 */
class IntakeOpenApiClientTest extends IntakeIntegrationTest {

    @Test
    void openapiGeneratorsJavaClientOfIntakeCompiles() throws Exception {
        byte[] spec = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(ClientReadyOpenApi.problemsOf(spec, "http://127.0.0.1:8080")).isEmpty();

        GeneratedJavaClient client = GeneratedJavaClient.generateAndCompile("intake", spec);

        assertThat(client.sourceNames()).contains("Problem.java", "AuditLineView.java");
    }

    @Test
    void theRoomsEntryForAUnitIsDocumentedWithItsBodyAndTheMarkOnTheItem() throws Exception {
        String spec = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        String post = "$.paths['/api/intake/items/on-behalf'].post";
        assertThat((String) JsonPath.read(spec, post + ".operationId")).isEqualTo("enterItemOnBehalf");
        assertThat((String) JsonPath.read(spec, post + ".summary")).contains("代录");
        assertThat((java.util.Map<String, Object>) JsonPath.read(spec, "$.components.schemas.OnBehalfInput.properties"))
                .containsKeys("unitId", "sentAt", "title", "body");
        assertThat((java.util.Map<String, Object>) JsonPath.read(spec, "$.components.schemas.ItemView.properties"))
                .containsKey("enteredOnBehalf");
    }
}
