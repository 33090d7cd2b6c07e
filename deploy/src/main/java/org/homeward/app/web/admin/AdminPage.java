package org.homeward.app.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrator's start: the people who may sign in, the service programs, and the projections. Every page
 * under {@code /admin} is for administrators only (WebSecurity); what they record goes through the API, but for
 * the local accounts, which are not behind it.
 */
@Controller
class AdminPage {

    @GetMapping("/admin")
    String start() {
        return "admin/index";
    }
}
