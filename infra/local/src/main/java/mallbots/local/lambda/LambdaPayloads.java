package mallbots.local.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;

/**
 * Converts the JSON payload Lambda sends into the handler's parameter type, and the handler's
 * result back into JSON, as Lambda's Java runtime does for the event classes the MallBots
 * functions take (SQSEvent, APIGatewayV2HTTPEvent, ScheduledEvent) and for Map, String,
 * InputStream and plain Java types.
 */
public final class LambdaPayloads {

    public static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private LambdaPayloads() {
    }

    static Object toParameter(String payload, Type type) throws JsonProcessingException {
        if (type == String.class) {
            return payload;
        }
        if (type == InputStream.class) {
            return new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8));
        }
        if (type == SQSEvent.class) {
            return sqsEvent(JSON.readTree(payload));
        }
        if (type == APIGatewayV2HTTPEvent.class) {
            return httpEvent(JSON.readTree(payload));
        }
        if (type == ScheduledEvent.class) {
            return scheduledEvent(JSON.readTree(payload));
        }
        return JSON.readValue(payload, JSON.getTypeFactory().constructType(type));
    }

    static String toJson(Object result) throws JsonProcessingException {
        if (result == null) {
            return null;
        }
        if (result instanceof JsonNode node) {
            return JSON.writeValueAsString(node);
        }
        return JSON.writeValueAsString(result);
    }

    /** A function's JSON answer as a tree: a text node when it is not JSON at all. */
    public static JsonNode tree(String output) {
        if (output == null) {
            return null;
        }
        try {
            return JSON.readTree(output);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(output);
        }
    }

    private static SQSEvent sqsEvent(JsonNode json) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (JsonNode r : json.path("Records")) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(text(r, "messageId"));
            message.setReceiptHandle(text(r, "receiptHandle"));
            message.setBody(text(r, "body"));
            message.setMd5OfBody(text(r, "md5OfBody"));
            message.setMd5OfMessageAttributes(text(r, "md5OfMessageAttributes"));
            message.setEventSource(text(r, "eventSource"));
            message.setEventSourceArn(text(r, "eventSourceARN"));
            message.setAwsRegion(text(r, "awsRegion"));
            message.setAttributes(strings(r.path("attributes")));
            Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
            r.path("messageAttributes").properties().forEach(entry -> {
                SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
                attribute.setDataType(text(entry.getValue(), "dataType"));
                attribute.setStringValue(text(entry.getValue(), "stringValue"));
                attributes.put(entry.getKey(), attribute);
            });
            message.setMessageAttributes(attributes);
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static APIGatewayV2HTTPEvent httpEvent(JsonNode json) {
        JsonNode context = json.path("requestContext");
        JsonNode http = context.path("http");
        APIGatewayV2HTTPEvent.RequestContext.Http h = new APIGatewayV2HTTPEvent.RequestContext.Http();
        h.setMethod(text(http, "method"));
        h.setPath(text(http, "path"));
        h.setProtocol(text(http, "protocol"));
        h.setSourceIp(text(http, "sourceIp"));
        h.setUserAgent(text(http, "userAgent"));
        APIGatewayV2HTTPEvent.RequestContext c = new APIGatewayV2HTTPEvent.RequestContext();
        c.setAccountId(text(context, "accountId"));
        c.setApiId(text(context, "apiId"));
        c.setDomainName(text(context, "domainName"));
        c.setDomainPrefix(text(context, "domainPrefix"));
        c.setRequestId(text(context, "requestId"));
        c.setRouteKey(text(context, "routeKey"));
        c.setStage(text(context, "stage"));
        c.setTime(text(context, "time"));
        c.setTimeEpoch(context.path("timeEpoch").asLong());
        c.setHttp(h);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion(text(json, "version"));
        event.setRouteKey(text(json, "routeKey"));
        event.setRawPath(text(json, "rawPath"));
        event.setRawQueryString(text(json, "rawQueryString"));
        if (json.has("cookies")) {
            List<String> cookies = new ArrayList<>();
            json.path("cookies").forEach(cookie -> cookies.add(cookie.asText()));
            event.setCookies(cookies);
        }
        event.setHeaders(strings(json.path("headers")));
        event.setQueryStringParameters(json.has("queryStringParameters") ? strings(json.path("queryStringParameters")) : null);
        event.setPathParameters(json.has("pathParameters") ? strings(json.path("pathParameters")) : null);
        event.setBody(text(json, "body"));
        event.setIsBase64Encoded(json.path("isBase64Encoded").asBoolean(false));
        event.setRequestContext(c);
        return event;
    }

    private static ScheduledEvent scheduledEvent(JsonNode json) {
        ScheduledEvent event = new ScheduledEvent();
        event.setVersion(text(json, "version"));
        event.setId(text(json, "id"));
        event.setDetailType(text(json, "detail-type"));
        event.setSource(text(json, "source"));
        event.setAccount(text(json, "account"));
        event.setRegion(text(json, "region"));
        if (json.hasNonNull("time")) {
            event.setTime(new DateTime(json.path("time").asText()));
        }
        List<String> resources = new ArrayList<>();
        json.path("resources").forEach(r -> resources.add(r.asText()));
        event.setResources(resources);
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = json.has("detail") ? JSON.convertValue(json.path("detail"), Map.class) : Map.of();
        event.setDetail(detail);
        return event;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
