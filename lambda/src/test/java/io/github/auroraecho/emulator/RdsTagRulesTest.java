package io.github.auroraecho.emulator;

import io.github.auroraecho.lifecycle.Labels;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.stages.Engine;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator refuses tags as RDS documents it (Tag, https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_Tag.html),
 * so a document rule that stopped holding would fail a lifecycle test instead of a night on AWS.
 */
@ExtendWith(EmulatorExtension.class)
class RdsTagRulesTest {
    private static final List<Tag> REFUSED = List.of(tag("cost#center", "a"), tag("team", "a*b"), tag("team", "a;b"),
            tag("rds:owner", "x"), tag("aws:owner", "x"), tag("owner", "rds:x"), tag("k".repeat(129), "x"),
            tag("team", "v".repeat(257)), tag("", "x"));

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void addTagsToResourceRefusesWhatRdsRefusesAndKeepsWhatItTakes(TestAccount aws) {
        aws.production();
        String arn = aws.cluster("prod").orElseThrow().dbClusterArn();

        for (Tag bad : REFUSED) {
            RdsException e = assertThrows(RdsException.class,
                    () -> aws.rds().addTagsToResource(r -> r.resourceName(arn).tags(bad)), bad.toString());
            assertEquals("InvalidParameterValue", e.awsErrorDetails().errorCode(), bad.toString());
        }
        aws.rds().addTagsToResource(r -> r.resourceName(arn).tags(tag("Cost Center", "Ops / QA_1 + x@y.z=é"),
                tag("empty", "")));
        assertTrue(aws.rds().listTagsForResource(r -> r.resourceName(arn)).tagList()
                .contains(tag("Cost Center", "Ops / QA_1 + x@y.z=é")));
    }

    @Test
    void aCreateOrRestoreCarryingABadTagIsRefused(TestAccount aws) {
        aws.production();
        RdsException create = assertThrows(RdsException.class, () -> aws.rds().createDBCluster(r -> r
                .dbClusterIdentifier("other").engine("aurora-mysql").masterUsername("admin")
                .masterUserPassword("secret-password").tags(tag("team", "a*b"))));
        assertEquals("InvalidParameterValue", create.awsErrorDetails().errorCode());

        // A document whose tags get past the parser (built in code here) fails at the restore, changing nothing.
        LifecycleConfig config = LifecycleConfig.parse(TestAccount.document("staging", "prod", "Z1").toString(),
                Operation.NEW).toBuilder().labels(new Labels(null, Map.of("cost#center", "a"))).build();
        Result result = new Engine(aws.clientsWith(), aws.clock()).run(Operation.NEW, config);

        assertEquals(Outcome.FAILED, result.outcome(), result.message());
        assertTrue(result.message().contains("InvalidParameterValue"), result.message());
        assertEquals(List.of(), aws.copies("staging"));
    }
}
