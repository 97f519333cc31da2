package mallbots.local;

import java.net.URI;
import mallbots.emulators.eventbridge.DeliveryListener;
import mallbots.emulators.eventbridge.LambdaInvoker;
import mallbots.local.provision.ProvisioningClients;

/** Where the local cloud's AWS services are: our embedded endpoint, or an external one such as LocalStack. */
interface AwsServices extends AutoCloseable {

    /** The single endpoint functions, the SDK and the AWS CLI use. */
    URI endpoint();

    ProvisioningClients clients();

    /** Lets EventBridge invoke the hosted functions and report its deliveries, where it can. */
    void connect(LambdaInvoker invoker, DeliveryListener listener);

    /** Serves a read-only JSON view at {@code path} of the endpoint, where the endpoint is ours. */
    default void serve(String path, java.util.function.Function<String, String> view) {
    }

    /** Injects faults into the endpoint's requests and deliveries, where the endpoint is ours. */
    default void injectFaults(mallbots.emulators.faults.FaultInjector faults) {
        throw new IllegalArgumentException("--faults needs the embedded endpoint, not --endpoint");
    }

    @Override
    void close();
}
