package io.github.auroraecho.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.aws.Log;
import io.github.auroraecho.stages.Freshness;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's CloudWatch metrics as an Embedded Metric Format log line. Under Lambda's JSON log format, Lambda
 * does not wrap a line that is already a JSON object, and CloudWatch Logs extracts metrics only from a log event
 * whose top-level object carries {@code _aws}; so the line is one compact JSON object written straight to
 * stdout, never through a logger that would nest it in a {@code message} string.
 */
public final class EmfLine {
    public static final String NAMESPACE = "AuroraEcho";
    public static final String ENVIRONMENT = "Environment";
    public static final String LIFECYCLE = "Lifecycle";
    public static final String STAGE = "Stage";
    /** The staleness alarm and the dashboard's age graph read these per lifecycle, whatever the stage. */
    public static final String SERVED_COPY_AGE = "ServedCopyAge";
    public static final String SOURCE_POINT_AGE = "SourcePointAge";
    public static final String NEW_TO_MODIFIED = "NewToModified";
    /** One count a run, 1 for the outcome it had and 0 for the others, so sums by stage show every outcome. */
    public static final Map<Outcome, String> OUTCOME_METRICS = Map.of(Outcome.CHANGED, "Changed",
            Outcome.NOTHING_TO_DO, "NothingToDo", Outcome.WAITING, "Waiting", Outcome.PLANNED, "Planned",
            Outcome.FAILED, "Failed");
    /**
     * A document the handler refused before any run: counted by stage only, since a refused document may have no
     * lifecycle name to give the other dimension sets.
     */
    public static final String REFUSED = "Refused";
    private static final List<String> BY_STAGE = List.of(ENVIRONMENT, STAGE);
    private static final List<String> BY_LIFECYCLE = List.of(ENVIRONMENT, LIFECYCLE);
    /**
     * The dimension sets each metric is published with. Each metric name with each distinct set of dimension values
     * is one CloudWatch metric, billed as one custom metric ("Dimension", Amazon CloudWatch API Reference,
     * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Dimension.html: "whenever you add a unique
     * name/value pair to one of your metrics, you are creating a new variation of that metric"), so only what an
     * alarm or the dashboard reads is published: the outcomes by stage (the dashboard's runs, a fixed number for the
     * environment), and per lifecycle only its failures and the served copy's ages (the staleness alarm and the
     * dashboard's graphs by lifecycle). The other figures stay in the line as log fields, for Logs Insights.
     */
    public static final Map<String, List<List<String>>> SERIES = series();
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmfLine() {
    }

    private static Map<String, List<List<String>>> series() {
        Map<String, List<List<String>>> series = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            series.put(OUTCOME_METRICS.get(outcome), outcome == Outcome.FAILED ? List.of(BY_STAGE, BY_LIFECYCLE)
                    : List.of(BY_STAGE));
        }
        series.put(SERVED_COPY_AGE, List.of(BY_LIFECYCLE));
        series.put(SOURCE_POINT_AGE, List.of(BY_LIFECYCLE));
        series.put(REFUSED, List.of(BY_STAGE));
        return Collections.unmodifiableMap(series);
    }

    /**
     * The run's line. Its {@code level} follows the outcome (Lambda's log-level filtering reads it, and a line without
     * one counts as INFO), so a failed run's figures stay when the application log level is WARN.
     */
    public static ObjectNode of(Result result, String environment, Instant at, String requestId) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            metrics.put(OUTCOME_METRICS.get(outcome), result.outcome() == outcome ? 1.0 : 0.0);
            units.put(OUTCOME_METRICS.get(outcome), "Count");
        }
        Freshness freshness = result.freshness();
        if (freshness != null) {
            seconds(metrics, units, SERVED_COPY_AGE, freshness.servedCopyAge());
            seconds(metrics, units, SOURCE_POINT_AGE, freshness.sourcePointAge());
            seconds(metrics, units, NEW_TO_MODIFIED, freshness.newToModified());
        }

        // One directive for the metrics that share their dimension sets.
        Map<List<List<String>>, List<String>> directives = new LinkedHashMap<>();
        SERIES.forEach((name, sets) -> {
            if (metrics.containsKey(name)) {
                directives.computeIfAbsent(sets, s -> new ArrayList<>()).add(name);
            }
        });
        ObjectNode line = line(result.outcome() == Outcome.FAILED ? "ERROR" : "INFO", at, requestId, directives, units);
        line.put(ENVIRONMENT, environment);
        line.put(LIFECYCLE, result.managedName());
        line.put(STAGE, result.stage());
        metrics.forEach(line::put);
        // Not metrics: what a person reading the log (or a Logs Insights query) wants next to the figures.
        line.put("outcome", result.outcome().json());
        if (result.copy() != null) {
            line.put("copy", result.copy());
        }
        if (freshness != null) {
            line.put("servedCopy", freshness.servedCopy());
        }
        return line;
    }

    /** The line of a refused document: {@value #REFUSED} 1 by environment and stage, at WARN. */
    public static ObjectNode refused(String stage, String environment, Instant at, String requestId) {
        ObjectNode line = line("WARN", at, requestId, Map.of(SERIES.get(REFUSED), List.of(REFUSED)),
                Map.of(REFUSED, "Count"));
        line.put(ENVIRONMENT, environment);
        line.put(STAGE, stage);
        line.put(REFUSED, 1.0);
        line.put("outcome", "refused");
        return line;
    }

    private static ObjectNode line(String level, Instant at, String requestId,
                                   Map<List<List<String>>, List<String>> directives, Map<String, String> units) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", at.toEpochMilli());
        ArrayNode declared = aws.putArray("CloudWatchMetrics");
        directives.forEach((sets, names) -> {
            ObjectNode directive = declared.addObject();
            directive.put("Namespace", NAMESPACE);
            ArrayNode dimensions = directive.putArray("Dimensions");
            sets.forEach(set -> set.forEach(dimensions.addArray()::add));
            ArrayNode definitions = directive.putArray("Metrics");
            names.forEach(name -> definitions.addObject().put("Name", name).put("Unit", units.get(name)));
        });
        line.put("level", level);
        if (requestId != null) {
            line.put(Log.FUNCTION_REQUEST_ID, requestId);
        }
        return line;
    }

    private static void seconds(Map<String, Double> metrics, Map<String, String> units, String name, Duration value) {
        if (value != null) {
            metrics.put(name, (double) value.toSeconds());
            units.put(name, "Seconds");
        }
    }
}
