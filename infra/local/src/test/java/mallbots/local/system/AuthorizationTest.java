package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.local.auth.LocalIssuer;
import mallbots.local.system.SystemCloud.Answer;
import org.junit.jupiter.api.Test;

/**
 * The template's JWT authorizer as the local cloud enforces it, end to end: public catalogue,
 * 401 for every kind of bad token, 403 for a missing scope, and a customer who cannot read or
 * change anything of another customer.
 */
class AuthorizationTest {

    private static final SystemCloud SYSTEM = SystemCloud.shared();
    private static final String CUSTOMER = "mallbots/customer";

    @Test
    void the_mall_and_the_catalogue_are_public_and_the_issuers_keys_are_served() {
        assertThat(SYSTEM.call("GET", "/api/stores", null, null).status()).isEqualTo(200);
        assertThat(SYSTEM.call("GET", "/api/stores/participating", null, null).status()).isEqualTo(200);
        Answer keys = SYSTEM.call("GET", "/.well-known/jwks.json", null, null);
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.body().path("keys").get(0).path("kty").asText()).isEqualTo("RSA");
        assertThat(keys.body().path("keys").get(0).has("d")).as("no private part").isFalse();
        Answer discovery = SYSTEM.call("GET", "/.well-known/openid-configuration", null, null);
        assertThat(discovery.body().path("issuer").asText()).isEqualTo(SYSTEM.tokens().issuerUrl());
    }

    @Test
    void a_missing_malformed_badly_signed_expired_or_foreign_token_is_401() throws Exception {
        String subject = UUID.randomUUID().toString();
        LocalIssuer stranger = LocalIssuer.inStateDir(Files.createTempDirectory("mallbots-stranger"));
        LocalIssuer own = SYSTEM.local().issuer();
        String issuer = SYSTEM.tokens().issuerUrl();
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("none", null);
        tokens.put("malformed", "not-a-jwt");
        tokens.put("signed by another key", stranger.token(issuer, "mallbots", subject, List.of(CUSTOMER), Duration.ofHours(1)));
        tokens.put("expired", SYSTEM.tokens().token(subject, List.of(CUSTOMER), Duration.ofMinutes(-5)));
        tokens.put("of another issuer", own.token("https://issuer.example", "mallbots", subject, List.of(CUSTOMER), Duration.ofHours(1)));
        tokens.put("for another audience", own.token(issuer, "another-app", subject, List.of(CUSTOMER), Duration.ofHours(1)));
        String signed = SYSTEM.token(subject, CUSTOMER);
        tokens.put("tampered", signed.substring(0, signed.lastIndexOf('.') - 2) + "xx" + signed.substring(signed.lastIndexOf('.')));

        tokens.forEach((kind, token) -> {
            Answer answer = SYSTEM.call("POST", "/api/customers", "{\"name\":\"Eve\",\"smsNumber\":\"+15550100000\"}", token);
            assertThat(answer.status()).as(kind).isEqualTo(401);
            assertThat(answer.message()).as(kind).isEqualTo("Unauthorized");
        });
        assertThat(SYSTEM.call("GET", "/api/customers/" + subject, null, signed).status())
                .as("nothing was registered").isEqualTo(404);
    }

    @Test
    void a_token_without_the_routes_scope_is_403() {
        String customer = SYSTEM.token(UUID.randomUUID().toString(), CUSTOMER);
        String bot = SYSTEM.token(UUID.randomUUID().toString(), "mallbots/bot");

        Answer storeByCustomer = SYSTEM.call("POST", "/api/stores", "{\"name\":\"Mine\",\"location\":\"Roof\"}", customer);
        Answer basketByBot = SYSTEM.call("POST", "/api/baskets", "{}", bot);
        Answer searchByCustomer = SYSTEM.call("POST", "/api/search/orders", "{}", customer);
        Answer noScopes = SYSTEM.call("POST", "/api/baskets", "{}", SYSTEM.token(UUID.randomUUID().toString()));

        for (Answer answer : List.of(storeByCustomer, basketByBot, searchByCustomer, noScopes)) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.message()).isEqualTo("Forbidden");
        }
    }

    @Test
    void a_customer_cannot_read_or_change_anything_of_another_customer() {
        String ada = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        String adas = SYSTEM.token(ada, CUSTOMER);
        String bobs = SYSTEM.token(bob, CUSTOMER);
        Answer registered = SYSTEM.call("POST", "/api/customers", "{\"name\":\"Ada\",\"smsNumber\":\"+15550100001\"}", adas);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.id()).as("the customer's id is the token's subject").isEqualTo(ada);
        String payment = SYSTEM.call("POST", "/api/payments", "{\"amount\": 10}", adas).id();
        String basket = SYSTEM.call("POST", "/api/baskets", "{}", adas).id();
        String before = SYSTEM.call("GET", "/api/baskets/" + basket, null, adas).body().toString();

        List<Answer> bobsTries = List.of(
                SYSTEM.call("GET", "/api/customers/" + ada, null, bobs),
                SYSTEM.call("PUT", "/api/customers/" + ada + "/change-sms", "{\"smsNumber\":\"+15550100666\"}", bobs),
                SYSTEM.call("GET", "/api/payments/" + payment, null, bobs),
                SYSTEM.call("GET", "/api/baskets/" + basket, null, bobs),
                SYSTEM.call("PUT", "/api/baskets/" + basket + "/checkout", "{\"paymentId\":\"" + payment + "\"}", bobs),
                SYSTEM.call("DELETE", "/api/baskets/" + basket, null, bobs),
                SYSTEM.call("GET", "/api/ordering/" + basket, null, bobs),
                SYSTEM.call("GET", "/api/payments/invoices/" + basket, null, bobs),
                SYSTEM.call("GET", "/api/notifications?customerId=" + ada, null, bobs),
                SYSTEM.call("POST", "/api/baskets", "{\"customerId\":\"" + ada + "\"}", bobs),
                SYSTEM.call("POST", "/api/payments", "{\"customerId\":\"" + ada + "\",\"amount\":1}", bobs));
        for (Answer answer : bobsTries) {
            assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(404);
        }
        assertThat(SYSTEM.call("GET", "/api/baskets/" + basket, null, adas).body().toString()).isEqualTo(before);
        assertThat(SYSTEM.call("GET", "/api/customers/" + ada, null, adas).body().path("smsNumber").asText())
                .isEqualTo("+15550100001");
    }
}
