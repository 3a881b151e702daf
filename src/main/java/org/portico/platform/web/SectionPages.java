package org.portico.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The landing pages of the navigation's sections, listing what each section will hold.
 * Each module replaces its section's page with its own when its features arrive.
 */
@Controller
class SectionPages {

	@GetMapping("/{section:referrals}")
	String section(@PathVariable String section, Model model) {
		model.addAttribute("section", section);
		return "section";
	}

}
