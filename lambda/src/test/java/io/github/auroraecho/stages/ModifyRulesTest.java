package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.IamRole;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.github.auroraecho.testing.Copies.CONFIG;
import static io.github.auroraecho.testing.Copies.NOW;
import static io.github.auroraecho.testing.Copies.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The modify rules, as pure functions of the copies found. */
class ModifyRulesTest {

    @Test
    void waitsUntilTheNewCopyIsAvailable() {
        Copy creating = copy("staging-2026-11-25", Stage.NEW, NOW, "creating", true);
        assertEquals(new ModifyStage.Plan.Waiting(creating), ModifyStage.decide(List.of(creating), CONFIG, NOW));
    }

    @Test
    void modifiesTheNewestNewCopy() {
        Copy older = copy("staging-2026-11-24", Stage.NEW, NOW.minus(Duration.ofDays(1)));
        Copy newer = copy("staging-2026-11-25", Stage.NEW, NOW);
        assertEquals(new ModifyStage.Plan.Modify(newer), ModifyStage.decide(List.of(older, newer), CONFIG, NOW));
    }

    @Test
    void nothingWithoutANewCopy() {
        Copy promoted = copy("staging-2026-11-25", Stage.PROMOTED, NOW);
        assertEquals(new ModifyStage.Plan.Nothing(), ModifyStage.decide(List.of(promoted), CONFIG, NOW));
    }

    @Test
    void roleNamesBecomeArnsOfTheCallersAccountAndArnsStayAsTheyAre() {
        assertEquals(List.of(new IamRole("arn:aws:iam::123456789012:role/s3-import", "s3Import"),
                        new IamRole("arn:aws-cn:iam::999999999999:role/x", null)),
                ModifyStage.roleArns(List.of(new IamRole("s3-import", "s3Import"),
                        new IamRole("arn:aws-cn:iam::999999999999:role/x", null)), "aws", "123456789012"));
    }
}
