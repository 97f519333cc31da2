package mallbots.platform.consumer;

import mallbots.platform.messaging.Message;

/** Handles one kind of message. Throwing fails the message's record, which SQS delivers again. */
@FunctionalInterface
public interface MessageHandler<T> {

    void handle(Message<T> message);
}
