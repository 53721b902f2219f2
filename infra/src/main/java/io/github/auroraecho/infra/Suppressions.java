package io.github.auroraecho.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import software.amazon.awscdk.Stack;

import java.util.List;

/** Every cdk-nag AwsSolutions finding this stack accepts, each with the reason it is acceptable. */
final class Suppressions {
    private Suppressions() {
    }

    static void apply(Stack stack) {
        // Filled in from the findings of the AwsSolutions pack.
    }

    static NagPackSuppression suppress(String id, String reason, List<Object> appliesTo) {
        NagPackSuppression.Builder builder = NagPackSuppression.builder().id(id).reason(reason);
        if (appliesTo != null) {
            builder.appliesTo(appliesTo);
        }
        return builder.build();
    }

}
