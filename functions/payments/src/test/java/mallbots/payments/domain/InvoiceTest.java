package mallbots.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mallbots.platform.domain.InvalidValue;
import mallbots.platform.domain.Money;
import mallbots.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final Money TOTAL = Money.of("31.98");

    @Test
    void isIssuedPendingUnderTheOrdersId() {
        Invoice.Changed issued = Invoice.issue("o-1", "c-1", TOTAL);

        assertThat(issued.invoice()).isEqualTo(new Invoice("o-1", "o-1", TOTAL, InvoiceStatus.PENDING, "c-1"));
        assertThat(issued.invoice().pending()).isTrue();
        assertThat(issued.event()).isEqualTo(new InvoiceEvent.InvoiceCreated("o-1", "o-1", TOTAL));
    }

    @Test
    void aPendingInvoiceIsPaidOnce() {
        Invoice.Changed paid = Invoice.issue("o-1", "c-1", TOTAL).invoice().pay();

        assertThat(paid.invoice().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.event()).isEqualTo(new InvoiceEvent.InvoicePaid("o-1", "o-1", TOTAL));
        assertThatThrownBy(() -> paid.invoice().pay()).isInstanceOf(RuleViolation.class)
                .hasMessage("invoice o-1 is paid: only a pending invoice can be paid");
        assertThatThrownBy(() -> paid.invoice().cancel()).isInstanceOf(RuleViolation.class)
                .hasMessage("invoice o-1 is paid: only a pending invoice can be canceled");
    }

    @Test
    void aPendingInvoiceIsCanceledOnceAndThenCannotBePaid() {
        Invoice.Changed canceled = Invoice.issue("o-1", "c-1", TOTAL).invoice().cancel();

        assertThat(canceled.invoice().status()).isEqualTo(InvoiceStatus.CANCELED);
        assertThat(canceled.event()).isEqualTo(new InvoiceEvent.InvoiceCanceled("o-1", "o-1", TOTAL));
        assertThatThrownBy(() -> canceled.invoice().pay()).isInstanceOf(RuleViolation.class)
                .hasMessage("invoice o-1 is canceled: only a pending invoice can be paid");
        assertThatThrownBy(() -> canceled.invoice().cancel()).isInstanceOf(RuleViolation.class);
    }

    @Test
    void anOrderOfNothingIsInvoicedNothingButNeverLessThanNothing() {
        assertThat(Invoice.issue("o-1", "c-1", Money.ZERO).invoice().amount()).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> Invoice.issue("o-1", "c-1", Money.of("-0.01"))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void statusLabelsAreTheApisWords() {
        assertThat(InvoiceStatus.values()).extracting(InvoiceStatus::label).containsExactly("pending", "paid", "canceled");
        assertThat(InvoiceStatus.ofLabel("paid")).isEqualTo(InvoiceStatus.PAID);
        assertThatThrownBy(() -> InvoiceStatus.ofLabel("PAID")).isInstanceOf(IllegalArgumentException.class);
    }
}
