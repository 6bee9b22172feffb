package dev.watchkeeper.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The overview page every signed-in user lands on. */
@Controller
class HomePage {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
