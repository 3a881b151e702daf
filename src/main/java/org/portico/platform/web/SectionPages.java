package org.portico.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing pages of the navigation's sections, listing what each section will hold.
 * Each module replaces its section's page with its own when its features arrive.
 */
@Controller
class SectionPages {

	@GetMapping({ "/eligibility", "/claims", "/referrals", "/reports", "/self-service" })
	String section(jakarta.servlet.http.HttpServletRequest request, Model model) {
		model.addAttribute("section", request.getRequestURI().substring(request.getContextPath().length() + 1));
		return "section";
	}

}
