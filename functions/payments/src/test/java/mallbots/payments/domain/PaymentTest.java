package mallbots.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final String CUSTOMER = "c0ffee00-1b2c-4d3e-8f40-5a6b7c8d9e03";

    @Test
    void authorizesAPositiveAmountForACustomerKeptInLowerCase() {
        Payment payment = Payment.authorize("p-1", " C0FFEE00-1B2C-4D3E-8F40-5A6B7C8D9E03 ", Money.of("12.5"));

        assertThat(payment).isEqualTo(new Payment("p-1", CUSTOMER, Money.of("12.50")));
    }

    @Test
    void refusesAnAmountThatIsNotMoreThanZero() {
        assertThatThrownBy(() -> Payment.authorize("p-1", CUSTOMER, Money.ZERO))
                .isInstanceOf(InvalidValue.class).hasMessage("amount must be more than 0.00: 0.00");
        assertThatThrownBy(() -> Payment.authorize("p-1", CUSTOMER, Money.of("-1")))
                .isInstanceOf(InvalidValue.class).hasMessage("amount must be more than 0.00: -1.00");
        assertThatThrownBy(() -> Payment.authorize("p-1", CUSTOMER, null))
                .isInstanceOf(InvalidValue.class).hasMessage("amount is required");
    }

    @Test
    void refusesACustomerIdThatIsNotAUuid() {
        assertThatThrownBy(() -> Payment.authorize("p-1", "ada", Money.of("1")))
                .isInstanceOf(InvalidValue.class).hasMessage("customerId must be a UUID: \"ada\"");
        // UUID.fromString would take this short form; an id is the canonical form
        assertThatThrownBy(() -> Payment.authorize("p-1", "1-2-3-4-5", Money.of("1")))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Payment.authorize("p-1", " ", Money.of("1")))
                .isInstanceOf(InvalidValue.class).hasMessage("customerId is required");
    }

    @Test
    void confirmsForItsCustomerAnAmountItCovers() {
        Payment payment = new Payment("p-1", CUSTOMER, Money.of("20.00"));

        assertThat(payment.confirm(CUSTOMER, Money.of("20.00"))).isEqualTo(Confirmation.confirm());
        assertThat(payment.confirm(CUSTOMER, Money.of("0.01"))).isEqualTo(Confirmation.confirm());
        assertThat(payment.confirm(CUSTOMER, Money.of("20.01")))
                .isEqualTo(Confirmation.refuse("payment p-1 of 20.00 does not cover 20.01"));
        assertThat(payment.confirm("0ddba11e-0000-4000-8000-000000000000", Money.of("1.00")))
                .isEqualTo(Confirmation.refuse("payment p-1 belongs to another customer"));
    }

    @Test
    void onlyARefusalHasAReason() {
        assertThatThrownBy(() -> new Confirmation(true, "why")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Confirmation(false, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Confirmation.refuse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
