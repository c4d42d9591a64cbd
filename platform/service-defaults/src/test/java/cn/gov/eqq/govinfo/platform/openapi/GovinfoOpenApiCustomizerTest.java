package cn.gov.eqq.govinfo.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared rules applied to a document shaped like the ones springdoc produces for the services. */
class GovinfoOpenApiCustomizerTest {

    private final GovinfoOpenApiCustomizer customizer = new GovinfoOpenApiCustomizer(new OpenApiProperties(
            "政务信息通报与考评 reporting", "1.0", "说明", "https://gov.example/gw",
            "https://id.example/realms/govinfo"));

    private static Operation op(String id, String responseType, io.swagger.v3.oas.models.media.Schema<?> schema) {
        return new Operation().operationId(id).responses(new ApiResponses().addApiResponse("200",
                new ApiResponse().description("OK").content(new Content().addMediaType(responseType,
                        new MediaType().schema(schema)))));
    }

    private OpenAPI document() {
        Paths paths = new Paths();
        paths.addPathItem("/api/reporting/circulars", new PathItem()
                .get(op("list", "*/*", new ObjectSchema()))
                .post(op("create", "*/*", new ObjectSchema()).requestBody(new RequestBody())));
        paths.addPathItem("/api/reporting/circulars/{id}/document.docx", new PathItem()
                .get(op("docx", "*/*", new StringSchema().format("byte"))));
        paths.addPathItem("/api/reporting/audit", new PathItem().get(op("list_1", "*/*", new ObjectSchema())));
        OpenAPI api = new OpenAPI().components(new Components()).paths(paths);
        customizer.customise(api);
        return api;
    }

    @Test
    void theDocumentNamesTheServiceTheGatewayAndBothOauthFlows() {
        OpenAPI api = document();
        assertThat(api.getInfo().getTitle()).isEqualTo("政务信息通报与考评 reporting");
        assertThat(api.getInfo().getVersion()).isEqualTo("1.0");
        assertThat(api.getServers()).singleElement().satisfies(s -> assertThat(s.getUrl())
                .isEqualTo("https://gov.example/gw"));
        var schemes = api.getComponents().getSecuritySchemes();
        assertThat(schemes.get("keycloak-people").getFlows().getAuthorizationCode().getAuthorizationUrl())
                .isEqualTo("https://id.example/realms/govinfo/protocol/openid-connect/auth");
        assertThat(schemes.get("keycloak-dashboard").getFlows().getClientCredentials().getTokenUrl())
                .isEqualTo("https://id.example/realms/govinfo/protocol/openid-connect/token");
        assertThat(api.getSecurity()).hasSize(2);
    }

    @Test
    void responsesAreJsonProblemsAndBinaryDownloadsWithTheirMediaType() {
        OpenAPI api = document();
        Operation list = api.getPaths().get("/api/reporting/circulars").getGet();
        assertThat(list.getResponses().get("200").getContent()).containsOnlyKeys("application/json");
        assertThat(list.getResponses()).containsKeys("401", "403").doesNotContainKeys("400", "404", "409");
        assertThat(list.getResponses().get("401").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        Operation create = api.getPaths().get("/api/reporting/circulars").getPost();
        assertThat(create.getResponses()).containsKeys("400", "401", "403", "409");
        Operation docx = api.getPaths().get("/api/reporting/circulars/{id}/document.docx").getGet();
        assertThat(docx.getResponses().get("200").getContent()).containsOnlyKeys(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.getResponses().get("200").getContent().values().iterator().next().getSchema().getFormat())
                .isEqualTo("binary");
        assertThat(docx.getResponses()).containsKey("404");
        assertThat(api.getComponents().getSchemas()).containsKey("Problem");
    }

    @Test
    void operationIdsDoNotDependOnScanOrder() {
        OpenAPI api = document();
        assertThat(api.getPaths().get("/api/reporting/circulars").getGet().getOperationId())
                .isEqualTo("getCirculars");
        assertThat(api.getPaths().get("/api/reporting/audit").getGet().getOperationId()).isEqualTo("getAudit");
        assertThat(api.getPaths().get("/api/reporting/circulars").getPost().getOperationId()).isEqualTo("create");
        assertThat(api.getPaths().get("/api/reporting/circulars/{id}/document.docx").getGet().getOperationId())
                .isEqualTo("docx");
        assertThat(GovinfoOpenApiCustomizer.pathName(PathItem.HttpMethod.POST,
                "/api/reporting/circulars/{id}/objections/{objectionId}/resolution"))
                .isEqualTo("postCircularsByIdObjectionsByObjectionIdResolution");
    }
}
