package mallbots.platform.testing;

import software.amazon.awssdk.services.sqs.SqsClient;

/** The queues' contract on {@link InMemorySqs}, the queues the contexts' testbeds deliver through. */
class InMemoryQueuesTest extends QueuesContract {

    private final InMemorySqs sqs = new InMemorySqs();

    @Override
    protected SqsClient sqs() {
        return sqs;
    }
}
