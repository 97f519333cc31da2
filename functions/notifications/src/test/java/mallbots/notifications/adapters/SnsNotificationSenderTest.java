package mallbots.notifications.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import mallbots.notifications.domain.Notification;
import mallbots.notifications.domain.NotificationKind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The SNS request of a notification (built without any call: tests never reach SNS). */
class SnsNotificationSenderTest {

    @Test
    void aNotificationIsATransactionalSmsToTheCustomersNumberWithItsText() {
        Notification notification = new Notification("6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c90",
                "c0ffee00-1b2c-4d3e-8f40-5a6b7c8d9e03", "+15555550123", NotificationKind.ORDER_READIED,
                "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a604", "Your order 3e4f5a6b is ready.", "2026-11-27T09:00:00.000000Z",
                Notification.Status.PENDING);

        PublishRequest request = SnsNotificationSender.request(notification);

        assertThat(request.phoneNumber()).isEqualTo("+15555550123");
        assertThat(request.message()).isEqualTo("Your order 3e4f5a6b is ready.");
        assertThat(request.topicArn()).isNull();
        assertThat(request.messageAttributes().get(SnsNotificationSender.SMS_TYPE).stringValue())
                .isEqualTo("Transactional");
    }
}
