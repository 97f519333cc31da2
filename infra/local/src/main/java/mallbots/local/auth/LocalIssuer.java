package mallbots.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The local cloud as its own token issuer: one RSA key pair, kept in the state directory
 * ({@code .mallbots/jwt-signing-key.json}, made at first use), that signs the tokens of
 * {@code ./mallbots token} and whose public half the HTTP API serves as its JWKS and checks
 * tokens against, as API Gateway checks them against the issuer's JWKS.
 */
public final class LocalIssuer {

    public static final String KEY_FILE = "jwt-signing-key.json";

    private final RSAKey key;

    private LocalIssuer(RSAKey key) {
        this.key = key;
    }

    /** The key pair in {@code stateDir}, made there first if there is none. */
    public static LocalIssuer inStateDir(Path stateDir) {
        Path file = stateDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                create(stateDir, file);
            }
            return new LocalIssuer(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not an RSA JWK (delete it to make a new key): " + e.getMessage(), e);
        }
    }

    /** Written to a temporary file and moved in place, so that two first users never see half a key. */
    private static void create(Path stateDir, Path file) throws IOException {
        RSAKey generated;
        try {
            generated = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key pair: " + e.getMessage(), e);
        }
        Files.createDirectories(stateDir);
        Path temporary = Files.createTempFile(stateDir, KEY_FILE, ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no such permissions (the state directory is the user's own anyway)
        }
        Files.writeString(temporary, generated.toJSONString(), StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temporary); // another process made it first: use theirs
        }
    }

    /** The public keys, as the issuer's {@code /.well-known/jwks.json} serves them. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /**
     * A signed access token (RS256, typ "JWT") of {@code issuer} for {@code audience}: {@code sub},
     * {@code scope} (space-separated, as OAuth 2.0 and Cognito put it), {@code iat}, {@code exp}
     * and a {@code jti}.
     */
    public String token(String issuer, String audience, String subject, List<String> scopes, Duration expiresIn) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(expiresIn)))
                .jwtID(UUID.randomUUID().toString());
        if (!scopes.isEmpty()) {
            claims.claim("scope", String.join(" ", scopes));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
