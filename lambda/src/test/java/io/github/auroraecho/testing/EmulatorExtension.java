package io.github.auroraecho.testing;

import io.github.auroraecho.emulator.MotoServer;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;

/**
 * Runs lifecycle tests against an AWS emulator: moto's server, started once for the whole test run on a
 * free loopback port and stopped after it, reset before each test. With {@code AWS_ENDPOINT_URL} set,
 * the tests use that endpoint instead (LocalStack, or a moto server of your own). The emulator is strict: a
 * restored or cloned cluster refuses an instance until a describe has shown it available, as on AWS.
 */
public final class EmulatorExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        URI endpoint = endpoint(context);
        // Another emulator may have no reset API: there, tests rely on their own names not colliding.
        MotoServer.reset(endpoint);
        // A test may have let clusters take longer to create; every test starts as strict as AWS.
        MotoServer.creatingDescribes(endpoint, MotoServer.STRICT_CREATING_DESCRIBES);
        MotoServer.quotas(endpoint, "{}");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestAccount.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestAccount account = new TestAccount(endpoint(context));
        context.getStore(NAMESPACE).put(TestAccount.class.getName() + "@" + System.identityHashCode(account), account);
        return account;
    }

    private static URI endpoint(ExtensionContext context) {
        String external = System.getenv("AWS_ENDPOINT_URL");
        if (external != null && !external.isBlank()) {
            return URI.create(external);
        }
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Server.class, key -> new Server(MotoServer.start(MotoServer.STRICT_CREATING_DESCRIBES)), Server.class)
                .moto.endpoint();
    }

    /** Closed by JUnit when the whole run ends. */
    private record Server(MotoServer moto) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            moto.close();
        }
    }
}
