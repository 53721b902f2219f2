package io.github.auroraecho.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Operation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IAM proof: every AWS call the lambda module's lifecycle tests made (recorded by its testing.IamCallRecorder in
 * lambda/target/iam-calls.jsonl) is evaluated against the synthesized role policies of the stage function that made
 * it, by AWS's Service Authorization data and a real policy evaluator (infra/iam-proof/prove.mjs on Node.js); and
 * calls the code never makes, but a bug or a stolen role could, must be denied by IAM alone.
 */
class IamProofTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    /** The environment the lambda tests' copies are tagged with (AURORA_ECHO_ENVIRONMENT in lambda/pom.xml). */
    static final String ENVIRONMENT = "test";
    private static final Path RECORDED = Path.of("..", "lambda", "target", "iam-calls.jsonl");
    /** Document fields that change a role's policy: documents equal in these share one synthesized environment. */
    private static final Set<String> POLICY_FIELDS = Set.of("managedName", "region", "sourceClusterName",
            "sourceSnapshotArn", "dbSubnetGroupName", "dbClusterParameterGroupName", "dbParameterGroupName", "kmsKeyId",
            "iamRoleNames", "hostedZoneIds", "recordSetName", "finalSnapshot", "finalSnapshotRetentionDays",
            "manageMasterUserPassword", "sqlScripts", "verify", "runningHours", "stopRetired");
    /**
     * The stop and start roles cover the lifecycles whose document has running hours: a test that runs stop or start
     * by hand on a document without them is judged by the roles of the same document with these.
     */
    private static final String RUNNING_HOURS = "{\"timezone\": \"UTC\", \"days\": [\"MON\"], \"start\": \"07:00\", "
            + "\"stop\": \"20:00\"}";

    @Test
    void everyRecordedCallIsAllowedAndNamesEveryResourceTypeItsActionRequires() throws IOException {
        assertTrue(Files.isRegularFile(RECORDED), "no recorded calls at " + RECORDED.toAbsolutePath().normalize()
                + ": run the lambda module's tests first (bin/test runs both modules in order)");
        List<JsonNode> calls = new ArrayList<>();
        for (String line : Files.readAllLines(RECORDED)) {
            calls.add(withProofZones((ObjectNode) JSON.readTree(line)));
        }
        List<String> unknown = calls.stream().filter(c -> c.has("unknown")).map(c -> c.get("unknown").asText())
                .distinct().toList();
        assertEquals(List.of(), unknown, "calls the recorder cannot describe");

        // One environment per round: every lifecycle name at most once in each, as in a real environment.
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonNode call : calls) {
            ObjectNode document = (ObjectNode) JSON.readTree(call.get("document").asText());
            Operation operation = Operation.fromCliName(call.get("function").asText()).orElseThrow();
            boolean byHand = operation.followsRunningHours() && !document.has("runningHours");
            if (byHand) {
                document.set("runningHours", JSON.readTree(RUNNING_HOURS));
            }
            String key = projection(document) + (operation == Operation.CLONE ? " clone" : " new")
                    + (byHand ? " by hand" : "");
            Entry entry = entries.computeIfAbsent(key, k -> new Entry(document, new ArrayList<>(), new ArrayList<>()));
            if (!entry.operations.contains(operation)) {
                entry.operations.add(operation);
            }
            entry.calls.add(call);
        }
        List<List<Entry>> rounds = new ArrayList<>();
        for (Entry entry : entries.values()) {
            String name = entry.document.get("managedName").asText().toLowerCase(java.util.Locale.ROOT);
            List<Entry> round = rounds.stream().filter(r -> r.stream().noneMatch(e -> e.name().equals(name))).findFirst()
                    .orElseGet(() -> {
                        rounds.add(new ArrayList<>());
                        return rounds.get(rounds.size() - 1);
                    });
            round.add(entry);
        }

        ArrayNode cases = JSON.createArrayNode();
        for (List<Entry> round : rounds) {
            Map<Operation, List<JsonNode>> policies = RolePolicies.of(ProofStacks.synthesize(environment(round)));
            for (Entry entry : round) {
                for (JsonNode call : entry.calls) {
                    Operation operation = Operation.fromCliName(call.get("function").asText()).orElseThrow();
                    ObjectNode proofCase = cases.addObject();
                    proofCase.put("name", call.get("function").asText() + " " + call.get("action").asText()
                            + (call.has("via") ? " (by AWS for " + call.get("via").asText() + ")" : "")
                            + " of " + entry.name());
                    proofCase.put("role", operation.cliName());
                    proofCase.put("principal", ProofStacks.roleArn(operation));
                    proofCase.set("policies", JSON.valueToTree(policies.get(operation)));
                    proofCase.put("action", call.get("action").asText());
                    proofCase.set("resources", call.get("resources"));
                    proofCase.set("context", call.get("context"));
                    proofCase.set("notApplicable", call.path("notApplicable"));
                    if (call.has("keyPolicy")) {
                        proofCase.put("keyPolicy", call.get("keyPolicy").asText());
                    }
                    proofCase.put("recorded", true);
                    // A copy without this version's environment tag (made by 2.x, or on the command line without
                    // --environment or AURORA_ECHO_ENVIRONMENT) is refused by IAM by design: the run reports the denied call.
                    proofCase.put("expect", untagged(call) || call.has("gone") ? "Denied" : "Allowed");
                    if (untagged(call)) {
                        proofCase.put("name", proofCase.get("name").asText() + " on a copy without this version's tags");
                    } else if (call.has("gone")) {
                        // Another delivery of the same schedule deleted it first: IAM sees no tags on what is gone.
                        proofCase.put("name", proofCase.get("name").asText() + " on a copy a concurrent run deleted");
                    }
                }
            }
        }
        ProofRunner.prove(cases, calls.size() + " recorded calls in " + rounds.size() + " synthesized environments");
    }

    @Test
    void iamAloneDeniesWhatNoStageMayDo() throws IOException {
        Map<String, Object> template = ProofStacks.synthesize(proofEnvironment());
        Map<Operation, List<JsonNode>> policies = RolePolicies.of(template);
        ArrayNode cases = JSON.createArrayNode();
        List<NegativeProbes.Probe> probes = new ArrayList<>(NegativeProbes.all());
        probes.addAll(NegativeProbes.destinations(RolePolicies.refs(template).values().iterator().next()));
        for (NegativeProbes.Probe probe : probes) {
            ObjectNode proofCase = cases.addObject();
            proofCase.put("name", probe.name());
            proofCase.put("role", probe.operation().cliName());
            proofCase.put("principal", ProofStacks.roleArn(probe.operation()));
            proofCase.set("policies", JSON.valueToTree(policies.get(probe.operation())));
            proofCase.put("action", probe.action());
            ArrayNode resources = proofCase.putArray("resources");
            ObjectNode resource = resources.addObject().put("type", probe.type()).put("arn", probe.arn());
            resource.set("context", JSON.valueToTree(probe.resourceContext()));
            proofCase.set("context", JSON.valueToTree(probe.requestContext()));
            if (probe.action().startsWith("kms:")) {
                // A key's own policy decides too: the default one delegates to IAM, as the recorded calls assume.
                proofCase.put("keyPolicy", "default");
            }
            proofCase.put("expect", probe.allowed() ? "Allowed" : "Denied");
        }
        ProofRunner.prove(cases, probes.size() + " probes");
    }

    @Test
    void theProofZonesRenameTheDocumentsZonesInItsCallsAndNoOtherZone() throws IOException {
        ObjectNode call = (ObjectNode) JSON.readTree("""
                {"function": "promote", "document": "{\\"managedName\\": \\"staging\\", \\"hostedZoneIds\\": [\\"ZB7\\", \\"ZA1\\"]}",
                 "action": "route53:ChangeResourceRecordSets",
                 "resources": [{"type": "hostedzone", "arn": "arn:aws:route53:::hostedzone/ZA1"},
                               {"type": "hostedzone", "arn": "arn:aws:route53:::hostedzone/ZC9"}]}""");

        JsonNode renamed = withProofZones(call);

        assertEquals("[\"ZPROOF1\",\"ZPROOF2\"]",
                JSON.readTree(renamed.get("document").asText()).get("hostedZoneIds").toString());
        assertEquals("arn:aws:route53:::hostedzone/ZPROOF2", renamed.get("resources").get(0).get("arn").asText());
        assertEquals("arn:aws:route53:::hostedzone/ZC9", renamed.get("resources").get(1).get("arn").asText(),
                "a zone the document does not name stays what it was, so a call on it is still judged as one");
    }

    /** src/test/resources/proof-environment.json: environment {@code test}, lifecycle {@code staging}, a result bus. */
    private static EnvironmentSettings proofEnvironment() throws IOException {
        String settings = Files.readString(Path.of("src", "test", "resources", "proof-environment.json"));
        return Settings.parse(settings, Path.of(".")).environment(ENVIRONMENT);
    }

    private static EnvironmentSettings environment(List<Entry> round) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode environment = root.putObject("environments").putObject(ENVIRONMENT);
        environment.put("account", ACCOUNT).put("region", REGION);
        ArrayNode lifecycles = environment.putArray("lifecycles");
        for (Entry entry : round) {
            ObjectNode lifecycle = lifecycles.addObject();
            lifecycle.set("document", entry.document);
            ObjectNode schedules = lifecycle.putObject("schedules");
            // Rollback has no schedule: its role covers the lifecycles whose promote is scheduled. Stop and start
            // have the schedules of the document's running hours, and act on the copy promote serves.
            entry.operations.stream().map(operation -> operation.isScheduled() ? operation : Operation.PROMOTE)
                    .forEach(operation -> schedules.put(operation.cliName(), "rate(1 day)"));
            if (entry.operations.contains(Operation.NEW) && sharedSource(entry.document)) {
                lifecycle.put("sourceKmsKeyArn", entry.sourceKey().orElse(LifecycleSchedule.UNENCRYPTED_SOURCE));
            }
        }
        return Settings.parse(root.toString(), Path.of(".")).environment(ENVIRONMENT);
    }

    /**
     * A call on a copy of the run's lifecycle (named as one, and carrying its stage tag) that lacks the environment
     * tag. Other resources may carry the stage tag too (a source that someone tagged, which the ownership rule never
     * treats as a copy): the call only uses them, and is judged as any other.
     */
    private static boolean untagged(JsonNode call) throws IOException {
        String name = JSON.readTree(call.get("document").asText()).get("managedName").asText();
        java.util.regex.Pattern copy = java.util.regex.Pattern.compile(":" + java.util.regex.Pattern.quote(name)
                + "-\\d{4}-\\d{2}-\\d{2}(-[^:]*)?$", java.util.regex.Pattern.CASE_INSENSITIVE);
        for (JsonNode resource : call.get("resources")) {
            JsonNode tags = resource.path("context");
            if (copy.matcher(resource.path("arn").asText()).find()
                    && tags.has("aws:ResourceTag/" + io.github.auroraecho.lifecycle.Stage.tagKey(name))
                    && !tags.has("aws:ResourceTag/" + io.github.auroraecho.lifecycle.CopyTags.ENVIRONMENT)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The call with its document's hosted zones renamed {@code ZPROOF1}, {@code ZPROOF2}... in the document's order,
     * in the document and in every hosted zone ARN the call names. The emulator gives each test new random zone IDs,
     * so without this nearly every test's document would need an environment of its own (about 220 syntheses, most
     * of the proof's time); a policy treats a zone ID as an opaque string, so the renamed call is judged exactly as
     * the original would be by the renamed policy. A zone the document does not name keeps its ID.
     */
    static ObjectNode withProofZones(ObjectNode call) throws IOException {
        ObjectNode document = (ObjectNode) JSON.readTree(call.get("document").asText());
        Map<String, String> renamed = new LinkedHashMap<>();
        if (document.has("hostedZoneIds")) {
            ArrayNode zones = JSON.createArrayNode();
            for (JsonNode zone : document.get("hostedZoneIds")) {
                String proofZone = renamed.computeIfAbsent(zone.asText(), z -> "ZPROOF" + (renamed.size() + 1));
                zones.add(proofZone);
            }
            document.set("hostedZoneIds", zones);
        }
        call.put("document", document.toString());
        for (JsonNode resource : call.path("resources")) {
            String arn = resource.path("arn").asText();
            int slash = arn.indexOf(":hostedzone/");
            if (slash >= 0) {
                String zone = arn.substring(slash + ":hostedzone/".length());
                if (renamed.containsKey(zone)) {
                    ((ObjectNode) resource).put("arn", arn.substring(0, slash) + ":hostedzone/" + renamed.get(zone));
                }
            }
        }
        return call;
    }

    private static boolean sharedSource(JsonNode document) {
        return document.has("sourceSnapshotArn") || document.path("sourceClusterName").asText().startsWith("arn:");
    }

    private static String projection(ObjectNode document) {
        ObjectNode projected = JSON.createObjectNode();
        document.properties().forEach(field -> {
            if (POLICY_FIELDS.contains(field.getKey())) {
                projected.set(field.getKey(), field.getValue());
            }
        });
        return projected.toString();
    }

    /** One lifecycle document of the recorded runs, the stages it ran and the calls they made. */
    private record Entry(ObjectNode document, List<Operation> operations, List<JsonNode> calls) {
        String name() {
            return document.get("managedName").asText().toLowerCase(java.util.Locale.ROOT);
        }

        /** The source's key as RDS used it for a restore (the key of a recorded kms:Decrypt). */
        java.util.Optional<String> sourceKey() {
            return calls.stream().filter(c -> c.get("action").asText().equals("kms:Decrypt"))
                    .map(c -> c.get("resources").get(0).get("arn").asText()).findFirst();
        }
    }
}
