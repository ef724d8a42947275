package org.bluehelm.identity;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started Bluehelm where it runs and how to sign in. */
@Component
class StartupBanner {

    private final Environment environment;

    StartupBanner(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
            return; // a command (import, bench) runs without a web server: nothing to visit
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        System.out.println("\nBluehelm is running at http://localhost:" + port + "/"
                + "\n  Sign in as 'admin' (password from BLUEHELM_ADMIN_PASSWORD, or the one printed at first start)."
                + "\n  API: http://localhost:" + port + "/swagger-ui.html    Data store: "
                + environment.getProperty("spring.datasource.url") + "\n");
    }
}
