package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.InvalidInputException;
import io.github.auroraecho.lifecycle.Operation;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The text of {@code --help} for the tool and for each command. */
final class Help {
    static final String MAIN = """
            usage: aurora-echo <command> [options]      (aurora-echo <command> --help for its options)
                   aurora-echo --version

            commands:
            %s  status    every lifecycle's copies: stage, status, age, data age, and the records pointing at them
              demo      run two lifecycles night by night on an emulated AWS account (moto)

            Credentials come from the standard AWS chain (keys in the environment, web identity, the profile of
            --profile NAME or AWS_PROFILE: static keys, assume-role, web identity or IAM Identity Center/SSO);
            the region from -r, the document, AWS_REGION, AWS_DEFAULT_REGION, then the profile.
            AWS_ENDPOINT_URL points at an emulator. Every --option value may also be written --option=value.
            Exit codes: 0 done or nothing to do, 1 AWS or unexpected failure, 2 bad input (no AWS change made).
            """.formatted(Arrays.stream(Operation.values())
            .map(o -> "  %-8s  %s\n".formatted(o.cliName(), StageText.of(o).summary())).collect(Collectors.joining()));

    static final String STATUS = """
            usage: aurora-echo status [-n NAME] [--json] [-r REGION] [--profile NAME] [--endpoint URL] [--verbose]
                                      [--parameter-prefix PREFIX]

            Every lifecycle's copies in the account and region: copy, stage (both tags where aurora-echo 2.x
            left cluster and instance disagreeing), cluster and instance status (stopped outside running
            hours), age, the age of its data (DATA-AGE), and the CNAME records of any hosted zone that point at
            the copy; then, for each lifecycle, the copy its connection parameter names, whether DNS serves that
            copy and its running hours, the copy a rollback would return to and until when, and the final
            snapshots retire kept. Read-only.
              -n, --managed-name NAME  only this lifecycle
              --json                   one JSON object for scripts instead of the table
              -r, --region REGION      default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region
              --profile NAME           the AWS profile to use (default: AWS_PROFILE, else the standard chain)
              --endpoint URL           send AWS calls to this endpoint (an emulator)
              --parameter-prefix PREFIX
                                       the connection parameters' prefix (default: AURORA_ECHO_PARAMETER_PREFIX,
                                       else /aurora-echo)
              --verbose                on a failure, also the stack trace (with a credentials failure, the SDK's own exception)

            Cost: one paginated Tagging API GetResources for the tagged clusters and instances, one
            DescribeDBClusters and one DescribeDBInstances filtered to those clusters (one more each per 100),
            ListHostedZones, ListResourceRecordSets per hosted zone (it grows with the zones, not the account),
            one SSM GetParameter per lifecycle, and one paginated DescribeDBClusterSnapshots of the manual
            snapshots.
            """;

    static final String DEMO = """
            usage: aurora-echo demo [--endpoint URL] [--nights N] [--keep-log]

            The main job on an emulated account: starts moto's AWS emulator on a free loopback port, creates a
            production Aurora cluster with snapshots, a subnet group, a hosted zone and unrelated databases,
            then runs two lifecycles (staging: new from snapshots, served only once its checks pass; analytics:
            clone) night by night through new/clone, modify, promote and retire, printing the copies after each
            step. The morning after night 2 it rolls staging back to the night before's copy; on night 3 staging's
            copy fails a check and DNS stays on the copy it served. The emulator is stopped at the end, also on
            error or Ctrl-C. Needs moto[server] (bin/demo installs it; see AURORA_ECHO_PYTHON).
              --endpoint URL  use this emulator instead of starting one: aurora-echo's own (its boot script
                              moto_server.py, whose Data API the checks need), with an empty account
              --nights N      how many nights to run (default 3, at least 2)
              --keep-log      keep the log file after a demo that succeeded (it is always kept after a failure)

            The stages' JSON log lines go to a temporary file, not to the terminal: removed when the demo
            succeeds, else kept and its path printed at the end.
            """;

