package mallbots.platform.testing;

import software.amazon.awssdk.services.sqs.SqsClient;

/** The queues' contract on ElasticMQ, the local cloud's SQS: the reference the in-memory queues are held to. */
class ElasticMqQueuesTest extends QueuesContract {

    @Override
    protected SqsClient sqs() {
        return LocalAws.sqs();
    }
}
