package mallbots.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mallbots.local.auth.LocalIssuer;

/**
 * The bearer tokens the bench's staff, customers and bot send: signed with the local cloud's key
 * (its state directory, as {@code ./mallbots token} signs them), issued by the HTTP API the bench
 * drives (the local cloud is its own issuer there), for the template's audience.
 */
public final class BenchTokens {

    private static final Duration LIFETIME = Duration.ofHours(6);

    private final LocalIssuer issuer;
    private final String issuerUrl;
    private final String audience;

    private BenchTokens(LocalIssuer issuer, String issuerUrl, String audience) {
        this.issuer = issuer;
        this.issuerUrl = issuerUrl;
        this.audience = audience;
    }

    static BenchTokens of(LoadOptions options) {
        return of(options.stateDir(), options.api(), options.audience());
    }

    /** Tokens of the local cloud whose state directory is {@code stateDir}, for its HTTP API at {@code apiUri}. */
    public static BenchTokens of(Path stateDir, java.net.URI apiUri, String audience) {
        Path key = stateDir.resolve(LocalIssuer.KEY_FILE);
        if (!Files.exists(key)) {
            throw new IllegalStateException("no signing key at " + key + ": run the bench from the directory of"
                    + " ./mallbots up, or give its --state-dir");
        }
        String api = apiUri.toString();
        return new BenchTokens(LocalIssuer.inStateDir(stateDir), api.endsWith("/")
                ? api.substring(0, api.length() - 1) : api, audience);
    }

    public String staff() {
        return token("7e57a4f0-0000-4000-8000-00000000057a", "mallbots/staff");
    }

    String bot() {
        return token("7e57a4f0-0000-4000-8000-000000000b07", "mallbots/bot");
    }

    /** A customer's token: the subject is the customer's id. */
    public String customer(String customerId) {
        return token(customerId, "mallbots/customer");
    }

    private String token(String subject, String scope) {
        return issuer.token(issuerUrl, audience, subject, List.of(scope), LIFETIME);
    }

}
