package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Operation;

/** The names this app gives to what it deploys (kept out of the Stack subclass: jsii forbids shadowing its members). */
public final class Names {
    private Names() {
    }

    public static String stackName(String environment) {
        return "AuroraEcho-" + environment;
    }

    public static String scheduleGroupName(String environment) {
        return "aurora-echo-" + environment;
    }

    public static String functionName(String environment, Operation operation) {
        return "aurora-echo-" + environment + "-" + operation.cliName();
    }

    public static String scheduleName(String managedName, Operation operation) {
        return managedName + "-" + operation.cliName();
    }

    public static String stalenessAlarmName(String environment, String managedName) {
        return "aurora-echo-" + environment + "-" + managedName + "-stale";
    }

    public static String dashboardName(String environment) {
        return "aurora-echo-" + environment;
    }

    public static String handlerOf(Operation operation) {
        String stage = operation.cliName();
        return "io.github.auroraecho.lambda." + Character.toUpperCase(stage.charAt(0)) + stage.substring(1)
                + "Handler::handleRequest";
    }
}
