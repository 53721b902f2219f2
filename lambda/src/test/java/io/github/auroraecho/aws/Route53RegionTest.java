package io.github.auroraecho.aws;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Route 53 is called in its partition's region (AWS General Reference, "Amazon Route 53 endpoints and quotas";
 * AWS GovCloud (US) User Guide, "Amazon Route 53"), whatever region the run is in.
 */
class Route53RegionTest {
    @ParameterizedTest
    @CsvSource({
            "us-east-1, us-east-1", "eu-west-1, us-east-1", "ap-southeast-7, us-east-1",
            "cn-north-1, cn-northwest-1", "cn-northwest-1, cn-northwest-1",
            "us-gov-east-1, us-gov-west-1", "us-gov-west-1, us-gov-west-1",
            // Regions the SDK does not list yet belong to their partition by name.
            "cn-south-9, cn-northwest-1", "us-gov-north-9, us-gov-west-1"})
    void eachPartitionHasItsOwnRoute53Region(String run, String route53) {
        assertEquals(Region.of(route53), Route53Region.of(Region.of(run)));
    }
}
