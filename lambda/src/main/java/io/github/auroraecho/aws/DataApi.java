package io.github.auroraecho.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The RDS Data API's ExecuteStatement as one signed REST-JSON call: modify's only use of the Data API,
 * for which the {@code rdsdata} module and the SDK's JSON protocol would add about half a megabyte to the
 * jar. A refusal is an {@link AwsServiceException} carrying the Data API's error code
 * ({@code DatabaseResumingException}), as the SDK client's exceptions carry it.
 */
public final class DataApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignedHttp http;
    private final URI endpoint;
    private final Region region;

    /** @param endpoint an emulator's endpoint, or null for the region's Data API endpoint */
    public DataApi(SignedHttp http, URI endpoint, Region region) {
        this.http = http;
        this.endpoint = endpoint != null ? endpoint
                : URI.create("https://" + SignedHttp.regionalHost("rds-data", region));
        this.region = region;
    }

    /**
     * Runs one statement in its own transaction (the Data API commits each call that names none); the
     * result set, if any, is not read.
     *
     * @param database null for the one the cluster's connection defaults to
     * @return AWS's request id, for the change's log line
     */
    public String executeStatement(String resourceArn, String secretArn, String database, String sql) {
        ObjectNode body = JSON.createObjectNode().put("resourceArn", resourceArn).put("secretArn", secretArn).put("sql", sql);
        if (database != null) {
            body.put("database", database);
        }
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/Execute"))
                .putHeader("Content-Type", "application/json")
                .build();
        SignedHttp.Response response = http.send(request, body.toString(), "rds-data", region.id(), "rds-data:ExecuteStatement");
        if (!response.ok()) {
            throw error(response);
        }
        return response.header("x-amzn-RequestId");
    }

    /**
     * AWS's REST-JSON error: the type in {@code x-amzn-ErrorType} (which may carry a {@code :http://...}
     * namespace suffix), else the body's {@code __type} (possibly {@code namespace#Type}) or {@code code};
     * the words in the body's {@code message}.
     */
    private static AwsServiceException error(SignedHttp.Response response) {
        JsonNode body = json(response.body());
        String type = response.header("x-amzn-ErrorType");
        if (type == null) {
            type = body.path("__type").asText(body.path("code").asText(null));
        }
        String code = type == null ? null : type.replaceFirst(":.*", "").replaceFirst(".*#", "");
        String message = body.path("message").asText(body.path("Message").asText("no message"));
        return response.refusal("RdsData", code, message);
    }

    /** The body as JSON, or an empty object when it is not JSON (a proxy's HTML page). */
    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
