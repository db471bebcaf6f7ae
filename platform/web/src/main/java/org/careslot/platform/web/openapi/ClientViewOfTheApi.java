package org.careslot.platform.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites the generated document into what a client (or a client generator) really meets through the gateway:
 * <ul>
 *   <li>the canonical Django-style paths with the trailing slash (controllers map the bare form, which also works);</li>
 *   <li>the service's public endpoints ({@code careslot.web.public-endpoints}) without a security requirement;</li>
 *   <li>every operation's RFC 9457 answers with a {@code Problem} schema: 400 where it takes a body or query input,
 *       401 where a token is required, 404 where the path names something; an operation's own documented answers
 *       are kept. An operation with none of these (a public list without parameters) documents 406, which any
 *       operation answers to an {@code Accept} it cannot serve.</li>
 * </ul>
 * 403 is added per operation by {@link RoleCheckResponses}, which sees the handler's role checks.
 */
final class ClientViewOfTheApi implements GlobalOpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "Problem";

    private final List<PathPattern> publicEndpoints;
    private final List<String> publicMethods;

    /** @param publicEndpoints entries of {@code careslot.web.public-endpoints}: {@code [METHOD ]/path/pattern} */
    ClientViewOfTheApi(List<String> publicEndpoints) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.publicEndpoints = publicEndpoints.stream().map(e -> parser.parse(pathOf(e))).toList();
        this.publicMethods = publicEndpoints.stream().map(ClientViewOfTheApi::methodOf).toList();
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.schema(PROBLEM_SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        Paths canonical = new Paths();
        openApi.getPaths().forEach((path, item) -> {
            item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation));
            String withSlash = path.endsWith("/") ? path : path + "/";
            canonical.addPathItem(withSlash, merge(canonical.get(withSlash), item));
        });
        canonical.setExtensions(openApi.getPaths().getExtensions());
        openApi.setPaths(canonical);
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean isPublic = isPublic(path, method) || operation.getSecurity() != null && operation.getSecurity().isEmpty();
        if (isPublic) {
            operation.setSecurity(List.of());
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean takesInput = operation.getRequestBody() != null
                || parameters.stream().anyMatch(p -> !"path".equals(p.getIn()) || !isUuidOrText(p));
        if (takesInput) {
            addIfAbsent(responses, "400", "Invalid input: `errors` names each failing field or parameter "
                    + "(snake_case) with its messages.");
        }
        if (!isPublic) {
            addIfAbsent(responses, "401", "No bearer token, or an invalid or expired one.");
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            addIfAbsent(responses, "404", "Nothing with this id, or nothing the caller may see.");
        }
        if (responses.keySet().stream().noneMatch(ClientViewOfTheApi::isClientError)) {
            addIfAbsent(responses, "406", "The Accept header excludes every type this operation answers with.");
        }
        responses.forEach((status, response) -> {
            if (isClientError(status) || status.startsWith("5")) {
                withProblemContent(response);
            }
        });
    }

    /** A UUID path id that is not one answers 404 (platform PathIds), not 400; an integer id that is not one, 400. */
    private static boolean isUuidOrText(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        return schema == null || schema.getType() == null || "string".equals(schema.getType());
    }

    private boolean isPublic(String path, PathItem.HttpMethod method) {
        PathContainer container = PathContainer.parsePath(path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1) : path);
        for (int i = 0; i < publicEndpoints.size(); i++) {
            String wanted = publicMethods.get(i);
            if ((wanted == null || wanted.equals(method.name())) && publicEndpoints.get(i).matches(container)) {
                return true;
            }
        }
        return false;
    }

    static boolean isClientError(String status) {
        return status.startsWith("4");
    }

    static void addIfAbsent(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    /** The problem+json body, unless the operation documented its own schema for it. */
    static void withProblemContent(ApiResponse response) {
        Content content = response.getContent();
        if (content == null) {
            content = new Content();
            response.setContent(content);
        }
        // springdoc's default for an undeclared error body; the platform's handler only ever answers problem+json
        content.remove("*/*");
        MediaType problem = content.get(PROBLEM_JSON);
        if (problem == null) {
            problem = new MediaType();
            content.addMediaType(PROBLEM_JSON, problem);
        }
        if (problem.getSchema() == null) {
            problem.setSchema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
        }
    }

    private static PathItem merge(PathItem into, PathItem item) {
        if (into == null) {
            return item;
        }
        item.readOperationsMap().forEach((method, operation) -> into.operation(method, operation));
        return into;
    }

    static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details. `errors` is present on validation failures (400) and names "
                        + "each failing field or parameter (snake_case) with its messages.")
                .addProperty("type", new StringSchema().format("uri-reference").example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("Some fields are invalid."))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new MapSchema().additionalProperties(
                        new ArraySchema().items(new StringSchema())).example(Map.of("phone",
                        List.of("Phone must start with +88 followed by 11 digits (14 characters), e.g. +8801712345678."))));
    }

    private static String pathOf(String endpoint) {
        String[] parts = endpoint.trim().split("\\s+", 2);
        return parts.length == 2 ? parts[1] : parts[0];
    }

    private static String methodOf(String endpoint) {
        String[] parts = endpoint.trim().split("\\s+", 2);
        return parts.length == 2 ? parts[0].toUpperCase(Locale.ROOT) : null;
    }
}
