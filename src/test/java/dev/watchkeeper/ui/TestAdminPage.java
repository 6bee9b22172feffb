package dev.watchkeeper.ui;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A page only admins may open, so the browser tests can walk the "admin access requires
 * MFA" flow before the app has admin pages of its own. Exists only on the test classpath.
 */
@Controller
class TestAdminPage {

	static final String PATH = "/test-admin-page";

	static final String HEADING = "Admin test page";

	@GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseBody
	String page() {
		return "<!DOCTYPE html><html lang=\"en\"><head><title>" + HEADING + "</title></head><body><h1>" + HEADING
				+ "</h1></body></html>";
	}

}
