package mallbots.emulators;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.CreateQueueMetadata;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.concurrent.Await;
import scala.util.Either;

/**
 * ElasticMQ, the SQS of the local cloud, embedded in this JVM. Queue URLs it hands out point
 * at {@code publicEndpoint} (the local cloud's single endpoint), so that clients that use the
 * URL talk to the same place they created the queue through.
 *
 * <p>With a data directory, queues and their messages (bodies, attributes, receive counts,
 * visibility) are kept in an H2 database there, by ElasticMQ's own SQL persistence (its
 * {@code messages-storage} option, wired here as ElasticMQ's server does): every change of a
 * message is written as it happens, and a start restores what was there, so messages survive a
 * crash of the JVM.
 */
public final class ElasticMq implements AutoCloseable {

    public static final String ACCOUNT_ID = "000000000000";
    /** The H2 database's name in the data directory ({@value}.mv.db). */
    public static final String DATABASE = "elasticmq-queues";

    private final SQSRestServer server;
    private final int port;
    private final ActorSystem actors;

    private ElasticMq(SQSRestServer server, int port, ActorSystem actors) {
        this.server = server;
        this.port = port;
        this.actors = actors;
    }

    /** Starts ElasticMQ on a free port; queue URLs name that port. */
    public static ElasticMq start(String region) {
        int port = Ports.free();
        return start(port, URI.create("http://127.0.0.1:" + port), region);
    }

    /** Starts ElasticMQ on 127.0.0.1:port; queue URLs name {@code publicEndpoint}. In memory. */
    public static ElasticMq start(int port, URI publicEndpoint, String region) {
        return start(port, publicEndpoint, region, null);
    }

    /**
     * Starts ElasticMQ on 127.0.0.1:port; queue URLs name {@code publicEndpoint}; with
     * {@code dataDir} not null, queues and messages are kept there and restored at start.
     */
    public static ElasticMq start(int port, URI publicEndpoint, String region, Path dataDir) {
        int publicPort = publicEndpoint.getPort() > 0 ? publicEndpoint.getPort() : 80;
        NodeAddress address = new NodeAddress(publicEndpoint.getScheme(), publicEndpoint.getHost(), publicPort, "");
        TheSQSRestServerBuilder builder = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(address)
                .withAWSRegion(region)
                .withAWSAccountId(ACCOUNT_ID);
        if (dataDir == null) {
            SQSRestServer server = builder.start();
            server.waitUntilStarted();
            return new ElasticMq(server, port, null);
        }
        ActorSystem actors = ActorSystem.create("elasticmq");
        try {
            // FILE_LOCK=FS: the operating system's lock, which a killed JVM cannot leave behind;
            // WRITE_DELAY=0: each change is written at once, not up to half a second later
            SqlQueuePersistenceConfig storage = SqlQueuePersistenceConfig.apply(true, "org.h2.Driver",
                    "jdbc:h2:" + dataDir.toAbsolutePath().resolve(DATABASE) + ";FILE_LOCK=FS;WRITE_DELAY=0", "sa", "",
                    false);
            scala.collection.immutable.List<CreateQueueMetadata> noBaseQueues =
                    scala.collection.immutable.List$.MODULE$.empty();
            ActorRef store = actors.actorOf(Props.create(SqlQueuePersistenceActor.class,
                    () -> new SqlQueuePersistenceActor(storage, noBaseQueues)));
            ActorRef queues = actors.actorOf(Props.create(QueueManagerActor.class,
                    () -> new QueueManagerActor(new NowProvider(), SQSRestServerBuilder.sqsLimits(), Option.apply(store))));
            Object restored = Await.result(Patterns.ask(store, new QueueEvent.Restore(queues), 30_000),
                    scala.concurrent.duration.Duration.create(30, TimeUnit.SECONDS));
            if (restored instanceof Either<?, ?> either && either.isLeft()) {
                throw new IllegalStateException("ElasticMQ could not restore the queues in " + dataDir + ": "
                        + either.left().get());
            }
            SQSRestServer server = builder.copy(Option.apply(actors), Option.apply(queues), "127.0.0.1", port,
                    address, false, SQSRestServerBuilder.sqsLimits(), region, ACCOUNT_ID, Option.apply(store),
                    builder.autoCreateQueuesConfig()).start();
            server.waitUntilStarted();
            return new ElasticMq(server, port, actors);
        } catch (RuntimeException e) {
            actors.terminate();
            throw e;
        } catch (Exception e) {
            actors.terminate();
            throw new IllegalStateException("ElasticMQ could not start on " + dataDir + ": " + e, e);
        }
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
        if (actors != null) {
            try {
                Await.result(actors.terminate(), scala.concurrent.duration.Duration.create(10, TimeUnit.SECONDS));
            } catch (Exception e) {
                // stopping anyway
            }
        }
    }

}
