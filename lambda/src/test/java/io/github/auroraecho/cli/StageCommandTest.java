package io.github.auroraecho.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.testing.CliRun;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stage commands as 2.x users run them: flags, -a, -i, --dry-run and --help. */
@ExtendWith(EmulatorExtension.class)
class StageCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NEW_FLAGS = {"new", "-r", "us-east-1", "-n", "staging", "-s", "prod", "-sub", "default",
            "-c", "db.r6g.large", "-t", "team=data", "-h", "20"};

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void aStageRunsFrom2xFlags(TestAccount aws) throws IOException {
        aws.production();

        CliRun run = CliRun.of(aws, "", NEW_FLAGS);

        assertEquals(0, run.exit(), run.err());
        assertEquals("changed", JSON.readTree(run.out()).get("outcome").asText());
        Copy copy = aws.copies("staging").get(0);
        Map<String, String> tags = new java.util.HashMap<>(copy.clusterTags());
        tags.remove("aurora-echo:staging:source-point");
        // The tests' AURORA_ECHO_ENVIRONMENT (lambda/pom.xml) tags the copy for that environment, as on Lambda.
        assertEquals(Map.of("aurora-echo:staging:stage", "new", "team", "data", "aurora-echo:lifecycle", "staging",
                "aurora-echo:stage", "new", "aurora-echo:environment", "test"), tags);
    }

    @Test
    void aMissingRequiredFlagIsNamedAndNothingIsCalled(TestAccount aws) {
        CliRun run = CliRun.of(aws, "", "new", "-r", "us-east-1", "-n", "staging", "-sub", "default", "-c", "db.r6g.large");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("\"sourceClusterName\" (-s) is required"), run.err());
        assertEquals(0, run.clientsMade());
    }

    @Test
    void anAccountThatIsNotTheCallersExitsTwoAfterOneReadOnlyCall(TestAccount aws) {
        aws.production();
        String before = aws.state();

        CliRun run = CliRun.of(aws, "", with(NEW_FLAGS, "-a", "999999999999"));

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("-a 999999999999 is not the account"), run.err());
        assertEquals(List.of("GetCallerIdentity"), aws.calls().calls());
        assertEquals(before, aws.state());
    }

    @Test
    void theCallersAccountIsAccepted(TestAccount aws) {
        aws.production();

        CliRun run = CliRun.of(aws, "", with(NEW_FLAGS, "-a", "123456789012"));

        assertEquals(0, run.exit(), run.err());
        assertEquals(1, aws.copies("staging").size());
    }

    @Test
    void interactiveShowsThePlanAndAppliesNothingWithoutYes(TestAccount aws) throws IOException {
        aws.production();
        String before = aws.state();

        CliRun declined = CliRun.of(aws, "n\n", with(NEW_FLAGS, "-i", "true"));

        assertEquals(0, declined.exit(), declined.err());
        // The plan and the question on stdout, before the result: stderr holds only JSON log lines.
        String question = declined.out().substring(0, declined.out().indexOf("{\n"));
        assertTrue(question.contains("restore cluster staging-"), declined.out());
        assertTrue(question.contains("apply these 2 changes? [y/N]"), declined.out());
        assertEquals("planned", JSON.readTree(declined.out().substring(question.length())).get("outcome").asText());
        for (String line : declined.err().lines().toList()) {
            assertTrue(JSON.readTree(line).isObject(), line);
        }
        assertEquals(List.of(), aws.calls().mutatingCalls());
        assertEquals(before, aws.state());

        CliRun accepted = CliRun.of(aws, "y\n", with(NEW_FLAGS, "-i", "true"));

        assertEquals(0, accepted.exit(), accepted.err());
        assertEquals("changed", JSON.readTree(accepted.out().substring(accepted.out().indexOf("{\n"))).get("outcome").asText());
        assertEquals(1, aws.copies("staging").size());
    }

    @Test
    void dryRunOnTheCommandLineChangesNothing(TestAccount aws) throws IOException {
        aws.production();
        String before = aws.state();

        CliRun run = CliRun.of(aws, "", with(NEW_FLAGS, "--dry-run"));

        JsonNode result = JSON.readTree(run.out());
        assertEquals(0, run.exit(), run.err());
        assertEquals("planned", result.get("outcome").asText());
        assertEquals(2, result.get("changes").size());
        assertEquals(List.of(), aws.calls().mutatingCalls());
        assertEquals(before, aws.state());
    }

    @Test
    void everyCommandHasHelpAndCallsNothing(TestAccount aws) {
        List<String> commands = new java.util.ArrayList<>(List.of("status", "demo"));
        for (Operation operation : Operation.values()) {
            commands.add(operation.cliName());
        }
        for (String command : commands) {
            CliRun run = CliRun.of(aws, "", command, "--help");
            assertEquals(0, run.exit(), command);
            assertTrue(run.out().startsWith("usage: aurora-echo " + command), run.out());
            assertEquals(0, run.clientsMade(), command);
        }
        CliRun stageHelp = CliRun.of(aws, "", "promote", "--help");
        assertTrue(stageHelp.out().contains("-rs, --record-set NAME"), stageHelp.out());
        assertTrue(stageHelp.out().contains("-h, --minimum-age-hours HOURS"), stageHelp.out());
    }

    /** Promote, after new and modify, with Route53 answering the CNAME change without its ChangeInfo. */
    private static CliRun promoteWithAnAnswerMissingAField(TestAccount aws, String... more) {
        aws.production();
        com.fasterxml.jackson.databind.node.ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com"));
        aws.run(Operation.NEW, doc);
        aws.run(Operation.MODIFY, doc);
        return CliRun.with(aws, List.of(new io.github.auroraecho.testing.AnswerWithout("ChangeResourceRecordSets", "ChangeInfo")),
                doc.put("region", "us-east-1").toString(), with(new String[] {"promote", "--event", "-"}, more));
    }

    @Test
    void anAnswerTheCodeDoesNotExpectIsAFailedResultWithoutAStackTrace(TestAccount aws) throws IOException {
        CliRun run = promoteWithAnAnswerMissingAField(aws);

        assertEquals(1, run.exit(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals("failed", result.get("outcome").asText());
        assertEquals("promote", result.get("stage").asText());
        assertEquals(aws.copies("staging").get(0).name(), result.get("copy").asText());
        assertTrue(result.get("changes").get(0).asText().startsWith("upsert CNAME"), result.toString());
        assertTrue(result.get("message").asText().contains("route53:ChangeResourceRecordSets"), result.toString());
        assertTrue(!run.err().contains("\tat "), run.err());
    }

    @Test
    void verboseAddsTheStackTraceOnStderr(TestAccount aws) throws IOException {
        CliRun run = promoteWithAnAnswerMissingAField(aws, "--verbose");

        assertEquals(1, run.exit(), run.err());
        assertEquals("failed", JSON.readTree(run.out()).get("outcome").asText());
        assertTrue(run.err().contains("java.lang.NullPointerException"), run.err());
        assertTrue(run.err().contains("\tat io.github.auroraecho.aws.Dns"), run.err());
    }
}
