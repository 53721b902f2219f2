package io.github.auroraecho.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A failed AWS call in words: which call, to which endpoint, what AWS (or the network) said, and what to do. The
 * SDK's own text names neither the endpoint of a connection error nor anything for an answer without a body
 * ({@code failed with null: null}).
 */
public final class AwsFailure {
    private AwsFailure() {
    }

    /**
     * @param action   the IAM action of the call ({@link AwsClients#lastAction()}), or null
     * @param endpoint where it was sent ({@link AwsClients#lastEndpoint()}), or null
     */
    public static String describe(SdkException e, String action, String endpoint) {
        String call = action == null ? "an AWS call" : action;
        String at = endpoint == null ? "" : " at " + endpoint;
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
            if (service.statusCode() == 403 || (code != null && (code.contains("AccessDenied") || code.contains("NotAuthorized")
                    || code.contains("Unauthorized")))) {
                return "missing permission " + call + " (" + code + "): " + message;
            }
            if (code == null && message == null) {
                return call + at + " answered HTTP " + service.statusCode() + " with no error code or message (request id "
                        + service.requestId() + ")" + (service.statusCode() >= 500
                        ? ": a failure on AWS's side, still there after the SDK's retries; run again later, and if it "
                        + "persists look at the AWS Health Dashboard for the service in this region"
                        : ": check the endpoint (--endpoint, AWS_ENDPOINT_URL) is an AWS API");
            }
            return call + " failed with " + code + ": " + message;
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Unable to execute HTTP request")) {
            return call + " could not reach " + (endpoint == null ? "its endpoint" : endpoint) + ": " + rootCause(e)
                    + ". Check the region, the endpoint (--endpoint, AWS_ENDPOINT_URL) and the network (DNS, proxy, "
                    + "firewall, VPC endpoints) between here and AWS.";
        }
        return call + " failed: " + e.getMessage();
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
