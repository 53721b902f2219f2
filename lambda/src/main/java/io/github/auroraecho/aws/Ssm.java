package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.ConnectionParameterName;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The connection parameters in SSM Parameter Store: a {@code String} parameter (it names a secret and holds none
 * of its material, so it needs no SecureString key), overwritten in place so its name never changes.
 */
public final class Ssm implements ConnectionParameters {
    private final Supplier<SsmClient> ssm;
    private final Changes changes;
    private final String prefix;

    public Ssm(Supplier<SsmClient> ssm, Changes changes, String prefix) {
        this.ssm = ssm;
        this.changes = changes;
        this.prefix = prefix;
    }

    @Override
    public String name(String managedName) {
        return ConnectionParameterName.of(prefix, managedName);
    }

    /*
     * AWS Systems Manager API Reference, "GetParameter"
     * (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html):
     * ParameterNotFound, "The parameter couldn't be found", is how a parameter not written yet answers.
     */
    @Override
    public Optional<String> read(String managedName) {
        try {
            return Optional.of(ssm.get().getParameter(r -> r.name(name(managedName))).parameter().value());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }

    /*
     * AWS Systems Manager API Reference, "PutParameter"
     * (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html): Overwrite
     * "Overwrite an existing parameter"; without it an existing name fails with ParameterAlreadyExists.
     */
    @Override
    public void write(String managedName, String value, String copy) {
        String name = name(managedName);
        changes.apply("write parameter " + name + " -> " + copy,
                () -> ssm.get().putParameter(r -> r.name(name).value(value).type(ParameterType.STRING).overwrite(true)),
                "copy", copy, "parameter", name);
    }
}
