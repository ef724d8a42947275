package org.bluehelm.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the API. A token is 32 random bytes shown once; only its SHA-256 is
 * stored (a token has full entropy, so a slow password hash adds nothing), and it is sent as
 * {@code Authorization: Bearer bh_...}.
 */
@Service
@Transactional(readOnly = true)
public class TokenService {

    static final String PREFIX = "bh_";

    private final JdbcClient jdbc;
    private final AppUserRepository users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenService(JdbcClient jdbc, AppUserRepository users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public TokenView create(String username, @Nullable String name, @Nullable OffsetDateTime expiresAt) {
        Validation v = new Validation().required("name", name).maxLength("name", name, 100);
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now(clock))) {
            v.coded("expiresAt", "must be in the future", "identity.validation.future");
        }
        v.throwIfInvalid();
        AppUser user = users.findByUsername(username).orElseThrow(() -> new NotFoundException("User", username));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String hash = hash(token);
        jdbc.sql("""
                        insert into api_token (app_user, name, token_hash, token_prefix, created_at, expires_at)
                        values (:user, :name, :hash, :prefix, :now, :expires)""")
                .param("user", user.id)
                .param("name", name.strip())
                .param("hash", hash)
                .param("prefix", token.substring(0, 10))
                .param("now", now)
                .param("expires", expiresAt)
                .update();
        long id = lastIdFor(hash);
        return new TokenView(id, name.strip(), token.substring(0, 10), now, expiresAt, null, null, token);
    }

    private long lastIdFor(String hash) {
        return jdbc.sql("select id from api_token where token_hash = :hash")
                .param("hash", hash)
                .query(Long.class)
                .single();
    }

    public List<TokenView> list(String username) {
        return jdbc.sql("""
                        select t.id, t.name, t.token_prefix as prefix, t.created_at, t.expires_at, t.last_used_at,
                               t.revoked_at, null as token
                          from api_token t join app_user u on u.id = t.app_user
                         where u.username = :username
                         order by t.created_at desc, t.id desc""").param("username", username).query(TokenView.class).list();
    }

    /** Revokes one of the user's own tokens (administrators may revoke anyone's). */
    @Transactional
    public void revoke(String username, long tokenId, boolean asAdmin) {
        int changed = jdbc.sql("""
                        update api_token set revoked_at = :now
                         where id = :id and revoked_at is null
                           and (:admin = true or app_user = (select id from app_user where username = :username))""")
                .param("now", OffsetDateTime.now(clock))
                .param("id", tokenId)
                .param("admin", asAdmin)
                .param("username", username)
                .update();
        if (changed == 0) {
            throw new NotFoundException("Active token", tokenId);
        }
    }

    /** The user a live token belongs to; records its use. */
    @Transactional
    public Optional<String> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<String> username = jdbc.sql("""
                        select u.username from api_token t join app_user u on u.id = t.app_user
                         where t.token_hash = :hash and t.revoked_at is null
                           and (t.expires_at is null or t.expires_at > :now) and u.enabled = true""")
                .param("hash", hash(token))
                .param("now", now)
                .query(String.class)
                .optional();
        username.ifPresent(u -> jdbc.sql("update api_token set last_used_at = :now where token_hash = :hash")
                .param("now", now)
                .param("hash", hash(token))
                .update());
        return username;
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
