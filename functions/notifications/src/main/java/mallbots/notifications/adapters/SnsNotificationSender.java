package mallbots.notifications.adapters;

import java.util.Map;
import java.util.Objects;
import mallbots.notifications.application.NotificationSender;
import mallbots.notifications.domain.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Sends the notification as an SMS through Amazon SNS (Publish with PhoneNumber, no topic). A
 * transactional SMS: SNS gives those the better delivery, and these are order updates, not ads.
 * A failure of SNS throws, so the record fails and the send is retried.
 */
public final class SnsNotificationSender implements NotificationSender {

    static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";

    private static final Logger log = LoggerFactory.getLogger(SnsNotificationSender.class);

    private final SnsClient sns;

    public SnsNotificationSender(SnsClient sns) {
        this.sns = Objects.requireNonNull(sns, "sns");
    }

    @Override
    public void send(Notification notification) {
        String snsMessageId = sns.publish(request(notification)).messageId();
        log.info("SMS to {} sent by SNS as {} (notification {})", notification.smsNumber(), snsMessageId,
                notification.id());
    }

    static PublishRequest request(Notification notification) {
        return PublishRequest.builder()
                .phoneNumber(notification.smsNumber())
                .message(notification.text())
                .messageAttributes(Map.of(SMS_TYPE, MessageAttributeValue.builder()
                        .dataType("String").stringValue("Transactional").build()))
                .build();
    }
}
