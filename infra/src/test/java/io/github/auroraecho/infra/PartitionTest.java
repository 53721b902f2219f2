package io.github.auroraecho.infra;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In China (aws-cn) the ARNs take the stack's partition and kms:ViaService the .com.cn endpoint. */
class PartitionTest {
    @Test
    void anEnvironmentInChinaUsesItsPartitionAndEndpoints() {
        String settings = """
                {"environments": {"china": {"account": "123456789012", "region": "cn-north-1", "lifecycles": [{
                  "document": {"managedName": "staging", "sourceClusterName": "production", "dbSubnetGroupName": "db",
                    "dbInstanceClass": "db.r6g.large", "kmsKeyId": "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"},
                  "schedules": {"new": "rate(1 day)"}}]}}}""";
        Map<String, Object> template = Fixtures.template(Fixtures.stack(
                Settings.parse(settings, Path.of(".")).environment("china"))).toJSON();
        List<TemplateJson.Statement> statements = TemplateJson.statements(template, "NewRole");
        TemplateJson.Statement key = statements.stream().filter(s -> "UseCopyKeys".equals(s.sid())).findFirst()
                .orElseThrow();
        assertEquals(List.of("rds.cn-north-1.amazonaws.com.cn"), TemplateJson.asList(
                key.condition("StringEquals", "kms:ViaService")));
        // ${AWS::Partition} resolves to aws-cn there; no ARN names the aws partition literally.
        assertTrue(statements.stream().flatMap(s -> s.resources().stream())
                .allMatch(r -> r.equals("*") || r.startsWith("arn:${AWS::Partition}:") || r.startsWith("${")),
                statements.toString());
    }
}
