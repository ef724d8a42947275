package org.bluehelm.coordination;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The signed-in user's overdue action items, counted beside "Plan" and "My action items" in the navigation. */
@ControllerAdvice(annotations = Controller.class)
class OverdueCountAdvice {

    private final MeetingService meetings;

    OverdueCountAdvice(MeetingService meetings) {
        this.meetings = meetings;
    }

    @ModelAttribute("coordinationOverdueCount")
    @Nullable
    Long coordinationOverdueCount() {
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
        return meetings.overdueCountForCurrentUser();
    }
}
