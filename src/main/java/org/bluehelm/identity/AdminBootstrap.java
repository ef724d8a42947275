package org.bluehelm.identity;

import java.security.SecureRandom;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator, {@code admin}, when there is no user at all. The password comes
 * from {@code BLUEHELM_ADMIN_PASSWORD}; without it a random one is generated and printed once.
 * There is no default password.
 */
@Component
@Order(1)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserService users;
    private final IdentityProperties properties;

    AdminBootstrap(UserService users, IdentityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyUserExists()) {
            return;
        }
        @Nullable String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : configured;
        users.create(new UserCommand("admin", "Administrator", null, password, true, List.of(Role.ADMIN), List.of()));
        if (generated) {
            String line = "=".repeat(72);
            System.out.println(line + "\n  First start: the administrator account was created.\n"
                    + "  Sign in as user 'admin' with password: " + password + "\n"
                    + "  It is shown only this once: keep it safe, or set BLUEHELM_ADMIN_PASSWORD\n"
                    + "  before the first start to choose it yourself.\n" + line);
        } else {
            log.info("First start: created user 'admin' with the password from BLUEHELM_ADMIN_PASSWORD");
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
