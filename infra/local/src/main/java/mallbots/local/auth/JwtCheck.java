package mallbots.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mallbots.local.template.Template;

/**
 * What API Gateway's JWT authorizer does with the identity header of a request to a guarded
 * route: the token (with or without "Bearer ") must be an RS256 JWT signed by a key of the
 * issuer's JWKS, not expired ({@code exp} required), not before its {@code nbf} or {@code iat},
 * of the issuer ({@code iss}) and for one of the audiences ({@code aud}, or {@code client_id} as
 * Cognito's access tokens carry it); else 401. It must then carry one of the route's scopes
 * ({@code scope}, space-separated, or {@code scp}); else 403. An allowed request gets the claims
 * (every value as a string) and scopes that API Gateway puts in {@code requestContext.authorizer.jwt}.
 */
public final class JwtCheck {

    /** The outcome for one request: allowed with its claims, or refused with API Gateway's status. */
    public sealed interface Outcome {
    }

    public record Allowed(Map<String, String> claims, List<String> scopes) implements Outcome {
    }

    /** @param reason why, for the console (the client only sees API Gateway's "Unauthorized" or "Forbidden") */
    public record Refused(int status, String reason) implements Outcome {
    }

    private final Template.JwtAuthorizer authorizer;
    private final DefaultJWTProcessor<SecurityContext> processor;

    private JwtCheck(Template.JwtAuthorizer authorizer, JWKSource<SecurityContext> keys) {
        this.authorizer = authorizer;
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // iss exactly, exp required (and checked, with Nimbus's 60 s of clock skew); audiences below
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(authorizer.issuer()).build(), Set.of("exp")));
    }

    /** The local issuer's keys for a local authorizer; the issuer's {@code /.well-known/jwks.json} otherwise. */
    public static JwtCheck of(Template.JwtAuthorizer authorizer, LocalIssuer local) {
        if (authorizer.issuerIsLocal()) {
            return new JwtCheck(authorizer, new ImmutableJWKSet<>(local.publicKeys()));
        }
        try {
            String base = authorizer.issuer().endsWith("/") ? authorizer.issuer() : authorizer.issuer() + "/";
            return new JwtCheck(authorizer, JWKSourceBuilder.create(URI.create(base + ".well-known/jwks.json").toURL()).build());
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("authorizer " + authorizer.name() + ": issuer " + authorizer.issuer()
                    + " is not a URL", e);
        }
    }

    public Template.JwtAuthorizer authorizer() {
        return authorizer;
    }

    /** @param identity the value of the authorizer's identity header, if the request had one */
    public Outcome check(Optional<String> identity, List<String> routeScopes) {
        if (identity.isEmpty() || identity.get().isBlank()) {
            return new Refused(401, "no " + authorizer.identityHeader() + " header");
        }
        String token = identity.get().strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            return new Refused(401, "malformed token: " + e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            return new Refused(401, "token refused: " + e.getMessage());
        }
        Date notBefore = claims.getNotBeforeTime();
        Date issued = claims.getIssueTime();
        long skew = 60_000;
        long now = System.currentTimeMillis();
        if ((notBefore != null && notBefore.getTime() > now + skew) || (issued != null && issued.getTime() > now + skew)) {
            return new Refused(401, "token not valid yet");
        }
        if (!forAudience(claims)) {
            return new Refused(401, "token is for " + claims.getAudience() + ", not " + authorizer.audience());
        }
        List<String> scopes = scopes(claims);
        if (!routeScopes.isEmpty() && routeScopes.stream().noneMatch(scopes::contains)) {
            return new Refused(403, "token has scopes " + scopes + ", the route needs one of " + routeScopes);
        }
        return new Allowed(asStrings(claims), scopes);
    }

    private boolean forAudience(JWTClaimsSet claims) {
        if (claims.getAudience().stream().anyMatch(authorizer.audience()::contains)) {
            return true;
        }
        Object clientId = claims.getClaim("client_id");
        return clientId instanceof String id && authorizer.audience().contains(id);
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        if (scope instanceof String text) {
            return List.of(text.trim().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList();
        }
        if (scope instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** API Gateway hands the function every claim as a string; a list as "[a b]". */
    private static Map<String, String> asStrings(JWTClaimsSet claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.toJSONObject().forEach((name, value) -> {
            String text;
            if (value instanceof List<?> list) {
                text = list.size() == 1 ? String.valueOf(list.get(0))
                        : "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
            } else {
                text = String.valueOf(value);
            }
            strings.put(name, text);
        });
        return strings;
    }
}
