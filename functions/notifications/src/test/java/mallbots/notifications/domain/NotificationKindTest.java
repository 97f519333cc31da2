package mallbots.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotificationKindTest {

    @Test
    void theTextGreetsTheCustomerByNameWhenKnown() {
        assertThat(NotificationKind.ORDER_READIED.text("Ada", "o-1")).isEqualTo("Hi Ada, your order o-1 is ready.");
        assertThat(NotificationKind.ORDER_CANCELED.text(null, "o-1")).isEqualTo("Your order o-1 has been canceled.");
    }
}
