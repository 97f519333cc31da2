package mallbots.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mallbots.local.template.Template;
import mallbots.local.template.TemplateException;
import mallbots.local.template.TemplateReader;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {

    static final Path TEST_TEMPLATE = Path.of("src/test/resources/test-template.yaml");
    static final TemplateReader.Site SITE = new TemplateReader.Site("us-east-1",
            URI.create("http://127.0.0.1:4566"), URI.create("http://127.0.0.1:3000"));

    private static Template read(String yaml) {
        return TemplateReader.read(TemplateFixtures.parse(yaml), Map.of(), SITE);
    }

    @Test
    void resolves_names_arns_and_urls_of_the_test_template() {
        Template template = TemplateReader.read(TEST_TEMPLATE, Map.of(), SITE);

        assertThat(template.buses()).singleElement().satisfies(bus -> {
            assertThat(bus.name()).isEqualTo("testbus");
            assertThat(bus.arn()).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/testbus");
        });
        Template.Queue orders = template.queueByName("mallbots-orders").orElseThrow();
        assertThat(orders.arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:mallbots-orders");
        assertThat(orders.attributes()).containsEntry("VisibilityTimeout", "3");
        assertThat(orders.redrive()).contains(new Template.Redrive(
                "arn:aws:sqs:us-east-1:000000000000:mallbots-orders-dlq", 3));
        assertThat(template.tables()).singleElement().satisfies(table -> {
            assertThat(table.name()).isEqualTo("mallbots-records");
            assertThat(table.billingMode()).isEqualTo("PAY_PER_REQUEST");
            assertThat(table.globalSecondaryIndexes()).singleElement()
                    .satisfies(index -> assertThat(index.projectionType()).isEqualTo("KEYS_ONLY"));
        });
    }

    @Test
    void merges_globals_into_each_function_and_expands_sam_events() {
        Template template = TemplateReader.read(TEST_TEMPLATE, Map.of("BusName", "otherbus"), SITE);

        Template.Function orders = template.function("OrdersConsumer").orElseThrow();
        assertThat(orders.environment()).containsEntry("EVENT_BUS_NAME", "otherbus").containsEntry("GREETING", "hello")
                .containsEntry("CONSUMER", "orders").containsEntry("TABLE_NAME", "mallbots-records");
        assertThat(orders.timeoutSeconds()).isEqualTo(3);
        assertThat(template.function("PaymentsConsumer").orElseThrow().timeoutSeconds()).isEqualTo(10);
        assertThat(orders.memorySizeMb()).isEqualTo(256);
        assertThat(orders.queueMappings()).singleElement().isEqualTo(new Template.QueueMapping("Orders",
                "arn:aws:sqs:us-east-1:000000000000:mallbots-orders", 5, 1, true, true, 0));

        Template.Rule broken = template.rules().stream().filter(r -> r.name().equals("BrokenTargetBroken")).findFirst().orElseThrow();
        assertThat(broken.busName()).isEqualTo("otherbus");
        assertThat(broken.eventPatternJson()).contains("{\"detail-type\":[\"Broken\"]}");
        assertThat(broken.targets()).singleElement().satisfies(target -> {
            assertThat(target.arn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:BrokenTarget");
            assertThat(target.maximumRetryAttempts()).contains(2);
            assertThat(target.deadLetterArn()).contains("arn:aws:sqs:us-east-1:000000000000:mallbots-broken-dlq");
        });
        Template.Rule tick = template.rules().stream().filter(r -> r.name().equals("TickerTick")).findFirst().orElseThrow();
        assertThat(tick.scheduleExpression()).contains("rate(1 minute)");
        assertThat(tick.busName()).isEqualTo("default");

        assertThat(template.routes()).extracting(Template.Route::routeKey, Template.Route::functionName)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("GET /items/{id}", "ItemsApi"),
                        org.assertj.core.groups.Tuple.tuple("POST /items", "ItemsApi"));
        assertThat(template.cors().allowOrigins()).containsExactly("*");
        assertThat(template.notes()).anyMatch(n -> n.startsWith("ConsumerQueuesPolicy (AWS::SQS::QueuePolicy): accepted"))
                .anyMatch(n -> n.startsWith("OrdersDeadLetterAlarm (AWS::CloudWatch::Alarm): skipped"));
    }

    @Test
    void reads_the_repository_template() {
        Template template = TemplateReader.read(Path.of("../../template.yaml"), Map.of(), SITE);

        assertThat(template.buses()).extracting(Template.Bus::name).containsExactly("mallbots");
        assertThat(template.parameters()).containsEntry("Stage", "dev");
        // every schedule (7 outbox sweepers, the saga deadlines) retries twice, then its event goes to the sweepers' DLQ
        List<Template.Rule> schedules = template.rules().stream().filter(rule -> rule.scheduleExpression().isPresent()).toList();
        assertThat(schedules).hasSize(8).allSatisfy(rule -> assertThat(rule.targets()).singleElement().satisfies(target -> {
            assertThat(target.maximumRetryAttempts()).contains(2);
            assertThat(target.deadLetterArn()).contains("arn:aws:sqs:us-east-1:000000000000:mallbots-sweepers-dlq");
        }));
        assertThat(template.notes()).contains("25 log groups (AWS::Logs::LogGroup): skipped; what a function logs goes to the console");
    }

    @Test
    void sub_in_both_forms_join_select_and_pseudo_parameters() {
        Template template = read("""
                Resources:
                  Q1:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub '${AWS::StackName}-${AWS::Region}-${AWS::AccountId}-${AWS::Partition}'
                  Q2:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub
                        - '${Prefix}-${Q1.QueueName}-${!Literal}'
                        - Prefix: !Select [1, [a, b, c]]
                  Q3:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName:
                        Fn::Join: ['', [x, {Ref: AWS::StackName}]]
                """);
        assertThat(template.queues()).extracting(Template.Queue::name).containsExactly(
                "mallbots-us-east-1-000000000000-aws", "b-mallbots-us-east-1-000000000000-aws-${Literal}", "xmallbots");
    }

    @Test
    void an_unknown_resource_type_names_the_resource() {
        assertThatThrownBy(() -> read("""
                Resources:
                  Topic:
                    Type: AWS::Kinesis::Stream
                    Properties: {}
                """)).isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Resources.Topic.Type: unknown resource type AWS::Kinesis::Stream");
    }

    @Test
    void an_unknown_property_names_the_resource_and_the_property() {
        assertThatThrownBy(() -> read("""
                Resources:
                  Orders:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: orders
                      FifoQueue: true
                """)).isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Resources.Orders.Properties.FifoQueue: unknown property");
        assertThatThrownBy(() -> read("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java25
                      Handler: x.Y
                      Events:
                        Q:
                          Type: SQS
                          Properties:
                            Queue: arn:aws:sqs:us-east-1:000000000000:q
                            FilterCriteria: {}
                """)).isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Resources.Fn.Properties.Events.Q.Properties.FilterCriteria: unknown property");
    }

    @Test
    void unsupported_intrinsics_event_sources_and_dangling_references_fail_clearly() {
        assertThatThrownBy(() -> read("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !If [IsProd, a, b]
                """)).hasMessageStartingWith("Resources.Q.Properties.QueueName: !If is not supported");
        assertThatThrownBy(() -> read("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java25
                      Handler: x.Y
                      Events:
                        K:
                          Type: Kinesis
                """)).hasMessageStartingWith("Resources.Fn.Properties.Events.K.Type: event source type Kinesis is not supported");
        assertThatThrownBy(() -> read("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !GetAtt Missing.Arn
                """)).hasMessageContaining("Resources.Q.Properties.QueueName: !GetAtt Missing.Arn: no such resource");
        assertThatThrownBy(() -> read("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy:
                        deadLetterTargetArn: arn:aws:sqs:us-east-1:000000000000:nowhere
                        maxReceiveCount: 3
                """)).hasMessageStartingWith("Resources.Q.Properties.RedrivePolicy.deadLetterTargetArn:");
        assertThatThrownBy(() -> read("""
                Conditions:
                  IsProd: !Equals [a, b]
                Resources: {}
                """)).hasMessageStartingWith("Conditions: template section not supported");
    }

    @Test
    void a_queue_whose_visibility_timeout_is_shorter_than_its_consumers_timeout_is_refused_as_lambda_does() {
        assertThatThrownBy(() -> read("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 5
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java25
                      Handler: x.Y
                      Timeout: 30
                      Events:
                        FromQ:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Q.Arn
                """)).hasMessage("Resources.Fn.Properties.Events.FromQ.Properties.Queue: queue visibility timeout 5 s"
                + " is less than the function timeout 30 s (Lambda rejects this mapping)");
    }

    @Test
    void parameter_overrides_are_checked() {
        assertThatThrownBy(() -> TemplateReader.read(TEST_TEMPLATE, Map.of("Nope", "x"), SITE))
                .hasMessageStartingWith("Parameters.Nope: no such parameter");
        assertThatThrownBy(() -> TemplateReader.read(TEST_TEMPLATE, Map.of("MaxReceiveCount", "many"), SITE))
                .hasMessageStartingWith("Parameters.MaxReceiveCount: value many is not a Number");
        assertThatThrownBy(() -> TemplateReader.read(Path.of("../../template.yaml"), Map.of("Stage", "qa"), SITE))
                .hasMessageStartingWith("Parameters.Stage: value qa is not one of [dev, test, prod]");
    }

    @Test
    void ref_of_a_queue_is_its_url_and_of_an_alias_the_qualified_arn() {
        Template template = read("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java25
                      Handler: x.Y
                      AutoPublishAlias: live
                      Environment:
                        Variables:
                          QUEUE_URL: !Ref Q
                          SELF: !Ref Fn.Alias
                          API: !GetAtt ServerlessHttpApi.ApiEndpoint
                """);
        assertThat(template.function("Fn").orElseThrow().environment())
                .containsEntry("QUEUE_URL", "http://127.0.0.1:4566/000000000000/Q")
                .containsEntry("SELF", "arn:aws:lambda:us-east-1:000000000000:function:Fn:live")
                .containsEntry("API", "http://127.0.0.1:3000");
        assertThat(template.queueByName("Q")).map(Template.Queue::redrive).contains(Optional.empty());
    }

    @Test
    void find_in_map_reads_the_mappings_and_a_missing_key_fails_naming_it() {
        Template template = read("""
                Transform: AWS::LanguageExtensions
                Mappings:
                  Contexts:
                    Orders: {Name: orders}
                    Payments: {Name: payments}
                Resources:
                  Fn::ForEach::Queues:
                    - Ctx
                    - [Orders, Payments]
                    - ${Ctx}Queue:
                        Type: AWS::SQS::Queue
                        Properties:
                          QueueName: !Sub ['${AWS::StackName}-${Name}', {Name: !FindInMap [Contexts, !Ref Ctx, Name]}]
                """);

        assertThat(template.queues()).extracting(Template.Queue::logicalId, Template.Queue::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OrdersQueue", "mallbots-orders"),
                        org.assertj.core.groups.Tuple.tuple("PaymentsQueue", "mallbots-payments"));
        assertThatThrownBy(() -> read("""
                Mappings:
                  Contexts:
                    Orders: {Name: orders}
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !FindInMap [Contexts, Orders, Jar]
                """)).isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Q.Properties.QueueName: !FindInMap: mapping Contexts.Orders has no key Jar");
    }
}
