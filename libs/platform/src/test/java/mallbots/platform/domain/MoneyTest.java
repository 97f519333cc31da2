package mallbots.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mallbots.platform.json.Json;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsAndMultipliesInDecimalNeverInBinaryFloatingPoint() {
        Money total = Money.of("0.10").plus(Money.of("0.20")).times(3);

        assertThat(total).isEqualTo(Money.of("0.90"));
        assertThat(total.toString()).isEqualTo("0.90");
    }

    @Test
    void acceptsWhatPeopleTypeButNotMoreThanTwoDecimals() {
        assertThat(Money.of("12")).hasToString("12.00");
        assertThat(Money.of("12.5")).hasToString("12.50");
        assertThatThrownBy(() -> Money.of("12.505")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void travelsAsAStringWithExactlyTwoDecimals() throws Exception {
        var mapper = Json.mapper();

        assertThat(mapper.writeValueAsString(Money.of("7.5"))).isEqualTo("\"7.50\"");
        assertThat(mapper.readValue("\"7.50\"", Money.class)).isEqualTo(Money.of("7.50"));
        assertThatThrownBy(() -> mapper.readValue("\"7.5\"", Money.class)).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> mapper.readValue("7.50", Money.class)).isNotNull();
    }

    @Test
    void comparesByAmount() {
        assertThat(Money.of("2.00")).isGreaterThan(Money.of("1.99"));
        assertThat(Money.of("-0.01").isNegative()).isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
    }
}
