package org.portico.reports.web;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.identity.PorticoUser;
import org.portico.reports.ReportRefresh;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Plan staff see when the reports were last computed, start a refresh, and watch its
 * progress. Only one refresh runs at a time: asking twice starts one.
 */
@Controller
class RefreshController {

	private final ReportRefresh refresh;

	private final AuditLog audit;

	RefreshController(ReportRefresh refresh, AuditLog audit) {
		this.refresh = refresh;
		this.audit = audit;
	}

	@GetMapping("/staff/reports")
	String page(Model model) {
		model.addAttribute("run", this.refresh.latestRun().orElse(null));
		return "reports/refresh";
	}

	@GetMapping("/staff/reports/progress")
	String progress(Model model) {
		model.addAttribute("run", this.refresh.latestRun().orElse(null));
		return "reports/refresh :: progress";
	}

	@PostMapping("/staff/reports/refresh")
	String start(@AuthenticationPrincipal PorticoUser user) {
		boolean started = this.refresh.start(user.getUsername());
		this.audit.record(AuditEvent.success(user.getUsername(),
				started ? "reports.refresh" : "reports.refresh.running", null, null));
		return "redirect:/staff/reports";
	}

}
