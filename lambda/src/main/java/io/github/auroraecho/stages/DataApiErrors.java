package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.DataApiAvailability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an RDS Data API error means for modify's SQL: the statement's own error, a database that cannot
 * take SQL yet, or the Data API refusing the call on this copy. The Data API reference (ExecuteStatement,
 * Errors, https://docs.aws.amazon.com/rdsdataservice/latest/APIReference/API_ExecuteStatement.html):
 * DatabaseErrorException "There was an error in processing the SQL statement."; BadRequestException
 * "There is an error in the call or in a SQL statement. (This error only appears in calls from Aurora
 * Serverless v1 databases.)", so on the provisioned and Serverless v2 copies modify makes it refuses the call.
 */
final class DataApiErrors {
    enum Kind {
        /** The database cannot take SQL yet but will: the next run tries again. */
        NOT_YET,
        /** The statement failed: the document must fix it. */
        STATEMENT,
        /** The Data API refused the call on this copy: no statement is to blame. */
        REFUSED
    }

    private static final Set<String> NOT_YET = Set.of(
            "DatabaseResumingException", "DatabaseUnavailableException", "HttpEndpointNotEnabledException");

    private DataApiErrors() {
    }

    static Kind of(String code, String message) {
        String words = lower(message);
        // The answer before HttpEndpointNotEnabledException existed: "HttpEndpoint is not enabled for cluster ...".
        if (NOT_YET.contains(code) || "BadRequestException".equals(code) && words.contains("httpendpoint is not enabled")) {
            return Kind.NOT_YET;
        }
        return "DatabaseErrorException".equals(code) || "StatementTimeoutException".equals(code) ? Kind.STATEMENT : Kind.REFUSED;
    }

    /** What the operator can do about a refusal, from what AWS documents; empty when AWS's words say it all. */
    static String hint(String code, String message, String engine, String engineVersion) {
        String words = lower(message);
        List<String> hints = new ArrayList<>();
        if (words.contains("instance class")) {
            hints.add("AWS does not offer the Data API on T DB instance classes: give the copy's instance another "
                    + "class, or let the next copy be made with the document's dbInstanceClass");
        }
        if ("AccessDeniedException".equals(code) || "ForbiddenException".equals(code)) {
            hints.add("the function's role (modify's, or promote's for verify) needs rds-data:* on the copy and "
                    + "secretsmanager:GetSecretValue on its managed secret (see docs/secure-copies.md, Permissions)");
        }
        if ("InvalidSecretException".equals(code) || "SecretsErrorException".equals(code)) {
            hints.add("the Data API could not use the copy's managed secret");
        }
        if (words.contains("password") || words.contains("authentication")) {
            DataApiAvailability.passwordNote(engine, engineVersion).ifPresent(hints::add);
        }
        return hints.isEmpty() ? "" : "; " + String.join("; ", hints);
    }

    private static String lower(String message) {
        return message == null ? "" : message.toLowerCase(Locale.ROOT);
    }
}
