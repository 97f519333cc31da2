package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import mallbots.local.system.Mall.Product;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The template on LocalStack and on Floci, each a pinned image that Testcontainers starts: the
 * local cloud provisions the whole template there and hosts the functions here (polling the
 * emulator's queues), and an order goes from checkout to approved through the emulator's
 * EventBridge, SQS and DynamoDB. Without a Docker engine each is skipped, saying why. The whole
 * system suite runs on one of them with {@code -Dmallbots.emulator=floci} (or {@code localstack}).
 */
class EmulatorContainersTest {

    @ParameterizedTest
    @ValueSource(strings = {"floci", "localstack"})
    void an_order_is_approved_with_the_template_on_the_emulator(String emulator) {
        try (SystemCloud system = SystemCloud.on(SystemEndpoint.container(emulator))) {
            Mall mall = new Mall(system);
            Product bolt = mall.storeWithProduct("Bolt", "1.25");
            String customer = mall.customer("Ada");
            String payment = mall.payment(customer, "10.00");

            String order = mall.checkOut(customer, payment, Map.of(bolt, 2));

            JsonNode approved = mall.orderBecomes(order, "approved");
            assertThat(approved.path("total").asText()).isEqualTo("2.50");
        }
    }
}
