package io.github.auroraecho.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.lifecycle.ConnectionParameter;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.testing.CannedHttp;
import io.github.auroraecho.testing.DiesAfter;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nights of a whole lifecycle, killed right after each of its mutating AWS calls in turn (the call
 * took effect, the function died), then every interrupted stage run again and the script carried on:
 * each run must end where the uninterrupted one does. The crash is made at the wire, so every Data API
 * call (a transaction's begin, statements, commit) is a crash point too, and so is promote's write of the
 * connection parameter: a run that died between the DNS move and the write leaves it to the next run.
 */
@ExtendWith(EmulatorExtension.class)
class CrashPointTest {
    private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)");
    private static final Pattern READ_ONLY = Pattern.compile("(Describe|List|Get).*");

    /** Lets the first {@code survive} mutating calls through, then picks the next one to die after. */
    private static final class Crash implements Predicate<HttpExecuteRequest> {
        private final int survive;
        private int mutating;
        private boolean crashed;

        Crash(int survive) {
            this.survive = survive;
        }

        /** A query API's action names itself; otherwise (Route53, the Data API) a write is any non-GET. */
        private static boolean mutates(HttpExecuteRequest request) {
            Matcher action = ACTION.matcher(CannedHttp.body(request));
            return action.find() ? !READ_ONLY.matcher(action.group(1)).matches()
                    : request.httpRequest().method() != SdkHttpMethod.GET;
        }

        @Override
        public boolean test(HttpExecuteRequest request) {
            if (!mutates(request) || mutating++ != survive) {
                return false;
            }
            crashed = true;
            return true;
        }
    }

    /** One night's stage runs, and the marker of the next night. */
    private record Scenario(String name, Function<TestAccount, ObjectNode> scene, List<Operation> script) {
    }

    private static final Operation NEXT_NIGHT = null;

    private static List<Operation> twoNights(Operation create) {
        return Arrays.asList(create, Operation.MODIFY, Operation.PROMOTE, Operation.RETIRE, NEXT_NIGHT,
                create, Operation.MODIFY, Operation.PROMOTE, Operation.RETIRE);
    }

    private static ObjectNode plain(TestAccount aws) {
        aws.production();
        return TestAccount.document("staging", "prod", aws.zone("example.com"));
    }

    /** A clone whose modify does every secure step: role, managed password, settings, Data API, two statements. */
    private static ObjectNode secure(TestAccount aws) {
        ObjectNode doc = plain(aws);
        aws.rds().createDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("staging-params")
                .dbParameterGroupFamily("aurora-postgresql15").description("copies"));
        doc.putArray("iamRoleNames").addObject().put("name", "s3-import").put("featureName", "s3Import");
        doc.put("manageMasterUserPassword", true);
        doc.put("dbClusterParameterGroupName", "staging-params");
        doc.putArray("sqlScripts").add(doc.objectNode().put("sql", "UPDATE users SET email = 'x'"))
                .add(doc.objectNode().put("sql", "TRUNCATE sessions"));
        return doc;
    }

    /** Runs the script; a stage run that crashed is run again (without crashing) before the script goes on. */
    private static void play(TestAccount aws, ObjectNode doc, List<Operation> script, Crash[] crash, int survive) {
        crash[0] = new Crash(survive);
        try (AwsClients crashing = aws.clientsOverHttp(real -> new DiesAfter(real, crash[0]))) {
            for (Operation operation : script) {
                if (operation == NEXT_NIGHT) {
                    aws.advance(Duration.ofDays(1));
                    continue;
                }
                boolean before = crash[0].crashed;
                try {
                    aws.run(crashing, operation, doc.toString());
                } catch (RuntimeException e) {
                    // The crash escaped as the run's own failure: the same as the function dying.
                }
                if (crash[0].crashed && !before) {
                    aws.run(operation, doc);
                }
            }
        }
    }

    /** What must be the same after any run: the copies, their stages and SQL progress, and what DNS points at. */
    private static String outcome(TestAccount aws, ObjectNode doc) {
        String zone = doc.get("hostedZoneIds").get(0).asText();
        List<Copy> copies = aws.copies("staging");
        String copyStages = copies.stream()
                .map(copy -> copy.name() + "=" + copy.stage("staging").map(Enum::name).orElse("?")
                        + " cluster:" + copy.clusterTags().get(Stage.tagKey("staging"))
                        + " instances:" + copy.instances().size()
                        + " sql:" + copy.clusterTags().getOrDefault(SqlProgress.tagKey("staging"), "-").split(" ")[0]
                        + " roles:" + copy.associatedRoleArns().size())
                .sorted().collect(Collectors.joining(", "));
        String target = aws.cname(zone, "db.staging.example.com").orElse("none");
        String live = copies.stream().filter(copy -> copy.endpoint().equals(target)).map(Copy::name).findFirst()
                .orElse("NOT A LIVE COPY");
        // The connection parameter names the copy DNS serves, however the promote that moved DNS ended.
        String parameter = aws.parameter("/aurora-echo/staging/connection")
                .flatMap(ConnectionParameter::parse).map(ConnectionParameter::copy).orElse("none");
        // Each statement takes effect once per copy, wherever a run died: a repeat would show in this list.
        return copyStages + " | dns -> " + live + " | parameter -> " + parameter + " | clusters: " + aws.rds().describeDBClusters().dbClusters().size()
                + " | SQL committed: " + aws.dataApi().committed();
    }

    private static int everyCrashPointConverges(TestAccount aws, Scenario scenario) {
        Crash[] crash = new Crash[1];
        aws.reset();
        ObjectNode doc = scenario.scene().apply(aws);
        play(aws, doc, scenario.script(), crash, Integer.MAX_VALUE);
        String expected = outcome(aws, doc);
        int crashPoints = crash[0].mutating;
        assertTrue(expected.contains("PROMOTED") && expected.contains("dns -> staging-"), expected);
        assertTrue(expected.contains("parameter -> " + expected.split("dns -> ")[1].split(" ")[0]), expected);

        List<String> diverged = new ArrayList<>();
        for (int point = 0; point < crashPoints; point++) {
            aws.reset();
            doc = scenario.scene().apply(aws);
            play(aws, doc, scenario.script(), crash, point);
            assertTrue(crash[0].crashed, scenario.name() + ": crash point " + point + " was never reached");
            String actual = outcome(aws, doc);
            if (!actual.equals(expected)) {
                diverged.add("crash point " + point + ": " + actual);
            }
        }
        System.out.println("crash points covered (" + scenario.name() + "): " + crashPoints + "; end state: " + expected);
        assertEquals(List.of(), diverged, scenario.name() + ": expected " + expected);
        return crashPoints;
    }

    @Test
    void newModifyPromoteRetireConvergeFromEveryCrashPoint(TestAccount aws) {
        assertTrue(everyCrashPointConverges(aws, new Scenario("new", CrashPointTest::plain, twoNights(Operation.NEW))) >= 10);
    }

    @Test
    void cloneAndEverySecureModifyStepConvergeFromEveryCrashPoint(TestAccount aws) {
        int points = everyCrashPointConverges(aws, new Scenario("clone, secure modify", CrashPointTest::secure,
                twoNights(Operation.CLONE)));
        assertTrue(points >= 20, "the secure steps add crash points: " + points);
    }
}
