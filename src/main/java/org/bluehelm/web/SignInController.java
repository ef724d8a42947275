package org.bluehelm.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    @GetMapping("/login")
    String login() {
        return "web/login";
    }
}
