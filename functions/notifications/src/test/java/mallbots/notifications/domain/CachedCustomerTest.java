package mallbots.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mallbots.platform.domain.InvalidValue;
import org.junit.jupiter.api.Test;

class CachedCustomerTest {

    @Test
    void eachPartKeepsTheNewestVersionWhateverTheOrder() {
        CachedCustomer inOrder = CachedCustomer.unseen("c").registered("Ada", "+1", 1).smsChanged("+2", 2);
        CachedCustomer reordered = CachedCustomer.unseen("c").smsChanged("+2", 2).registered("Ada", "+1", 1)
                .smsChanged("+2", 2);

        assertThat(reordered).isEqualTo(inOrder);
        assertThat(inOrder.smsNumber().value()).isEqualTo("+2");
        assertThat(inOrder.name().value()).isEqualTo("Ada");
    }

    @Test
    void reachableOnceTheNumberIsKnown() {
        assertThat(CachedCustomer.unseen("c").reachable()).isFalse();
        assertThat(CachedCustomer.unseen("c").smsChanged("+2", 2).reachable()).isTrue();
        assertThatThrownBy(() -> CachedCustomer.unseen("c").smsChanged(" ", 2)).isInstanceOf(InvalidValue.class);
    }
}
