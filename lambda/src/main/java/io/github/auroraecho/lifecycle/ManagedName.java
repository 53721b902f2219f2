package io.github.auroraecho.lifecycle;

import java.util.Locale;

/**
 * The rule for a lifecycle's name, wherever it is given (the document, 2.x's {@code -n}, {@code status -n}, the
 * stack's settings): an RDS identifier in lower case. RDS stores cluster identifiers in lower case (CreateDBCluster,
 * "DBClusterIdentifier ... This parameter is stored as a lowercase string",
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html), while the stage tag's key
 * keeps the case it was given: a copy of {@code Reporting} would be named {@code reporting-...} and tagged
 * {@code aurora-echo:Reporting:stage}, seen by no run of {@code reporting}.
 */
public final class ManagedName {
    static final String SHAPE = "must be an RDS identifier (a letter first, then letters, digits and single hyphens, "
            + "no hyphen at the end)";

    private ManagedName() {
    }

    static String read(DocumentReader doc) {
        String name = doc.requiredString("managedName", Identifiers::isRdsIdentifier, SHAPE);
        return lowerCase(name, FieldMessages.field(doc.path("managedName")));
    }

    /** Checks a name given outside a document; {@code what} names where it was given (such as {@code -n}). */
    public static String check(String name, String what) {
        if (!Identifiers.isRdsIdentifier(name)) {
            throw new InvalidInputException(what + " " + SHAPE + ", not \"" + name + "\"");
        }
        return lowerCase(name, what);
    }

    private static String lowerCase(String name, String what) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(name)) {
            throw new InvalidInputException(what + " must be lower case, as RDS stores cluster names: use \""
                    + lower + "\", not \"" + name + "\"");
        }
        return name;
    }
}