    private static final String STAGE = """
            usage: aurora-echo %1$s --event FILE|- [--dry-run] [--profile NAME] [--endpoint URL] [-a ACCOUNT] [-i true|false]
                   aurora-echo %1$s <aurora-echo 2.x flags> [--dry-run] [--profile NAME] [--endpoint URL] [-a ACCOUNT] [-i true|false]

            %2$s
            Acts on: %5$s.
            Needs: %3$s

              --event FILE       the lifecycle document (or an EventBridge event with it in "detail"); - reads stdin
              --dry-run          report what would change, change nothing (sets "dryRun": true)
              --profile NAME     the AWS profile to use (default: AWS_PROFILE, else the standard chain)
              --endpoint URL     send AWS calls to this endpoint (an emulator); default: AWS_ENDPOINT_URL or AWS
              --verbose          on a failure, also the stack trace (with a credentials failure, the SDK's own exception)
              --environment NAME the deployed environment whose functions manage the copy new or clone makes
                                 (its aurora-echo:environment tag; default: AURORA_ECHO_ENVIRONMENT, else none)
              --parameter-prefix PREFIX
                                 where promote keeps <PREFIX>/<managedName>/connection in SSM Parameter Store
                                 (default: AURORA_ECHO_PARAMETER_PREFIX, else /aurora-echo)
              -a, --aws-account-number ACCOUNT
                                 refuse to run (exit 2) unless the credentials are for this account
              -i, --interactive true|false
                                 show the planned changes and ask before making them (default false)

            aurora-echo 2.x flags (instead of --event; each sets one field of the document):
            %4$s
            Region: -r or "region" in the document, else AWS_REGION, AWS_DEFAULT_REGION, the profile's region.
            Every option also takes the form --option=value (-n=NAME too).
            The result is one JSON object on stdout (after -i's plan and question); JSON log lines go to stderr.
            """;

    private static final int WIDTH = 108;

    private Help() {
    }

    static String of(String command) {
        return switch (command) {
            case "status" -> STATUS;
            case "demo" -> DEMO;
            default -> stage(Operation.fromCliName(command).orElseThrow(() -> unknownCommand(command)));
        };
    }

    static InvalidInputException unknownCommand(String command) {
        return new InvalidInputException("unknown command \"" + command + "\" (see aurora-echo --help)");
    }

    private static String stage(Operation operation) {
        String flags = Arrays.stream(LegacyFlag.values()).map(LegacyFlag::helpLine).collect(Collectors.joining());
        StageText text = StageText.of(operation);
        return STAGE.formatted(operation.cliName(), wrap(StageText.plain(text.does())), needs(operation), flags,
                StageText.plain(text.actsOn()));
    }

    /** Lines of at most {@value #WIDTH} characters, broken between words. */
    static String wrap(String text) {
        StringBuilder wrapped = new StringBuilder();
        int line = 0;
        for (String word : text.split(" ")) {
            if (line > 0 && line + 1 + word.length() > WIDTH) {
                wrapped.append('\n');
                line = 0;
            } else if (line > 0) {
                wrapped.append(' ');
                line++;
            }
            wrapped.append(word);
            line += word.length();
        }
        return wrapped.toString();
    }

    private static String needs(Operation operation) {
        return switch (operation) {
            case NEW, CLONE -> "-n NAME -s CLUSTER -sub GROUP -c CLASS (managedName, sourceClusterName, "
                    + "dbSubnetGroupName, dbInstanceClass)";
            case MODIFY, STOP, START -> "-n NAME (managedName)";
            case PROMOTE, RETIRE, ROLLBACK -> "-n NAME -z ZONEID -rs NAME (managedName, hostedZoneIds, recordSetName; "
                    + "retire reads them to never delete what DNS points to)";
        };
    }
}
