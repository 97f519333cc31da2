package mallbots.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import mallbots.platform.json.Json;
import org.junit.jupiter.api.Test;

class VersionedTest {

    @Test
    void theNewestVersionWinsWhateverTheOrderAndRepeats() {
        List<List<Integer>> orders = List.of(List.of(1, 2, 3), List.of(3, 2, 1), List.of(2, 3, 1, 3, 2, 1));
        for (List<Integer> order : orders) {
            Versioned<String> name = Versioned.unset();
            for (int version : order) {
                name = name.merge("name " + version, version);
            }
            assertThat(name).as("order %s", order).isEqualTo(new Versioned<>("name 3", 3));
        }
    }

    @Test
    void anOlderOrEqualVersionLeavesThePartAsItIs() {
        Versioned<String> name = new Versioned<>("Corner Market", 3);

        assertThat(name.merge("Corner Shop", 1)).isSameAs(name);
        assertThat(name.merge("Other", 3)).isSameAs(name);
    }

    @Test
    void unsetHasNoValueAndAValueNeedsAVersion() {
        assertThat(Versioned.unset().known()).isFalse();
        assertThat(Versioned.unset().version()).isZero();
        assertThatThrownBy(() -> new Versioned<>("x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Versioned<>(null, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Versioned.<String>unset().merge("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itIsStoredAsJsonAndReadBack() throws JsonProcessingException {
        Versioned<String> name = new Versioned<>("Corner Shop", 2);

        String json = Json.mapper().writeValueAsString(name);

        assertThat(Json.mapper().readValue(json, new TypeReference<Versioned<String>>() { })).isEqualTo(name);
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(Versioned.unset()),
                new TypeReference<Versioned<String>>() { })).isEqualTo(Versioned.unset());
    }
}
