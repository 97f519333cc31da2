package mallbots.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final SmsNumber NUMBER = SmsNumber.parse("+1 (555) 010-2030");

    @Test
    void registersEnabledWithTrimmedNameAndAnnouncesIt() {
        var registered = Customer.register("c-1", "  Ada  ", NUMBER);

        assertThat(registered.customer()).isEqualTo(new Customer("c-1", "Ada", NUMBER, true));
        assertThat(registered.event()).isEqualTo(new CustomerEvent.CustomerRegistered("c-1", "Ada", NUMBER));
    }

    @Test
    void refusesABlankName() {
        assertThatThrownBy(() -> Customer.register("c-1", " ", NUMBER))
                .isInstanceOf(InvalidValue.class).hasMessage("name is required");
    }

    @Test
    void normalisesWhatPeopleTypeAndRefusesWhatIsNotANumber() {
        assertThat(NUMBER.value()).isEqualTo("+15550102030");
        assertThatThrownBy(() -> SmsNumber.parse("call me")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("smsNumber");
        assertThatThrownBy(() -> SmsNumber.parse("12345")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> SmsNumber.parse(null)).isInstanceOf(InvalidValue.class)
                .hasMessage("smsNumber is required");
    }

    @Test
    void disablesAndEnablesButNotTwice() {
        Customer enabled = Customer.register("c-1", "Ada", NUMBER).customer();

        var disabled = enabled.disable();
        assertThat(disabled.customer().enabled()).isFalse();
        assertThat(disabled.event()).isEqualTo(new CustomerEvent.CustomerDisabled("c-1"));
        assertThatThrownBy(() -> disabled.customer().disable()).isInstanceOf(RuleViolation.class)
                .hasMessage("customer c-1 is already disabled");

        var reenabled = disabled.customer().enable();
        assertThat(reenabled.customer().enabled()).isTrue();
        assertThat(reenabled.event()).isEqualTo(new CustomerEvent.CustomerEnabled("c-1"));
        assertThatThrownBy(() -> reenabled.customer().enable()).isInstanceOf(RuleViolation.class);
    }

    @Test
    void changesTheSmsNumberOnlyToANewOne() {
        Customer customer = Customer.register("c-1", "Ada", NUMBER).customer();
        SmsNumber other = SmsNumber.parse("+44 20 7946 0000");

        var changed = customer.changeSmsNumber(other);

        assertThat(changed.customer().smsNumber()).isEqualTo(other);
        assertThat(changed.event()).isEqualTo(new CustomerEvent.CustomerSmsChanged("c-1", other));
        assertThatThrownBy(() -> changed.customer().changeSmsNumber(other)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void authorizesOnlyAnEnabledCustomer() {
        Customer customer = Customer.register("c-1", "Ada", NUMBER).customer();
        customer.authorize();

        assertThatThrownBy(() -> customer.disable().customer().authorize())
                .isInstanceOf(RuleViolation.class).hasMessage("customer c-1 is disabled");
    }
}
