package mallbots.emulators.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import mallbots.emulators.LocalAwsEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** With two deliveries per event, every matching target gets each event twice, as at-least-once delivery allows. */
class DuplicateDeliveryTest {

    @Test
    void eachTargetGetsTheSameEventTwice() {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t"));
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(0, null,
                EventBridgeSettings.defaults("us-east-1").withDeliveriesPerEvent(2));
             EventBridgeClient events = EventBridgeClient.builder().endpointOverride(endpoint.uri())
                     .region(Region.US_EAST_1).credentialsProvider(credentials)
                     .httpClient(UrlConnectionHttpClient.create()).build();
             SqsClient sqs = SqsClient.builder().endpointOverride(endpoint.uri()).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
            String url = sqs.createQueue(c -> c.queueName("twice")).queueUrl();
            String arn = sqs.getQueueAttributes(a -> a.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            events.putRule(r -> r.name("all").eventPattern("{\"source\":[\"mallbots.test\"]}"));
            events.putTargets(t -> t.rule("all").targets(x -> x.id("q").arn(arn)));

            String eventId = events.putEvents(p -> p.entries(e -> e.source("mallbots.test").detailType("Twice")
                    .detail("{}"))).entries().getFirst().eventId();

            List<Message> received = new ArrayList<>();
            for (int poll = 0; poll < 10 && received.size() < 2; poll++) {
                received.addAll(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages());
            }
            assertThat(received).hasSize(2).allSatisfy(message -> assertThat(message.body()).contains(eventId));
        }
    }
}
