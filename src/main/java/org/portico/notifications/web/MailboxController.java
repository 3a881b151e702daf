package org.portico.notifications.web;

import org.portico.notifications.Outbox;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dev mailbox, where the embedded demo's mail arrives, and the staff view of mail
 * that could not be delivered.
 */
@Controller
class MailboxController {

	private final Outbox outbox;

	MailboxController(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * Only exists while mail goes to the dev mailbox: on the embedded database without
	 * SMTP.
	 */
	@GetMapping("/dev/mailbox")
	String devMailbox(Model model) {
		if (!this.outbox.devMailboxActive()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("messages", this.outbox.devMailbox(50));
		return "notifications/dev-mailbox";
	}

	@GetMapping("/staff/outbox")
	String undelivered(Model model) {
		model.addAttribute("messages", this.outbox.undelivered());
		return "notifications/outbox";
	}

	@PostMapping("/staff/outbox/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("retried", this.outbox.retry(id));
		return "redirect:/staff/outbox";
	}

}
