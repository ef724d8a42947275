package org.bluehelm.alert;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getRequestURI().startsWith("/api/")) {
            return null; // only the screens show the count; an API call need not pay for it
        }
        return alerts.openCount();
    }
}
