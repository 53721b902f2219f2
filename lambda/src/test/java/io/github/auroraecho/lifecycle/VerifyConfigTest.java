package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.github.auroraecho.testing.BadInputs.newDoc;
import static io.github.auroraecho.testing.BadInputs.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document's {@code verify}: promote's checks before it serves a copy, read strictly, and how each one judges its rows. */
class VerifyConfigTest {

    private static String doc(String verify) {
        return "{\"managedName\": \"staging\", \"manageMasterUserPassword\": true, \"verify\": " + verify + "}";
    }

    private static Check check(String json) {
        return LifecycleConfig.parse(doc("[" + json + "]"), Operation.MODIFY).verification().checks().get(0);
    }

    @Test
    void readsEachKindOfCheckInOrder() {
        LifecycleConfig config = LifecycleConfig.parse(doc("""
                [{"name": "no real e-mail addresses", "sql": "SELECT count(*) FROM users WHERE email NOT LIKE '%@example.invalid'", "database": "app", "expect": 0},
                 {"name": "orders copied", "sql": "SELECT count(*) FROM orders", "database": "app", "atLeast": 1000},
                 {"name": "schema version", "s3": "s3://checks/schema.sql", "expect": "2026.11"},
                 {"name": "sessions bounded", "sql": "SELECT count(*) FROM sessions", "atLeast": 0, "atMost": 10.5},
                 {"name": "scrubbed flag", "sql": "SELECT scrubbed FROM meta", "expect": true}]"""), Operation.MODIFY);
        List<Check> checks = config.verification().checks();
        assertEquals(List.of("no real e-mail addresses", "orders copied", "schema version", "sessions bounded", "scrubbed flag"),
                checks.stream().map(Check::name).toList());
        assertEquals(new SqlScript("SELECT count(*) FROM orders", null, "app"), checks.get(1).statement());
        assertEquals(new SqlScript(null, "s3://checks/schema.sql", null), checks.get(2).statement());
        assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) checks.get(0).expect()));
        assertEquals("at least 1000", checks.get(1).expected());
        assertEquals("\"2026.11\"", checks.get(2).expected());
        assertEquals("between 0 and 10.5", checks.get(3).expected());
        assertEquals(Boolean.TRUE, checks.get(4).expect());
    }

    @Test
    void aDocumentWithoutVerifyHasNoChecks() {
        assertTrue(LifecycleConfig.parse("{\"managedName\": \"staging\"}", Operation.MODIFY).verification().isEmpty());
    }

    @Test
    void aCheckPassesOnlyOnOneRowWhoseFirstColumnMeetsItsExpectation() {
        Check atLeast = check("{\"name\": \"orders copied\", \"sql\": \"SELECT count(*) FROM orders\", \"atLeast\": 1000}");
        assertEquals(Optional.empty(), atLeast.failure(List.of(1000L)));
        assertEquals(Optional.of("check \"orders copied\" found 5, expected at least 1000"), atLeast.failure(List.of(5L)));
        assertEquals(Optional.of("check \"orders copied\" found no row, expected one row with at least 1000"),
                atLeast.failure(List.of()));
        assertEquals(Optional.of("check \"orders copied\" found 2 rows, expected one row with at least 1000"),
                atLeast.failure(List.of(2000L, 3000L)));
        assertEquals(Optional.of("check \"orders copied\" found NULL, expected at least 1000"),
                atLeast.failure(Arrays.asList((Object) null)));
        // The Data API gives DECIMAL columns as text.
        assertEquals(Optional.empty(), atLeast.failure(List.of("1000.00")));

        Check zero = check("{\"name\": \"no real e-mail addresses\", \"sql\": \"SELECT 1\", \"expect\": 0}");
        assertEquals(Optional.empty(), zero.failure(List.of(0L)));
        assertEquals(Optional.of("check \"no real e-mail addresses\" found 3, expected 0"), zero.failure(List.of(3L)));
        assertEquals(Optional.of("check \"no real e-mail addresses\" found \"none\", expected 0"), zero.failure(List.of("none")));

        Check text = check("{\"name\": \"source\", \"sql\": \"SELECT 1\", \"expect\": \"prod\"}");
        assertEquals(Optional.empty(), text.failure(List.of("prod")));
        assertEquals(Optional.of("check \"source\" found \"staging\", expected \"prod\""), text.failure(List.of("staging")));

        Check flag = check("{\"name\": \"scrubbed\", \"sql\": \"SELECT 1\", \"expect\": true}");
        assertEquals(Optional.empty(), flag.failure(List.of(true)));
        assertEquals(Optional.of("check \"scrubbed\" found false, expected true"), flag.failure(List.of(false)));

        Check range = check("{\"name\": \"ratio\", \"sql\": \"SELECT 1\", \"atLeast\": 0.5, \"atMost\": 1}");
        assertEquals(Optional.empty(), range.failure(List.of(0.75)));
        assertEquals(Optional.of("check \"ratio\" found 1.5, expected between 0.5 and 1"), range.failure(List.of(1.5)));
    }

    private static String checks(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"name\": \"c" + i + "\", \"sql\": \"SELECT 1\", \"expect\": 1}")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void twentyChecksAreAllowed() {
        assertEquals(20, LifecycleConfig.parse(doc(checks(20)), Operation.MODIFY).verification().checks().size());
    }

    static Stream<Arguments> badLists() {
        String ok = "\"sql\": \"SELECT 1\", \"expect\": 1";
        return Stream.of(
                Arguments.of("not a list", doc("{\"name\": \"a\"}"), "\"verify\" must be a list"),
                Arguments.of("21 checks", doc(checks(21)), "\"verify\" has 21 items; at most 20"),
                Arguments.of("item not an object", doc("[\"SELECT 1\"]"), "\"verify[0]\" must be a JSON object"),
                Arguments.of("no name", doc("[{" + ok + "}]"), "\"verify[0].name\" is required"),
                Arguments.of("name with ;", doc("[{\"name\": \"a;b\", " + ok + "}]"), "\"verify[0].name\" must be 1 to 64"),
                Arguments.of("name too long", doc("[{\"name\": \"" + "a".repeat(65) + "\", " + ok + "}]"), "\"verify[0].name\" must be 1 to 64"),
                Arguments.of("same name twice", doc("[{\"name\": \"a\", " + ok + "}, {\"name\": \"a\", " + ok + "}]"),
                        "\"verify[1].name\" is \"a\" again"),
                Arguments.of("neither sql nor s3", doc("[{\"name\": \"a\", \"expect\": 1}]"), "\"verify[0]\" must have exactly one of \"sql\""),
                Arguments.of("sql and s3", doc("[{\"name\": \"a\", \"s3\": \"s3://bucket1/k\", " + ok + "}]"), "\"verify[0]\" must have exactly one of \"sql\""),
                Arguments.of("bad s3", doc("[{\"name\": \"a\", \"s3\": \"b1/k\", \"expect\": 1}]"), "\"verify[0].s3\" must be an S3 object URI"),
                Arguments.of("bad database", doc("[{\"name\": \"a\", \"database\": \"a b\", " + ok + "}]"), "\"verify[0].database\""),
                Arguments.of("no expectation", doc("[{\"name\": \"a\", \"sql\": \"SELECT 1\"}]"), "\"verify[0]\" must have exactly one of \"expect\""),
                Arguments.of("expect and bound", doc("[{\"name\": \"a\", " + ok + ", \"atLeast\": 1}]"), "\"verify[0]\" must have exactly one of \"expect\""),
                Arguments.of("expect an object", doc("[{\"name\": \"a\", \"sql\": \"SELECT 1\", \"expect\": {}}]"),
                        "\"verify[0].expect\" must be a number, a string or true or false"),
                Arguments.of("bound as string", doc("[{\"name\": \"a\", \"sql\": \"SELECT 1\", \"atLeast\": \"5\"}]"), "\"verify[0].atLeast\" must be a number"),
                Arguments.of("bounds crossed", doc("[{\"name\": \"a\", \"sql\": \"SELECT 1\", \"atLeast\": 5, \"atMost\": 1}]"),
                        "\"verify[0].atMost\" must not be less than atLeast (5)"),
                Arguments.of("typo", doc("[{\"name\": \"a\", " + ok + ", \"atleast\": 1}]"), "unknown field \"verify[0].atleast\""),
                Arguments.of("no managed secret", "{\"managedName\": \"staging\", \"verify\": [{\"name\": \"a\", " + ok + "}]}",
                        "\"verify\" needs \"manageMasterUserPassword\": true"),
                Arguments.of("T class", newDoc("\"manageMasterUserPassword\": true, \"verify\": [{\"name\": \"a\", " + ok + "}]")
                        .replace("db.r6g.large", "db.t4g.medium"), "where AWS does not offer the RDS Data API that runs verify"),
                Arguments.of("engine version without the Data API", newDoc("\"manageMasterUserPassword\": true, \"engine\": \"aurora-postgresql\", \"engineVersion\": \"15.2\", \"verify\": [{\"name\": \"a\", " + ok + "}]"),
                        "AWS offers it from 15.3 on"),
                Arguments.of("the most tags", newDoc("\"manageMasterUserPassword\": true, \"verify\": [{\"name\": \"a\", " + ok + "}], \"tags\": {" + tags(Labels.MAX_EXTRA_TAGS) + "}"),
                        "with verify at most " + (Labels.MAX_EXTRA_TAGS - 1)),
                Arguments.of("the most tags with SQL too", newDoc("\"manageMasterUserPassword\": true, \"sqlScripts\": [{\"sql\": \"SELECT 1\"}], \"verify\": [{\"name\": \"a\", " + ok + "}], \"tags\": {" + tags(Labels.MAX_EXTRA_TAGS - 1) + "}"),
                        "with sqlScripts and verify at most " + (Labels.MAX_EXTRA_TAGS - 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLists")
    void refusesABadListWhateverTheStage(String name, String document, String expected) {
        for (Operation operation : List.of(Operation.NEW, Operation.MODIFY, Operation.PROMOTE, Operation.RETIRE)) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> LifecycleConfig.parse(document, operation),
                    name + " for " + operation);
            if (!e.getMessage().contains(expected)) {
                // A stage's own required fields may be named first; the list is refused all the same.
                assertTrue(operation != Operation.MODIFY, () -> "message \"" + e.getMessage() + "\" lacks \"" + expected + "\"");
            }
        }
        InvalidInputException modify = assertThrows(InvalidInputException.class, () -> LifecycleConfig.parse(document, Operation.MODIFY));
        assertTrue(modify.getMessage().contains(expected), () -> "message \"" + modify.getMessage() + "\" lacks \"" + expected + "\"");
    }
}
