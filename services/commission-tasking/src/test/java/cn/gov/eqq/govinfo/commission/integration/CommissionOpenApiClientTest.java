package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.testsupport.openapi.ClientReadyOpenApi;
import cn.gov.eqq.govinfo.testsupport.openapi.GeneratedJavaClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The city's generator (openapi-generator 7.17, {@code -g java --library native}) makes a Java client of
 * commission-tasking's OpenAPI document that compiles, and the document is one a generator can use.
 */
class CommissionOpenApiClientTest extends CommissionAppTestBase {

    @Test
    void openapiGeneratorsJavaClientOfCommissionTaskingCompiles() throws Exception {
        byte[] spec = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(ClientReadyOpenApi.problemsOf(spec, "http://127.0.0.1:8080")).isEmpty();

        GeneratedJavaClient client = GeneratedJavaClient.generateAndCompile("commission", spec);

        assertThat(client.sourceNames()).contains("Problem.java");
    }

    @Test
    void aDeadlineIsDeclaredAsTheBeijingTimeWithoutAnOffsetThatTheServiceAnswers() throws Exception {
        String spec = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        tools.jackson.databind.JsonNode deadline = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(spec).at("/components/schemas/CommissionView/properties/deadline");

        // a date-time would make a generated client expect an offset the answer does not have
        assertThat(deadline.path("type").asString()).isEqualTo("string");
        assertThat(deadline.has("format")).isFalse();
        assertThat("2026-12-06T21:53:00").matches(deadline.path("pattern").asString());
    }
}
