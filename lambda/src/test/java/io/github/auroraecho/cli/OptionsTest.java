package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.InvalidInputException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --option=value} and the region's order, as AWS CLI and boto3 users have them. */
class OptionsTest {

    @Test
    void anOptionWithItsValueAfterAnEqualsSignIsTheOptionAndTheValue() {
        assertEquals(List.of("--region", "eu-west-1", "-n", "staging", "--event", "-", "--dry-run"),
                Options.split(List.of("--region=eu-west-1", "-n=staging", "--event=-", "--dry-run")));
        assertEquals(List.of("-t", "team=data", "--endpoint", "http://localhost:5000/?a=b"),
                Options.split(List.of("-t=team=data", "--endpoint=http://localhost:5000/?a=b")));
    }

    @Test
    void aValueThatLooksLikeAnOptionIsLeftAsItIs() {
        assertEquals(List.of("-t", "-x=y", "--json"), Options.split(List.of("-t", "-x=y", "--json")));
        assertEquals(List.of("-t", "k=v", "-n", "a"), Options.split(List.of("-t", "k=v", "-n=a")));
    }

    @Test
    void theRegionIsTheGivenOneThenAwsRegionThenAwsDefaultRegionThenTheProfiles() {
        Map<String, String> both = Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "eu-west-2");
        Map<String, String> legacy = Map.of("AWS_DEFAULT_REGION", "eu-west-2");

        assertEquals(Region.of("us-west-2"), AwsProfile.region("us-west-2", both, env -> Optional.of("ap-south-1"), "ops"));
        assertEquals(Region.EU_WEST_1, AwsProfile.region(null, both, env -> Optional.of("ap-south-1"), "ops"));
        assertEquals(Region.EU_WEST_2, AwsProfile.region(null, legacy, env -> Optional.of("ap-south-1"), "ops"));
        assertEquals(Region.AP_SOUTH_1, AwsProfile.region(null, Map.of(), env -> Optional.of("ap-south-1"), "ops"));
    }

    @Test
    void noRegionAnywhereIsBadInputNamingWhereToSetOne() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> AwsProfile.region(null, Map.of(), env -> Optional.empty(), "ops"));

        assertTrue(e.getMessage().contains("AWS_DEFAULT_REGION") && e.getMessage().contains("profile ops"), e.getMessage());
    }

    @Test
    void theProfileReadIsTheGivenOneElseAwsProfileElseDefault() {
        assertEquals("ops", new AwsProfile("ops").effectiveName(Map.of("AWS_PROFILE", "dev")));
        assertEquals("dev", new AwsProfile(null).effectiveName(Map.of("AWS_PROFILE", "dev")));
        assertEquals("default", new AwsProfile(null).effectiveName(Map.of()));
    }
}
