package mallbots.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import mallbots.emulators.EndpointPorts;
import mallbots.emulators.LocalAwsEndpoint;
import mallbots.emulators.eventbridge.DeliveryListener;
import mallbots.emulators.eventbridge.EventBridgeSettings;
import mallbots.emulators.eventbridge.LambdaInvoker;
import mallbots.local.provision.AwsClients;

/** The embedded endpoint: our EventBridge, ElasticMQ and dynalite behind one URI. */
final class EmbeddedServices implements AwsServices {

    private final LocalAwsEndpoint endpoint;
    private final AwsClients clients;

    private EmbeddedServices(LocalAwsEndpoint endpoint, AwsClients clients) {
        this.endpoint = endpoint;
        this.clients = clients;
    }

    /**
     * The local cloud's own clients (provisioning, queue polling) talk to ElasticMQ and dynalite
     * directly, as the functions do (see {@link #functionEndpoints}); EventBridge is the endpoint's.
     */
    static EmbeddedServices start(EndpointPorts ports, String region, Path dataDir) {
        LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(ports, dataDir, EventBridgeSettings.defaults(region));
        return new EmbeddedServices(endpoint,
                AwsClients.of(ports.sqsUri(), ports.dynamoDbUri(), endpoint.uri(), region));
    }

    /**
     * What the functions are told: the endpoint for every service, and DynamoDB's own address,
     * so that their many small DynamoDB calls skip the endpoint's forwarding.
     */
    static Map<String, String> functionEndpoints(EndpointPorts ports) {
        return Map.of("AWS_ENDPOINT_URL", ports.endpointUri().toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", ports.dynamoDbUri().toString());
    }

    @Override
    public URI endpoint() {
        return endpoint.uri();
    }

    @Override
    public AwsClients clients() {
        return clients;
    }

    @Override
    public void connect(LambdaInvoker invoker, DeliveryListener listener) {
        endpoint.setLambdaInvoker(invoker);
        endpoint.addDeliveryListener(listener);
    }

    @Override
    public void close() {
        clients.close();
        endpoint.close();
    }
}
