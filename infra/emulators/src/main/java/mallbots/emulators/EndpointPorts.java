package mallbots.emulators;

import java.net.URI;

/**
 * The ports of the local endpoint and of the services behind it, chosen before anything starts,
 * so that functions can be told where DynamoDB and SQS answer directly: a request sent straight
 * to dynalite or ElasticMQ skips the endpoint's forwarding (one HTTP server and one HTTP client
 * less per call), as a function on AWS talks to each service's own endpoint.
 */
public record EndpointPorts(int endpoint, int dynamoDb, int sqs) {

    /** The endpoint on {@code endpointPort} (0 for a free one), the services on free ports. */
    public static EndpointPorts choose(int endpointPort) {
        return new EndpointPorts(endpointPort == 0 ? Ports.free() : endpointPort, Ports.free(), Ports.free());
    }

    public URI endpointUri() {
        return loopback(endpoint);
    }

    public URI dynamoDbUri() {
        return loopback(dynamoDb);
    }

    public URI sqsUri() {
        return loopback(sqs);
    }

    private static URI loopback(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }
}
