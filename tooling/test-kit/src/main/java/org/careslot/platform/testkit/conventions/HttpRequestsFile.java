package org.careslot.platform.testkit.conventions;

import org.careslot.platform.testkit.EventContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders a service's OpenAPI document as a {@code .http} file (JetBrains HTTP Client, VS Code REST Client): one
 * request per operation through the gateway, with the bearer token where one is required, path parameters as
 * variables at the top and example bodies built from the schemas. {@code docs/http/<service>.http} is kept equal to
 * the rendering by {@link ServiceConventionsContract}.
 */
public final class HttpRequestsFile {

    /** System property: {@code true} writes the rendering to {@code docs/http/} instead of failing on a difference. */
    public static final String REGENERATE = "careslot.http.regenerate";
    public static final String GATEWAY = "http://localhost:8080";
    /** The platform's development administrator (README, Keycloak realm import default). */
    static final String DEV_ADMIN_EMAIL = "admin@example.com";
    static final String DEV_ADMIN_PASSWORD = "Admin.1234";
    static final String LOGIN_PATH = "/api/v1/user/login/";

    private static final List<String> METHOD_ORDER = List.of("get", "post", "put", "patch", "delete", "head",
            "options", "trace");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private final JsonNode document;
    private final String service;
    /** Path parameter name → example value, declared once at the top of the file. */
    private final Map<String, String> pathVariables = new TreeMap<>();

    private HttpRequestsFile(JsonNode document) {
        this.document = document;
        this.service = document.path("info").path("title").asString("service");
    }

    /** {@code identity-service} → {@code identity}, as the gateway names the service's route. */
    static String shortName(String service) {
        return service.endsWith("-service") ? service.substring(0, service.length() - "-service".length()) : service;
    }

    public static Path fileFor(JsonNode document) {
        return EventContract.repositoryRoot().resolve("docs/http")
                .resolve(shortName(document.path("info").path("title").asString("service")) + ".http");
    }

