package io.github.auroraecho.aws;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads whole S3 objects (modify's SQL scripts) with one signed GET each. A bucket in another region
 * answers with its region, and the read is made once more there; an emulator is addressed by path.
 */
public final class S3Objects {
    /** SHA-256 of no bytes: a GET has no payload, and S3 wants its hash in a header. */
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    private final SignedHttp http;
    private final URI endpoint;
    private final Region region;

    /** @param endpoint an emulator's endpoint, or null for AWS */
    public S3Objects(SignedHttp http, URI endpoint, Region region) {
        this.http = http;
        this.endpoint = endpoint;
        this.region = region;
    }

    public String read(String bucket, String key) {
        SignedHttp.Response response = get(bucket, key, region.id());
        String otherRegion = response.header("x-amz-bucket-region");
        if (!response.ok() && otherRegion != null && !otherRegion.equals(region.id())) {
            response = get(bucket, key, otherRegion);
        }
        if (!response.ok()) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw response.refusal("S3", first(CODE, body, null),
                    "s3:GetObject on s3://" + bucket + "/" + key + ": " + first(MESSAGE, body, "no message"));
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private SignedHttp.Response get(String bucket, String key, String bucketRegion) {
        String path = "/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
        URI uri = endpoint != null
                ? endpoint.resolve("/" + bucket + path)
                // Path style where a dot in the bucket name would break the virtual host's TLS certificate.
                : bucket.contains(".")
                ? URI.create("https://" + SignedHttp.regionalHost("s3", Region.of(bucketRegion)) + "/" + bucket + path)
                : URI.create("https://" + bucket + "." + SignedHttp.regionalHost("s3", Region.of(bucketRegion)) + path);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri)
                .putHeader("x-amz-content-sha256", EMPTY_SHA256)
                .build();
        return http.send(request, null, "s3", bucketRegion, "s3:GetObject");
    }

    private static String first(Pattern pattern, String text, String otherwise) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : otherwise;
    }
}
