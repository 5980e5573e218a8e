package se.partnerskap.publicsite.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API reference page's content, read from the OpenAPI description springdoc writes ({@code /api/v1/openapi.json}),
 * so that the page for people and the description for programs cannot disagree: every address with its summary, its
 * parameters and its answers.
 */
@Component
public class ApiReference {

    public record Parameter(String name, String in, boolean required, String description) {
    }

    public record Answer(String status, String description, String mediaTypes) {
    }

    public record Address(String id, String method, String path, String summary, String description,
            List<Parameter> parameters, List<Answer> answers) {
    }

    private final OpenApiWebMvcResource openApi;
    private final JsonMapper json;

    ApiReference(OpenApiWebMvcResource openApi, JsonMapper json) {
        this.openApi = openApi;
        this.json = json;
    }

    /** The description as springdoc writes it for this request's server. */
    String description(HttpServletRequest request) {
        try {
            return new String(openApi.openapiJson(request, "/api/v1/openapi.json", Locale.ENGLISH), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("The OpenAPI description could not be written", e);
        }
    }

    List<Address> addresses(HttpServletRequest request) {
        JsonNode api = json.readTree(description(request));
        List<Address> addresses = new ArrayList<>();
        List<String> paths = new ArrayList<>(api.path("paths").propertyNames());
        paths.sort(null);
        for (String path : paths) {
            JsonNode operations = api.path("paths").path(path);
            for (String method : operations.propertyNames()) {
                JsonNode op = operations.path(method);
                List<Parameter> parameters = new ArrayList<>();
                op.path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asString(),
                        p.path("in").asString(), p.path("required").asBoolean(false), p.path("description").asString(""))));
                List<Answer> answers = new ArrayList<>();
                for (String status : op.path("responses").propertyNames()) {
                    JsonNode r = op.path("responses").path(status);
                    answers.add(new Answer(status, r.path("description").asString(""),
                            String.join(", ", r.path("content").propertyNames())));
                }
                addresses.add(new Address(path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", ""),
                        method.toUpperCase(Locale.ROOT), path, op.path("summary").asString(""),
                        op.path("description").asString(""), parameters, answers));
            }
        }
        return addresses;
    }
}
