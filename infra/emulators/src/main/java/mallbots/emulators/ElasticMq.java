package mallbots.emulators;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ, the SQS of the local cloud, embedded in this JVM. Queue URLs it hands out point
 * at {@code publicEndpoint} (the local cloud's single endpoint), so that clients that use the
 * URL talk to the same place they created the queue through.
 */
public final class ElasticMq implements AutoCloseable {

    public static final String ACCOUNT_ID = "000000000000";

    private final SQSRestServer server;
    private final int port;

    private ElasticMq(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts ElasticMQ on a free port; queue URLs name that port. */
    public static ElasticMq start(String region) {
        int port = Ports.free();
        return start(port, URI.create("http://127.0.0.1:" + port), region);
    }

    /** Starts ElasticMQ on 127.0.0.1:port; queue URLs name {@code publicEndpoint}. */
    public static ElasticMq start(int port, URI publicEndpoint, String region) {
        int publicPort = publicEndpoint.getPort() > 0 ? publicEndpoint.getPort() : 80;
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(new NodeAddress(publicEndpoint.getScheme(), publicEndpoint.getHost(), publicPort, ""))
                .withAWSRegion(region)
                .withAWSAccountId(ACCOUNT_ID)
                .start();
        server.waitUntilStarted();
        return new ElasticMq(server, port);
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
