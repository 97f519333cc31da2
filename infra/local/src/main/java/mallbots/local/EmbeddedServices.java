package mallbots.local;

import java.net.URI;
import java.nio.file.Path;
import mallbots.emulators.LocalAwsEndpoint;
import mallbots.emulators.UsageMeter;
import mallbots.emulators.eventbridge.DeliveryListener;
import mallbots.emulators.eventbridge.EventBridgeSettings;
import mallbots.emulators.eventbridge.LambdaInvoker;
import mallbots.local.provision.ProvisioningClients;

/** The embedded endpoint: our EventBridge, ElasticMQ and dynalite behind one URI. */
final class EmbeddedServices implements AwsServices {

    private final LocalAwsEndpoint endpoint;
    private final ProvisioningClients clients;

    private EmbeddedServices(LocalAwsEndpoint endpoint, ProvisioningClients clients) {
        this.endpoint = endpoint;
        this.clients = clients;
    }

    static EmbeddedServices start(int port, String region, Path dataDir, UsageMeter usage) {
        LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(port, dataDir, EventBridgeSettings.defaults(region), usage);
        return new EmbeddedServices(endpoint, ProvisioningClients.of(endpoint.uri(), region));
    }

    @Override
    public URI endpoint() {
        return endpoint.uri();
    }

    @Override
    public ProvisioningClients clients() {
        return clients;
    }

    @Override
    public void connect(LambdaInvoker invoker, DeliveryListener listener) {
        endpoint.setLambdaInvoker(invoker);
        endpoint.addDeliveryListener(listener);
        // deliveries a crash interrupted (kept with --data-dir) go on, now that functions can be invoked
        endpoint.resumeDeliveries();
    }

    @Override
    public void serve(String path, java.util.function.Function<String, String> view) {
        endpoint.serve(path, view);
    }

    @Override
    public void injectFaults(mallbots.emulators.faults.FaultInjector faults) {
        endpoint.injectFaults(faults);
    }

    @Override
    public void close() {
        clients.close();
        endpoint.close();
    }
}
