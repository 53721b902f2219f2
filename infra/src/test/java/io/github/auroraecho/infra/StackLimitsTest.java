package io.github.auroraecho.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One environment with 1 to 250 lifecycles stays within CloudFormation's and IAM's limits, with margin, and cdk-nag
 * clean. The lifecycles are the repository's test-events/new.json and clone.json under new names, each with its own
 * record name (the worst case for promote's policy). The figures go to target/stack-limits.txt.
 */
class StackLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** CloudFormation: resources a stack, template bytes (S3-uploaded templates; nested stacks always are). */
    static final int MAX_RESOURCES = 500;
    static final int MAX_TEMPLATE_BYTES = 1_000_000;
    /** IAM: a role's inline policies together, one managed policy, managed policies a role (characters without spaces). */
    static final int MAX_INLINE_POLICY_CHARS = 10_240;
    static final int MAX_MANAGED_POLICY_CHARS = 6_144;
    static final int MAX_MANAGED_POLICIES = 10;
    /** What each figure may use of its limit: the rest is the margin for the next change. */
    static final double MARGIN = 0.8;

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 50, 250})
    void anEnvironmentOfManyLifecyclesStaysWithinLimits(int lifecycles) throws IOException {
        staysWithinLimits(lifecycles + " lifecycles", environment("environments-" + lifecycles, lifecycles,
                i -> "lifecycle-" + i));
    }

    /**
     * The create roles list every lifecycle name they may tag a copy of: the longest names a copy's name allows
     * (52 characters: 63 less -YYYY-MM-DD) are their worst case, as distinct record names are promote's.
     */
    @Test
    void theLongestLifecycleNamesStayWithinLimits() throws IOException {
        staysWithinLimits("250 lifecycles of 52-character names", environment("environments-250-longest", 250, i -> {
            String name = "lifecycle-" + i + "-";
            return name + "x".repeat(52 - name.length());
        }));
    }

    private static void staysWithinLimits(String what, EnvironmentSettings environment) throws IOException {
        AuroraEchoStack stack = Fixtures.stack(environment);
        List<Stack> stacks = new ArrayList<>(List.of(stack));
        stack.getNode().getChildren().stream().filter(NestedStack.class::isInstance).map(Stack.class::cast)
                .forEach(stacks::add);

        List<String> findings = Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))
                .stream().map(m -> m.getId() + ": " + m.getEntry().getData()).toList();
        Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
        templates.put(stack.getNode().getPath(), Template.fromStack(stack).toJSON());
        String outdir = ((software.amazon.awscdk.App) stack.getNode().getRoot()).getOutdir();
        for (Stack nested : stacks.subList(1, stacks.size())) {
            templates.put(nested.getNode().getPath(), JSON.readValue(Path.of(outdir, nested.getTemplateFile()).toFile(),
                    Map.class));
        }
        int largestInline = 0;
        int managedPolicies = 0;
        int largestManaged = 0;
        List<String> figures = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> each : templates.entrySet()) {
            Map<String, Object> template = each.getValue();
            int resources = ((Map<?, ?>) template.get("Resources")).size();
            // Indented, as cdk writes and uploads templates (Jackson's indentation is wider than cdk's: an upper bound).
            int bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(template)
                    .getBytes(StandardCharsets.UTF_8).length;
            figures.add(each.getKey() + ": " + resources + " resources, " + bytes + " bytes");
            assertTrue(resources <= MAX_RESOURCES * MARGIN, each.getKey() + " has " + resources
                    + " resources; CloudFormation allows " + MAX_RESOURCES);
            assertTrue(bytes <= MAX_TEMPLATE_BYTES * MARGIN, each.getKey() + " is " + bytes
                    + " bytes; CloudFormation allows " + MAX_TEMPLATE_BYTES);
            for (Map.Entry<String, int[]> role : policySizes(template).entrySet()) {
                int[] size = role.getValue();
                largestInline = Math.max(largestInline, size[0]);
                managedPolicies = Math.max(managedPolicies, size[1]);
                largestManaged = Math.max(largestManaged, size[2]);
                assertTrue(size[0] <= MAX_INLINE_POLICY_CHARS * MARGIN, role.getKey() + "'s inline policies have "
                        + size[0] + " characters; IAM allows " + MAX_INLINE_POLICY_CHARS + " a role");
                assertTrue(size[1] <= MAX_MANAGED_POLICIES * MARGIN, role.getKey() + " has " + size[1]
                        + " managed policies; IAM allows " + MAX_MANAGED_POLICIES);
                assertTrue(size[2] <= MAX_MANAGED_POLICY_CHARS * MARGIN, role.getKey() + " has a managed policy of "
                        + size[2] + " characters; IAM allows " + MAX_MANAGED_POLICY_CHARS);
            }
        }
        assertEquals(List.of(), findings, "cdk-nag findings");
        String line = what + ": " + stacks.size() + " stacks (" + String.join("; ", figures)
                + "); largest inline role policy " + largestInline + " characters; managed policies a role "
                + managedPolicies + " (largest " + largestManaged + ")\n";
        System.out.print(line);
        Files.writeString(Path.of("target", "stack-limits.txt"), line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Per role: its inline policies' characters together, its managed policies, the largest of them (as IAM counts). */
    @SuppressWarnings("unchecked")
    static Map<String, int[]> policySizes(Map<String, Object> template) throws IOException {
        Map<String, int[]> sizes = new LinkedHashMap<>();
        Map<String, String> refs = RolePolicies.refs(template);
        for (Map.Entry<String, Object> entry : ((Map<String, Object>) template.get("Resources")).entrySet()) {
            Map<String, Object> resource = (Map<String, Object>) entry.getValue();
            String type = (String) resource.get("Type");
            boolean inline = "AWS::IAM::Policy".equals(type);
            if (!inline && !"AWS::IAM::ManagedPolicy".equals(type)) {
                continue;
            }
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            int chars = JSON.writeValueAsString(RolePolicies.resolve(properties.get("PolicyDocument"), refs)).length();
            for (Object role : TemplateJson.asList(properties.get("Roles"))) {
                int[] size = sizes.computeIfAbsent(TemplateJson.flatten(role), k -> new int[3]);
                if (inline) {
                    size[0] += chars;
                } else {
                    size[1]++;
                    size[2] = Math.max(size[2], chars);
                }
            }
        }
        return sizes;
    }

    /**
     * {@code count} lifecycles made from test-events/new.json and clone.json, alternately, under the names given,
     * each with running hours;
     * the settings are also written to target/{@code file}.json.
     */
    static EnvironmentSettings environment(String file, int count, IntFunction<String> names) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode environment = root.putObject("environments").putObject("many");
        environment.put("account", "123456789012").put("region", "eu-west-1").put("timeZone", "Europe/London");
        // Every option that adds to the stack: the on-success destination puts events on this bus (events:PutEvents
        // in each role's policy, beside sns:Publish for the on-failure destination).
        environment.put("resultEventBus", "team-results").put("alarmEmail", "ops@example.com");
        ArrayNode lifecycles = environment.putArray("lifecycles");
        for (int i = 1; i <= count; i++) {
            boolean clone = i % 2 == 0;
            ObjectNode document = (ObjectNode) JSON.readTree(Files.readString(
                    Path.of("..", "test-events", clone ? "clone.json" : "new.json")));
            String name = names.apply(i);
            document.put("managedName", name);
            document.put("recordSetName", "db." + name + ".example.com");
            // Running hours add the stop and start schedules; stopRetired widens promote's role.
            document.set("runningHours", JSON.readTree("{\"timezone\": \"Europe/Berlin\", \"days\": [\"MON\", \"TUE\", "
                    + "\"WED\", \"THU\", \"FRI\"], \"start\": \"07:00\", \"stop\": \"20:00\"}"));
            document.put("stopRetired", true);
            ObjectNode lifecycle = lifecycles.addObject();
            lifecycle.set("document", document);
            lifecycle.put("consumerPolicy", true);
            ObjectNode schedules = lifecycle.putObject("schedules");
            schedules.put(clone ? "clone" : "new", "cron(0 1 * * ? *)");
            schedules.put("modify", "cron(0/15 2-5 * * ? *)");
            schedules.put("promote", "cron(0 6 * * ? *)");
            schedules.put("retire", "cron(0 7 * * ? *)");
        }
        // Kept for `npx cdk synth -c settings=infra/target/environments-<count>.json -c env=many` (see docs/deploying.md).
        Files.writeString(Path.of("target", file + ".json"), root.toPrettyString());
        return Settings.parse(root.toString(), Path.of(".")).environment("many");
    }
}
