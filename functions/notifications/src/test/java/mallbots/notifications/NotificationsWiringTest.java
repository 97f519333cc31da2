package mallbots.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import mallbots.notifications.handlers.NotificationsApiFunction;
import mallbots.notifications.handlers.NotificationsEventsFunction;
import mallbots.platform.config.Environment;
import org.junit.jupiter.api.Test;

/** The functions' settings: SMS only when SMS_ENABLED says "true"; a missing table name fails at once. */
class NotificationsWiringTest {

    @Test
    void smsIsSentOnlyWhenEnabled() {
        assertThat(NotificationsModule.smsEnabled(Environment.of(Map.of("SMS_ENABLED", "true")))).isTrue();
        assertThat(NotificationsModule.smsEnabled(Environment.of(Map.of("SMS_ENABLED", "TRUE ")))).isTrue();
        assertThat(NotificationsModule.smsEnabled(Environment.of(Map.of("SMS_ENABLED", "false")))).isFalse();
        assertThat(NotificationsModule.smsEnabled(Environment.of(Map.of()))).isFalse();
    }

    @Test
    void aFunctionWithoutItsTableNameFailsAtStartNamingIt() {
        assertThatThrownBy(() -> new NotificationsEventsFunction(Environment.of(Map.of("EVENT_BUS_NAME", "bus"))))
                .hasMessageContaining("TABLE_NAME");
        assertThatThrownBy(() -> new NotificationsApiFunction(Environment.of(Map.of("TABLE_NAME", "t"))))
                .hasMessageContaining("EVENT_BUS_NAME");
    }
}
