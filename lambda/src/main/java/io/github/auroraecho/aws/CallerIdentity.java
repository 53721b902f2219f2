package io.github.auroraecho.aws;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;

/**
 * Who the credentials are (STS GetCallerIdentity), asked by one signed query: the account the CLI's
 * {@code -a} checks, and the account and partition that turn role names into ARNs. The STS module would
 * add its whole client to the jar for this one read.
 */
public final class CallerIdentity {
    /** The caller's account and ARN ({@code arn:aws:sts::123456789012:assumed-role/...}). */
    public record Identity(String account, String arn) {
        /** {@code aws}, {@code aws-cn}, {@code aws-us-gov}: the partition role ARNs must name. */
        public String partition() {
            return arn.split(":", 3)[1];
        }
    }

    private static final String QUERY = "Action=GetCallerIdentity&Version=2011-06-15";

    private final SignedHttp http;
    private final URI endpoint;
    private final Region region;

    /** @param endpoint an emulator's endpoint, or null for the region's STS endpoint */
    public CallerIdentity(SignedHttp http, URI endpoint, Region region) {
        this.http = http;
        // Regional, as the SDK's STS client calls it: the global endpoint is one region's and slower elsewhere.
        this.endpoint = endpoint != null ? endpoint
                : URI.create("https://" + SignedHttp.regionalHost("sts", region));
        this.region = region;
    }

    public Identity get() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
        SignedHttp.Response response = http.send(request, QUERY, "sts", region.id(), "sts:GetCallerIdentity");
        Document xml = parse(response);
        if (!response.ok()) {
            throw response.refusal("Sts", text(xml, "Code", null), text(xml, "Message", "no message"));
        }
        String account = text(xml, "Account", null);
        String arn = text(xml, "Arn", null);
        if (account == null || arn == null) {
            throw new IllegalStateException("STS GetCallerIdentity answered without an account and ARN: "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return new Identity(account, arn);
    }

    /** The answer as XML, or null when it is not (a proxy's HTML page): an error then names the HTTP status. */
    private static Document parse(SignedHttp.Response response) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // No document type at all: STS sends none, and refusing one rules out entity expansion.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(Document xml, String element, String otherwise) {
        NodeList nodes = xml == null ? null : xml.getElementsByTagName(element);
        return nodes == null || nodes.getLength() == 0 ? otherwise : nodes.item(0).getTextContent().trim();
    }
}
