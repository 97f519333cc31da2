package mallbots.notifications.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mallbots.notifications.domain.Notification;
import mallbots.notifications.domain.NotificationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * The SNS sender through the real SDK client (url-connection, as in Lambda) against a tiny local
 * stub speaking SNS's query protocol: no SNS emulator exists in the local cloud, and tests must
 * never reach SNS. The stub checks what goes on the wire and can refuse, as SNS may.
 */
class SnsNotificationSenderStubTest {

    private static final String ACCEPTED = """
            <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>
              <ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>
            </PublishResponse>""";
    private static final String REFUSED = """
            <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>Invalid parameter: PhoneNumber</Message></Error>
              <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
            </ErrorResponse>""";

    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private final HttpServer stub = start();
    private final SnsClient sns = SnsClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(URI.create("http://localhost:" + stub.getAddress().getPort()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();

    @AfterEach
    void stop() {
        sns.close();
        stub.stop(0);
    }

    @Test
    void publishesTheTextToThePhoneNumberAsATransactionalSms() {
        new SnsNotificationSender(sns).send(notification());

        assertThat(received).singleElement().satisfies(form -> {
            assertThat(form).containsEntry("Action", "Publish")
                    .containsEntry("PhoneNumber", "+15555550123")
                    .containsEntry("Message", "Hi Ada, your order 3e4f5a6b is ready.")
                    .doesNotContainKey("TopicArn");
            assertThat(form).containsValues(SnsNotificationSender.SMS_TYPE, "Transactional");
        });
    }

    @Test
    void aRefusalOfSnsThrowsSoThatTheSendIsRetried() {
        status = 400;

        assertThatThrownBy(() -> new SnsNotificationSender(sns).send(notification()))
                .isInstanceOf(SnsException.class).hasMessageContaining("PhoneNumber");
    }

    private static Notification notification() {
        return new Notification("6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c90", "c0ffee00-1b2c-4d3e-8f40-5a6b7c8d9e03",
                "+15555550123", NotificationKind.ORDER_READIED, "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a604",
                "Hi Ada, your order 3e4f5a6b is ready.", "2026-11-27T09:00:00.000000Z", Notification.Status.PENDING);
    }

    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                received.add(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                byte[] answer = (status == 200 ? ACCEPTED : REFUSED).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the SNS stub", e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
