package org.bluehelm.web;

import jakarta.servlet.http.HttpServletRequest;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** What every page of the browser UI needs, and its error pages for records not found or forbidden. */
@ControllerAdvice(annotations = Controller.class)
class UiAdvice {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return error(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden() {
        return error(HttpStatus.FORBIDDEN);
    }

    private static ModelAndView error(HttpStatus status) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status.value());
        view.setStatus(status);
        return view;
    }
}
