package mallbots.search.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import mallbots.platform.domain.InvalidValue;
import mallbots.platform.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque {@code next} token: base64url of JSON {query identity, the index key to start after}.
 * A token is taken only by the query that made it (same identity, same index key attributes):
 * anything else, or a token that is not one of ours, is a 400 naming {@code next}.
 */
record PageToken(String query, Map<String, String> key) {

    String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Json.mapper().writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a page token", e);
        }
    }

    static PageToken of(String query, Map<String, AttributeValue> item, Set<String> keyAttributes) {
        Map<String, String> key = new LinkedHashMap<>();
        keyAttributes.forEach(name -> key.put(name, item.get(name).s()));
        return new PageToken(query, key);
    }

    /** The key to start after, if the token was made by this query on this index. */
    static Map<String, AttributeValue> startKey(String token, String query, Set<String> keyAttributes) {
        PageToken decoded;
        try {
            decoded = Json.mapper().readValue(Base64.getUrlDecoder().decode(token), PageToken.class);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new InvalidValue("next: not a page token");
        }
        if (decoded.query() == null || decoded.key() == null || !decoded.key().keySet().equals(keyAttributes)
                || decoded.key().values().stream().anyMatch(value -> value == null || value.isEmpty())) {
            throw new InvalidValue("next: not a page token");
        }
        if (!decoded.query().equals(query)) {
            throw new InvalidValue("next: the token belongs to another query");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        decoded.key().forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }
}
