package io.github.auroraecho.aws;

import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The region a Route 53 client is given: Route 53's API has one endpoint per partition, signed for one region of
 * it, whatever region the copies are in. AWS General Reference, "Amazon Route 53 endpoints and quotas"
 * (https://docs.aws.amazon.com/general/latest/gr/r53.html): "Route 53 in AWS Regions other than the Beijing and
 * Ningxia Regions: specify us-east-1 as the Region. Route 53 in the Beijing and Ningxia Regions: specify
 * cn-northwest-1." The AWS GovCloud (US) User Guide's "Amazon Route 53"
 * (https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-r53.html) keeps its control plane in AWS
 * GovCloud (US-West), us-gov-west-1, which the SDK's endpoint data also names as its signing region. The SDK's
 * endpoint rules then choose the partition's host (route53.amazonaws.com.cn, route53.us-gov.amazonaws.com) and its
 * FIPS and dual-stack variants.
 */
public final class Route53Region {
    private Route53Region() {
    }

    /** The region Route 53 is called in for a run in {@code run}'s partition (a region the SDK does not know yet too). */
    public static Region of(Region run) {
        return switch (PartitionMetadata.of(run).id()) {
            case "aws-cn" -> Region.CN_NORTHWEST_1;
            case "aws-us-gov" -> Region.US_GOV_WEST_1;
            case "aws" -> Region.US_EAST_1;
            // A partition the stack does not support: the SDK's endpoint rules resolve Route 53 from the run's region.
            default -> run;
        };
    }
}
