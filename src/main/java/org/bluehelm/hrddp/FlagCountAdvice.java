package org.bluehelm.hrddp;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The open HRDDP flags on the supports the signed-in user is responsible for, shown beside "HRDDP" in the navigation. */
@ControllerAdvice(annotations = Controller.class)
class FlagCountAdvice {

    private final HrddpService hrddp;

    FlagCountAdvice(HrddpService hrddp) {
        this.hrddp = hrddp;
    }

    @ModelAttribute("hrddpFlagCount")
    @Nullable
    Long hrddpFlagCount() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getRequestURI().startsWith("/api/")) {
            return null; // only the screens show the count
        }
        return hrddp.openFlagCountForCurrentUser();
    }
}
