package cn.gov.eqq.govinfo.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every service's OpenAPI document says the same way, so that a generated client (openapi-generator) works
 * against the gateway: the title and version of the service, the gateway as the only server, the OAuth2 schemes of
 * Keycloak (authorization code for people, client credentials for the city dashboard), RFC 9457 problems declared
 * for the 4xx answers, {@code application/json} instead of {@code *}{@code /*}, binary downloads with their media
 * types, and operationIds that do not depend on the order in which springdoc scanned the controllers.
 */
public class GovinfoOpenApiCustomizer implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String JSON = "application/json";
    static final String PEOPLE = "keycloak-people";
    static final String DASHBOARD = "keycloak-dashboard";
    static final Map<String, String> DOWNLOADS = Map.of(
            ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".csv", "text/csv",
            ".pdf", "application/pdf");

    private final OpenApiProperties properties;

    public GovinfoOpenApiCustomizer(OpenApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customise(OpenAPI api) {
        api.setInfo(new Info().title(properties.title()).version(properties.version())
                .description(properties.description()));
        api.setServers(List.of(new Server().url(properties.serverUrl()).description("网关（gateway）")));
        securitySchemes(api);
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        Map<String, Integer> baseNames = new HashMap<>();
        forEachOperation(api, (path, method, op) -> baseNames.merge(baseName(op), 1, Integer::sum));
        forEachOperation(api, (path, method, op) -> {
            op.setOperationId(baseNames.get(baseName(op)) == 1 ? baseName(op) : pathName(method, path));
            responses(path, method, op);
        });
    }

    private void securitySchemes(OpenAPI api) {
        String issuer = properties.issuerUri();
        String token = issuer + "/protocol/openid-connect/token";
        api.getComponents()
                .addSecuritySchemes(PEOPLE, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                        .description("政务信息系统用户：Keycloak 授权码（PKCE）登录")
                        .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                                .authorizationUrl(issuer + "/protocol/openid-connect/auth").tokenUrl(token)
                                .scopes(new Scopes().addString("openid", "OpenID Connect")))))
                .addSecuritySchemes(DASHBOARD, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                        .description("市考核看板：客户端凭据（client credentials），客户端 city-dashboard")
                        .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(token)
                                .scopes(new Scopes()))));
        api.setSecurity(List.of(new SecurityRequirement().addList(PEOPLE), new SecurityRequirement().addList(DASHBOARD)));
    }

    static Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema());
        error.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem; detail is Chinese for people, code is stable for machines");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri"));
        problem.addProperty("code", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(error));
        return problem;
    }

    private void responses(String path, PathItem.HttpMethod method, Operation op) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        op.setResponses(responses);
        String download = DOWNLOADS.keySet().stream().filter(path::endsWith).findFirst().map(DOWNLOADS::get)
                .orElse(null);
        responses.forEach((status, response) -> {
            Content content = response.getContent();
            if (content == null || content.isEmpty()) {
                return;
            }
            Content fixed = new Content();
            content.forEach((type, media) -> {
                if (isBinary(media.getSchema())) {
                    media.setSchema(new StringSchema().format("binary"));
                    fixed.addMediaType(download != null ? download
                            : "*/*".equals(type) ? "application/octet-stream" : type, media);
                } else if (status.startsWith("4") || status.startsWith("5")) {
                    fixed.addMediaType(PROBLEM_JSON, problemMedia());
                } else {
                    fixed.addMediaType("*/*".equals(type) ? JSON : type, media);
                }
            });
            response.setContent(fixed);
        });
        boolean hasBody = op.getRequestBody() != null;
        boolean hasId = path.contains("{");
        addProblem(responses, "400", "请求有误（参数或请求体不合规）", hasBody || op.getParameters() != null);
        addProblem(responses, "401", "未登录或令牌无效", true);
        addProblem(responses, "403", "无权访问", true);
        addProblem(responses, "404", "不存在", hasId);
        addProblem(responses, "409", "与当前状态冲突", method != PathItem.HttpMethod.GET);
    }

    private static boolean isBinary(Schema<?> schema) {
        return schema != null && "string".equals(schema.getType() == null && schema.getTypes() != null
                ? schema.getTypes().iterator().next() : schema.getType())
                && ("byte".equals(schema.getFormat()) || "binary".equals(schema.getFormat()));
    }

    private static MediaType problemMedia() {
        return new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
    }

    private static void addProblem(ApiResponses responses, String status, String description, boolean applies) {
        if (applies && !responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(PROBLEM_JSON, problemMedia())));
        }
    }

    /** springdoc's id without the {@code _1} it adds to the second operation of the same method name. */
    private static String baseName(Operation op) {
        String id = op.getOperationId() == null ? "operation" : op.getOperationId();
        return id.replaceAll("_\\d+$", "");
    }

    /** {@code GET /api/reporting/circulars/{id}/document.docx} → {@code getCircularsByIdDocumentDocx}. */
    static String pathName(PathItem.HttpMethod method, String path) {
        StringBuilder name = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        String[] segments = path.replaceFirst("^/api/[^/]+", "").split("/");
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{")) {
                name.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return name.toString();
    }

    private interface OperationVisitor {
        void visit(String path, PathItem.HttpMethod method, Operation op);
    }

    private static void forEachOperation(OpenAPI api, OperationVisitor visitor) {
        List<String> paths = new ArrayList<>(api.getPaths().keySet());
        for (String path : paths) {
            Map<PathItem.HttpMethod, Operation> ops = new LinkedHashMap<>(api.getPaths().get(path).readOperationsMap());
            ops.forEach((method, op) -> visitor.visit(path, method, op));
        }
    }
}
