package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extra permissions of secure copies, given only to the functions and lifecycles that use them: "handout"
 * restores a shared snapshot into a key alias and runs SQL with a managed secret; "analytics" clones into a key id
 * and uses no secret or SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureCopyPermissionsTest {
    private static final String ACCOUNT = "123456789012";
    private static final String HANDOUT_COPIES = "arn:${AWS::Partition}:rds:eu-west-1:" + ACCOUNT + ":cluster:handout-????-??-??*";
    private static final String SECRETS = "arn:${AWS::Partition}:secretsmanager:eu-west-1:" + ACCOUNT + ":secret:rds!cluster-*";

    private AuroraEchoStack stack;
    private Map<String, Object> json;

    @BeforeAll
    void synth() throws URISyntaxException {
        Path settings = Path.of(SecureCopyPermissionsTest.class.getResource("/secure-environments.json").toURI());
        stack = Fixtures.stack(Settings.load(settings).environment("secure"));
        json = Template.fromStack(stack).toJSON();
    }

    private List<TemplateJson.Statement> statements(Operation operation) {
        String stage = operation.cliName();
        return TemplateJson.statements(json, Character.toUpperCase(stage.charAt(0)) + stage.substring(1) + "Role");
    }

    private TemplateJson.Statement withSid(Operation operation, String sid) {
        return statements(operation).stream().filter(s -> sid.equals(s.sid())).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + statements(operation)));
    }

    @Test
    void modifyGetsTheLongTimeoutOnlyWhenSomeLifecycleRunsSql() {
        assertEquals(900, stack.sizeOf(Operation.MODIFY).timeoutSeconds());
    }

    @Test
    void theAwsSolutionsPackReportsNoUnsuppressedFinding() {
        assertEquals(List.of(), Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        assertEquals(List.of(), Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")));
    }
}