    /**
     * Fails when the committed file differs from the rendering, saying how to regenerate it; with
     * {@code -D}{@value #REGENERATE}{@code =true}, writes it instead.
     *
     * @param testClass the contract test of the service, named in the regeneration command
     */
    public static void verify(JsonNode document, Class<?> testClass) {
        String expected = render(document);
        Path file = fileFor(document);
        String module = document.path("info").path("title").asString("service");
        try {
            if (Boolean.getBoolean(REGENERATE)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected, StandardCharsets.UTF_8);
                return;
            }
            String committed = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            assertThat(committed)
                    .as("%s is not what the OpenAPI document of %s renders; regenerate it with%n"
                                    + "  ./mvnw -o -pl %s -am verify -Dtest=%s -D%s=true%nand commit the result",
                            EventContract.repositoryRoot().relativize(file), module, module,
                            testClass.getSimpleName(), REGENERATE)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** The whole file; deterministic (operations sorted by path and method). */
    public static String render(JsonNode document) {
        return new HttpRequestsFile(document).render();
    }

    private String render() {
        List<String> requests = new ArrayList<>();
        JsonNode paths = document.path("paths");
        List<String> sortedPaths = new ArrayList<>(paths.propertyNames());
        sortedPaths.sort(Comparator.naturalOrder());
        boolean identity = sortedPaths.contains(LOGIN_PATH);
        for (String path : sortedPaths) {
            JsonNode item = paths.get(path);
            List<String> methods = new ArrayList<>(item.propertyNames().stream().filter(METHOD_ORDER::contains).toList());
            methods.sort(Comparator.comparingInt(METHOD_ORDER::indexOf));
            for (String method : methods) {
                if (!(identity && path.equals(LOGIN_PATH) && method.equals("post"))) {
                    requests.add(request(path, method, item.get(method)));
                }
            }
        }
        StringBuilder file = new StringBuilder();
        file.append("# ").append(service).append(" through the gateway: one request per operation of its OpenAPI "
                + "document (GET /v3/api-docs/").append(shortName(service)).append(").\n");
        file.append("# GENERATED by ServiceConventionsContract (HttpRequestsFile): do not edit. After an API change,"
                + " regenerate with\n");
        file.append("#   ./mvnw -o -pl ").append(service).append(" -am verify -Dtest='*ConventionsTest' -D")
                .append(REGENERATE).append("=true\n");
        file.append("# For the JetBrains HTTP Client (IntelliJ IDEA) and VS Code's REST Client. {{token}}: run \"Log in\" "
                + "at the top of identity.http\n");
        file.append("# (the JetBrains client keeps the token as a global variable; in VS Code put the `access` it "
                + "answers into a `token`\n");
        file.append("# variable of rest-client.environmentVariables). Path parameters are the variables below: edit "
                + "them to real ids.\n\n");
        file.append("@gateway = ").append(GATEWAY).append('\n');
        pathVariables.forEach((name, value) -> file.append('@').append(name).append(" = ").append(value).append('\n'));
        file.append('\n');
        if (identity) {
            file.append(login()).append('\n');
        }
        file.append(String.join("\n", requests));
        return file.toString();
    }

    private static String login() {
        return "### Log in (development administrator; any account works) and keep the access token as {{token}}\n"
                + "# @name login\n"
                + "POST {{gateway}}" + LOGIN_PATH + "\n"
                + "Content-Type: application/json\n"
                + "Accept: application/json\n\n"
                + "{\n  \"email\" : \"" + DEV_ADMIN_EMAIL + "\",\n  \"password\" : \"" + DEV_ADMIN_PASSWORD + "\"\n}\n\n"
                + "> {%\n    client.global.set(\"token\", response.body.access);\n%}\n";
    }

    private String request(String path, String method, JsonNode operation) {
        StringBuilder request = new StringBuilder("### ");
        String summary = operation.path("summary").asString("");
        request.append(summary.isBlank() ? operation.path("operationId").asString(method + " " + path) : summary);
        request.append('\n');
        String target = path;
        List<String> query = new ArrayList<>();
        List<String> optionalQuery = new ArrayList<>();
        for (JsonNode parameter : parameters(operation)) {
            String name = parameter.path("name").asString("");
            String in = parameter.path("in").asString("");
            if (in.equals("path")) {
                String variable = variableName(path, name);
                pathVariables.putIfAbsent(variable, text(example(parameter.path("schema"), 0, variable), variable));
                target = target.replace("{" + name + "}", "{{" + variable + "}}");
            } else if (in.equals("query")) {
                if (parameter.path("required").asBoolean(false)) {
                    query.add(name + "=" + text(example(parameter.path("schema"), 0, name), name));
                } else {
                    optionalQuery.add(name);
                }
            }
        }
        if (!optionalQuery.isEmpty()) {
            request.append("# optional query parameters: ").append(String.join(", ", optionalQuery)).append('\n');
        }
        request.append(method.toUpperCase(Locale.ROOT)).append(" {{gateway}}").append(target);
        if (!query.isEmpty()) {
            request.append('?').append(String.join("&", query));
        }
        request.append('\n');
        if (requiresToken(operation)) {
            request.append("Authorization: Bearer {{token}}\n");
        }
        request.append("Accept: ").append(accept(operation)).append('\n');
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        if (content.has("application/json")) {
            request.append("Content-Type: application/json\n\n");
            request.append(JSON.writeValueAsString(example(content.get("application/json").path("schema"), 0, "")))
                    .append('\n');
        } else if (content.has("multipart/form-data")) {
            request.append("Content-Type: multipart/form-data; boundary=careslot\n\n");
            JsonNode schema = resolve(content.get("multipart/form-data").path("schema"));
            for (String part : schema.path("properties").propertyNames()) {
                JsonNode partSchema = resolve(schema.path("properties").get(part));
                request.append("--careslot\n");
                if ("binary".equals(partSchema.path("format").asString(""))
                        || partSchema.path("contentMediaType").isString()) {
                    request.append("Content-Disposition: form-data; name=\"").append(part)
                            .append("\"; filename=\"photo.jpg\"\nContent-Type: image/jpeg\n\n< ./photo.jpg\n");
                } else {
                    request.append("Content-Disposition: form-data; name=\"").append(part).append("\"\n\n")
                            .append(text(example(partSchema, 0, part), part)).append('\n');
                }
            }
            request.append("--careslot--\n");
        } else if (content.isObject() && !content.isEmpty()) {
            request.append("Content-Type: ").append(content.propertyNames().iterator().next()).append("\n\n");
        }
        return request.toString();
    }

    private List<JsonNode> parameters(JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        return parameters;
    }

    /**
     * {@code /users/{id}} → {@code user_id}: a bare {@code id} is named after the collection before it, so that ids
     * of different things get different variables.
     */
    static String variableName(String path, String parameter) {
        if (!parameter.equals("id")) {
            return parameter;
        }
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{id}")) {
                String collection = segments[i - 1].replace('-', '_');
                return (collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection)
                        + "_id";
            }
        }
        return parameter;
    }

    /** An explicit empty {@code security} marks a public operation; otherwise the document-wide requirement holds. */
    private boolean requiresToken(JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
        return security.isArray() && !security.isEmpty();
    }

    /** The success answer's media type; JSON when it has several (CSV variants are asked for with Accept). */
    private static String accept(JsonNode operation) {
        JsonNode responses = operation.path("responses");
        for (String status : responses.propertyNames()) {
            if (status.startsWith("2")) {
                JsonNode content = responses.get(status).path("content");
                if (content.has("application/json") || content.has("*/*") || content.isEmpty()) {
                    return "application/json";
                }
                return content.propertyNames().iterator().next();
            }
        }
        return "application/json";
    }

    private JsonNode resolve(JsonNode node) {
        for (int i = 0; i < MAX_DEPTH && node.has("$ref"); i++) {
            String ref = node.get("$ref").asString("");
            JsonNode target = document;
            for (String segment : ref.replaceFirst("^#/", "").split("/")) {
                target = target.path(segment);
            }
            node = target;
        }
        return node;
    }

    /** An example value for the schema: its own example, else the first enum value, else one made from its type. */
    private JsonNode example(JsonNode schemaOrRef, int depth, String name) {
        JsonNode schema = resolve(schemaOrRef);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            schema.get("allOf").forEach(part -> {
                JsonNode value = example(part, depth + 1, name);
                if (value.isObject()) {
                    merged.setAll((ObjectNode) value);
                }
            });
            return merged;
        }
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.path(alternatives).isArray() && !schema.path(alternatives).isEmpty()) {
                for (JsonNode alternative : schema.get(alternatives)) {
                    if (!"null".equals(type(resolve(alternative)))) {
                        return example(alternative, depth + 1, name);
                    }
                }
            }
        }
        String type = type(schema);
        if (type == null && schema.has("properties")) {
            type = "object";
        }
        if (type == null || depth > MAX_DEPTH) {
            return NODES.nullNode();
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                Map<String, JsonNode> properties = new LinkedHashMap<>();
                schema.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
                properties.forEach((member, property) -> {
                    if (!resolve(property).path("readOnly").asBoolean(false)) {
                        object.set(member, example(property, depth + 1, member));
                    }
                });
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(example(schema.path("items"), depth + 1, name));
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(schema.path("minimum").asDouble(1.0));
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> NODES.stringNode(stringExample(schema, name));
            default -> NODES.nullNode();
        };
    }

    /** OpenAPI 3.0 {@code type: x}, 3.1 {@code type: [x, "null"]}. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isString()) {
            return type.asString();
        }
        for (JsonNode candidate : type) {
            if (!"null".equals(candidate.asString(""))) {
                return candidate.asString();
            }
        }
        return null;
    }

    /** By format, else by the member's name for the few the API checks by shape (ids, e-mail, password). */
    private static String stringExample(JsonNode schema, String name) {
        String format = schema.path("format").asString("");
        if (format.isEmpty()) {
            format = name.equals("id") || name.endsWith("_id") ? "uuid" : name;
        }
        return switch (format) {
            case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
            case "date" -> "2030-01-15";
            case "date-time" -> "2030-01-15T09:00:00Z";
            case "time", "partial-time" -> "09:00";
            case "email" -> "user@example.com";
            case "uri", "url", "uri-reference" -> "https://example.com/";
            case "binary", "byte" -> "";
            case "password" -> "Secret.1234";
            case "role" -> "PATIENT";
            default -> "string";
        };
    }

    private static String text(JsonNode value, String name) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return name;
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
