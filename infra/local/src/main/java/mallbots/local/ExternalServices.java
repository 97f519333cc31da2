package mallbots.local;

import java.net.URI;
import mallbots.emulators.eventbridge.DeliveryListener;
import mallbots.emulators.eventbridge.LambdaInvoker;
import mallbots.local.console.FlowConsole;
import mallbots.local.provision.ProvisioningClients;

/**
 * An AWS-compatible endpoint someone else runs (LocalStack, Floci): the template is provisioned
 * there and its queues are polled from here. Its EventBridge cannot call into this JVM, so rule
 * and schedule targets that are functions are not delivered to the hosted functions.
 */
final class ExternalServices implements AwsServices {

    private final URI endpoint;
    private final ProvisioningClients clients;
    private final FlowConsole console;

    ExternalServices(URI endpoint, String region, FlowConsole console) {
        this.endpoint = endpoint;
        this.clients = ProvisioningClients.of(endpoint, region);
        this.console = console;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public ProvisioningClients clients() {
        return clients;
    }

    @Override
    public void connect(LambdaInvoker invoker, DeliveryListener listener) {
        console.warn("external endpoint " + endpoint + ": its EventBridge cannot invoke functions hosted here, so rules"
                + " and schedules whose target is a function do not reach them (rules to queues work)");
    }

    @Override
    public void close() {
        clients.close();
    }
}
