package cn.gov.eqq.govinfo.reporting.integration;

import cn.gov.eqq.govinfo.testsupport.openapi.ClientReadyOpenApi;
import cn.gov.eqq.govinfo.testsupport.openapi.GeneratedJavaClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document reporting serves is one a generator can use: titled, the gateway, OAuth2, JSON, binary; and
 * the city's generator (openapi-generator, {@code -g java --library native}) makes a Java client of it that compiles.
 */
class ReportingOpenApiIT extends ReportingStack {

    @Test
    void openapiGeneratorsJavaClientOfTheServiceCompiles() throws Exception {
        byte[] spec = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(ClientReadyOpenApi.problemsOf(spec, "http://127.0.0.1:8080")).isEmpty();

        GeneratedJavaClient client = GeneratedJavaClient.generateAndCompile("reporting", spec);

        assertThat(client.sourceNames()).contains("DashboardFeedControllerApi.java", "CircularControllerApi.java",
                "Problem.java");
    }

    @Test
    void theServedDocumentDescribesTheApiAsAClientGeneratorNeedsIt() throws Exception {
        JsonNode api = codec.tree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api.get("info").get("title").asString()).startsWith("政务信息通报与考评 reporting");
        assertThat(api.get("info").get("version").asString()).isEqualTo("1.0");
        assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(api.get("components").get("securitySchemes").get("keycloak-dashboard").get("flows")
                .get("clientCredentials").get("tokenUrl").asString()).endsWith("/protocol/openid-connect/token");

        List<String> ids = new ArrayList<>();
        List<String> wildcard = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                ids.add(op.getValue().get("operationId").asString());
                for (Map.Entry<String, JsonNode> response : op.getValue().get("responses").properties()) {
                    JsonNode content = response.getValue().get("content");
                    if (content != null && content.has("*/*")) {
                        wildcard.add(op.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                }
                assertThat(op.getValue().get("responses").has("401")).as(path.getKey()).isTrue();
            }
        }
        assertThat(wildcard).isEmpty();
        assertThat(ids).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+$"));
        JsonNode docx = api.get("paths").get("/api/reporting/circulars/{id}/document.docx").get("get")
                .get("responses").get("200").get("content");
        assertThat(docx.get("application/vnd.openxmlformats-officedocument.wordprocessingml.document").get("schema")
                .get("format").asString()).isEqualTo("binary");
        assertThat(api.get("paths").get("/api/reporting/circulars").get("post").get("responses").has("201"))
                .isTrue();
    }
}
