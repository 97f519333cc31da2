package mallbots.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageExtensionsTest {

    private static Map<String, Object> expand(String yaml) {
        return LanguageExtensions.expand(CloudFormationYaml.parse(new StringReader(yaml), "test"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resources(Map<String, Object> document) {
        return (Map<String, Object>) document.get("Resources");
    }

    @Test
    void a_loop_gives_its_fragment_once_per_value_with_the_value_in_keys_refs_and_subs() {
        Map<String, Object> document = expand("""
                Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
                Resources:
                  Bus: {Type: AWS::Events::EventBus}
                  Fn::ForEach::Queues:
                    - Ctx
                    - [Orders, Payments]
                    - ${Ctx}Queue:
                        Type: AWS::SQS::Queue
                        Properties:
                          QueueName: !Sub ${AWS::StackName}-${Ctx}
                          Tags: [{Key: context, Value: !Ref Ctx}]
                          RedrivePolicy: {deadLetterTargetArn: !GetAtt [!Sub '${Ctx}Dlq', Arn]}
                      ${Ctx}Dlq:
                        Type: AWS::SQS::Queue
                """);

        assertThat(resources(document)).containsOnlyKeys("Bus", "OrdersQueue", "OrdersDlq", "PaymentsQueue", "PaymentsDlq");
        assertThat(resources(document).get("PaymentsQueue")).isEqualTo(Map.of("Type", "AWS::SQS::Queue", "Properties", Map.of(
                "QueueName", Map.of("Fn::Sub", "${AWS::StackName}-Payments"),
                "Tags", List.of(Map.of("Key", "context", "Value", "Payments")),
                "RedrivePolicy", Map.of("deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(Map.of("Fn::Sub", "PaymentsDlq"), "Arn"))))));
    }

    @Test
    void a_sub_with_its_own_variable_of_the_same_name_keeps_it_and_nested_loops_see_the_outer_value() {
        Map<String, Object> document = expand("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Outer:
                    - Ctx
                    - [A, B]
                    - Fn::ForEach::Inner:
                        - Kind
                        - [Api, Events]
                        - ${Ctx}${Kind}:
                            Type: AWS::SNS::Topic
                            Properties:
                              TopicName: !Sub ['${Ctx}-${Kind}', {Kind: lower}]
                  Fn::ForEach::Symbols:
                    - Name
                    - [x-1]
                    - Topic&{Name}: {Type: AWS::SNS::Topic}
                """);

        assertThat(resources(document)).containsOnlyKeys("AApi", "AEvents", "BApi", "BEvents", "Topicx1");
        assertThat(resources(document).get("BEvents")).isEqualTo(Map.of("Type", "AWS::SNS::Topic",
                "Properties", Map.of("TopicName", Map.of("Fn::Sub", List.of("B-${Kind}", Map.of("Kind", "lower"))))));
    }

    @Test
    void a_template_without_loops_comes_back_equal() {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Queue: {Type: AWS::SQS::Queue, Properties: {QueueName: !Sub '${AWS::StackName}-q'}}
                """;

        assertThat(expand(yaml)).isEqualTo(CloudFormationYaml.parse(new StringReader(yaml), "test"));
    }

    @Test
    void what_cloudformation_refuses_is_refused_naming_where() {
        assertThatThrownBy(() -> expand("""
                Resources:
                  Fn::ForEach::Queues: [Ctx, [A], {'${Ctx}Queue': {Type: AWS::SQS::Queue}}]
                """)).isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Fn::ForEach::Queues: Fn::ForEach needs Transform AWS::LanguageExtensions");
        assertThatThrownBy(() -> expand("""
                Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions]
                Resources: {}
                """)).hasMessageStartingWith("Transform: AWS::LanguageExtensions must come before AWS::Serverless-2016-10-31");
        assertThatThrownBy(() -> expand("""
                Transform: AWS::LanguageExtensions
                Resources:
                  AQueue: {Type: AWS::SQS::Queue}
                  Fn::ForEach::Queues: [Ctx, [A], {'${Ctx}Queue': {Type: AWS::SQS::Queue}}]
                """)).hasMessageStartingWith("Resources.AQueue: declared twice");
        assertThatThrownBy(() -> expand("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Queues: [Ctx, [a-b], {'${Ctx}Queue': {Type: AWS::SQS::Queue}}]
                """)).hasMessageContaining("gives a-bQueue for a-b, not an alphanumeric logical id");
        assertThatThrownBy(() -> expand("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Queues: [Ctx, !Ref Contexts, {'${Ctx}Queue': {Type: AWS::SQS::Queue}}]
                """)).hasMessageContaining("loops over a literal list only");
    }
}
