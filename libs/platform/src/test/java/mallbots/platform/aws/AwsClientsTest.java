package mallbots.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import mallbots.platform.config.Environment;
import mallbots.platform.testing.LocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class AwsClientsTest {

    private static Environment env(Map<String, String> variables) {
        return Environment.of(variables);
    }

    @Test
    void a_function_environment_reaches_the_endpoint_it_names() {
        String endpoint = LocalAws.dynamoEndpoint().toString();
        AwsClients clients = AwsClients.forEnvironment(env(Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", endpoint,
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test")));
        String table = LocalAws.uniqueName("aws-clients");

        clients.dynamoDb().createTable(b -> b.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));

        // Written through our client, seen through the fixture's own client: the same dynalite.
        assertThat(LocalAws.dynamo().listTables().tableNames()).contains(table);
    }

    @Test
    void the_service_variable_wins_over_the_global_one() {
        AwsClients clients = AwsClients.forEnvironment(env(Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
                "AWS_ENDPOINT_URL_DYNAMODB", LocalAws.dynamoEndpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test")));

        assertThat(clients.dynamoDb().listTables().tableNames()).isNotNull();
    }

    @Test
    void clients_are_made_once_per_distinct_settings() {
        Map<String, String> first = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "TABLE_NAME", "stores");
        Map<String, String> sameAws = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "TABLE_NAME", "baskets");
        Map<String, String> otherEndpoint = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:4567",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");

        AwsClients a = AwsClients.forEnvironment(env(first));
        AwsClients b = AwsClients.forEnvironment(env(sameAws));
        AwsClients c = AwsClients.forEnvironment(env(otherEndpoint));

        assertThat(b).isSameAs(a);
        assertThat(b.eventBridge()).isSameAs(a.eventBridge());
        assertThat(a.eventBridge()).isSameAs(a.eventBridge());
        assertThat(c).isNotSameAs(a);
        assertThat(c.eventBridge()).isNotSameAs(a.eventBridge());
    }

    @Test
    void the_process_environment_uses_the_sdk_defaults() {
        assertThat(AwsClients.forEnvironment(Environment.system())).isSameAs(AwsClients.system());
        assertThat(AwsClients.forEnvironment(env(Map.of("TABLE_NAME", "stores")))).isSameAs(AwsClients.system());
    }

    @Test
    void a_malformed_endpoint_names_its_variable() {
        assertThatThrownBy(() -> AwsClients.forEnvironment(env(Map.of("AWS_ENDPOINT_URL", "not a url"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_ENDPOINT_URL");
    }

    /**
     * The SDK's own support for configured endpoints (AWS_ENDPOINT_URL_&lt;SERVICE&gt;, or its
     * system property aws.endpointUrl&lt;Service&gt;) is what {@link AwsClients#system()} relies on:
     * no endpointOverride in our code, and still the client reaches dynalite.
     */
    @Test
    void the_sdk_itself_honours_a_configured_endpoint() {
        String[] names = {"aws.endpointUrlDynamoDb", "aws.accessKeyId", "aws.secretAccessKey"};
        String[] previous = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            previous[i] = System.getProperty(names[i]);
        }
        System.setProperty("aws.endpointUrlDynamoDb", LocalAws.dynamoEndpoint().toString());
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        try {
            assertThat(AwsClients.system().dynamoDb().listTables().tableNames()).isNotNull();
        } finally {
            for (int i = 0; i < names.length; i++) {
                if (previous[i] == null) {
                    System.clearProperty(names[i]);
                } else {
                    System.setProperty(names[i], previous[i]);
                }
            }
        }
    }
}
