package io.github.auroraecho.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nights of the whole lifecycle, killed right after each of its mutating AWS calls in turn (the
 * call took effect, the function died), then every interrupted stage run again and the script carried
 * on: each run must end where the uninterrupted one does.
 */
@ExtendWith(EmulatorExtension.class)
class CrashPointTest {
    private static final Pattern READ_ONLY = Pattern.compile("(Describe|List|Get).*");

    /** The schedule: one entry a stage run; null marks the next night. */
    private static final List<Operation> SCRIPT = java.util.Arrays.asList(
            Operation.NEW, Operation.MODIFY, Operation.PROMOTE, Operation.RETIRE, null,
            Operation.NEW, Operation.MODIFY, Operation.PROMOTE, Operation.RETIRE);

    /** Lets the first {@code survive} mutating calls through, then kills the run after the next one succeeds. */
    private static final class Crash implements ExecutionInterceptor {
        private final int survive;
        private int mutating;
        private boolean crashed;

        Crash(int survive) {
            this.survive = survive;
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (!READ_ONLY.matcher(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)).matches()
                    && mutating++ == survive) {
                crashed = true;
                throw new IllegalStateException("simulated crash after " + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        }
    }

    private static String scene(TestAccount aws) {
        aws.production();
        return aws.zone("example.com");
    }

    /** Runs the script; a stage run that crashed is run again (without crashing) before the script goes on. */
    private static int play(TestAccount aws, ObjectNode doc, Crash crash) {
        int crashes = 0;
        try (AwsClients crashing = aws.clientsWith(crash)) {
            for (Operation operation : SCRIPT) {
                if (operation == null) {
                    aws.advance(Duration.ofDays(1));
                    continue;
                }
                boolean before = crash.crashed;
                try {
                    aws.run(crashing, operation, doc.toString());
                } catch (RuntimeException e) {
                    // The crash escaped as the run's own failure: the same as the function dying.
                }
                if (crash.crashed && !before) {
                    crashes++;
                    aws.run(operation, doc);
                }
            }
        }
        return crashes;
    }

    /** What must be the same after any run: the copies and their stages, and what DNS points at. */
    private static String outcome(TestAccount aws, String zone) {
        List<Copy> copies = aws.copies("staging");
        String copyStages = copies.stream()
                .map(copy -> copy.name() + "=" + copy.stage("staging").map(Enum::name).orElse("?")
                        + " cluster:" + copy.clusterTags().get(io.github.auroraecho.lifecycle.Stage.tagKey("staging"))
                        + " instances:" + copy.instances().size())
                .sorted().collect(Collectors.joining(", "));
        String target = aws.cname(zone, "db.staging.example.com").orElse("none");
        String live = copies.stream().filter(copy -> copy.endpoint().equals(target)).map(Copy::name).findFirst().orElse("NOT A LIVE COPY");
        return copyStages + " | dns -> " + live + " | clusters: " + aws.rds().describeDBClusters().dbClusters().size();
    }

    @Test
    void everyCrashPointConvergesToTheUninterruptedState(TestAccount aws) {
        String zone = scene(aws);
        ObjectNode doc = TestAccount.document("staging", "prod", zone);
        Crash never = new Crash(Integer.MAX_VALUE);
        play(aws, doc, never);
        String expected = outcome(aws, zone);
        int crashPoints = never.mutating;
        assertTrue(expected.contains("PROMOTED") && expected.contains("dns -> staging-"), expected);

        List<String> diverged = new ArrayList<>();
        for (int point = 0; point < crashPoints; point++) {
            aws.reset();
            zone = scene(aws);
            doc = TestAccount.document("staging", "prod", zone);
            Crash crash = new Crash(point);
            assertEquals(1, play(aws, doc, crash), "crash point " + point);
            String actual = outcome(aws, zone);
            if (!actual.equals(expected)) {
                diverged.add("crash point " + point + ": " + actual);
            }
        }
        System.out.println("crash points covered: " + crashPoints + "; expected end state: " + expected);
        assertEquals(List.of(), diverged, "expected " + expected);
    }
}
