package org.bluehelm.alert;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The number of open alerts in the signed-in user's scope, shown beside "Alerts" in the navigation. */
@ControllerAdvice(annotations = Controller.class)
class AlertCountAdvice {

    private final AlertService alerts;

    AlertCountAdvice(AlertService alerts) {
        this.alerts = alerts;
    }

    @ModelAttribute("openAlertCount")
    @Nullable
    Long openAlertCount() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return alerts.openCount();
    }
}
