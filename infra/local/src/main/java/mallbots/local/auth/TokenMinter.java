package mallbots.local.auth;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import mallbots.local.template.Template;

/**
 * Bearer tokens that the template's own authorizer accepts locally: signed by the local issuer,
 * with the issuer and the first audience of the template's JWT authorizer whose issuer is the
 * local cloud ({@code ./mallbots token}, the system tests, the bench).
 */
public final class TokenMinter {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final LocalIssuer issuer;
    private final Template.JwtAuthorizer authorizer;

    public TokenMinter(LocalIssuer issuer, Template template) {
        this.issuer = issuer;
        this.authorizer = template.routes().stream()
                .flatMap(route -> route.authorizer().stream())
                .filter(Template.JwtAuthorizer::issuerIsLocal)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no route of the template has a JWT authorizer whose issuer"
                        + " is this local cloud (its issuer parameter was overridden?): no token to make"));
        if (authorizer.audience().isEmpty()) {
            throw new IllegalStateException("authorizer " + authorizer.name() + " names no audience");
        }
    }

    /** A token of {@code subject} with these scopes, valid for {@code lifetime}. */
    public String token(String subject, List<String> scopes, Duration lifetime) {
        return issuer.token(authorizer.issuer(), authorizer.audience().get(0), subject, scopes, lifetime);
    }

    /** A token of a new subject (a random UUID, as Cognito's subs are) with these scopes, for an hour. */
    public String token(List<String> scopes) {
        return token(UUID.randomUUID().toString(), scopes, DEFAULT_LIFETIME);
    }

    public String issuerUrl() {
        return authorizer.issuer();
    }
}
