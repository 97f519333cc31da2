package mallbots.platform.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who calls, as the HTTP API's JWT authorizer verified it: the token's subject ({@code sub}) and
 * scopes, read from {@code requestContext.authorizer.jwt} of the event. The function trusts them
 * because API Gateway (or the local cloud) checked the token before invoking it; a route that the
 * template guards never runs without them.
 *
 * @param scopes the event's {@code scopes}, else the {@code scope} claim split on spaces
 */
public record Caller(String subject, Set<String> scopes, Map<String, String> claims) {

    public Caller {
        scopes = Set.copyOf(scopes);
        claims = Map.copyOf(claims);
    }

    /** The caller of this event, if its route has an authorizer and the token had a subject. */
    public static Optional<Caller> of(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        var jwt = context.getAuthorizer().getJwt();
        Map<String, String> claims = jwt.getClaims() == null ? Map.of() : jwt.getClaims();
        String subject = claims.get("sub");
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        Set<String> scopes = new LinkedHashSet<>();
        if (jwt.getScopes() != null) {
            scopes.addAll(jwt.getScopes());
        }
        if (scopes.isEmpty() && claims.get("scope") != null) {
            scopes.addAll(List.of(claims.get("scope").trim().split("\\s+")));
        }
        scopes.remove("");
        return Optional.of(new Caller(subject, scopes, claims));
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
