package org.bluehelm.complaint;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A report too large for the server's upload limits gets a page that says so (413); elsewhere the
 * exception goes on to Spring's default handling.
 */
@ControllerAdvice
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
            throws MaxUploadSizeExceededException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/report")) {
            throw e;
        }
        ModelAndView view = new ModelAndView("complaint/too-large");
        view.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        return view;
    }
}
