package org.portico.authorizations.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.authorizations.Authorizations;
import org.portico.authorizations.ImagingAuthorizations;
import org.portico.authorizations.ImagingAuthorizations.FileRefused;
import org.portico.authorizations.ImagingAuthorizations.Import;
import org.portico.identity.PorticoUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Plan staff (clinical reviewers, who own utilization management) import the imaging
 * benefit manager's file of high-tech imaging authorizations and read its per-line error
 * report.
 */
@Controller
class ImagingImportController {

	private final ImagingAuthorizations imaging;

	private final AuditLog audit;

	ImagingImportController(ImagingAuthorizations imaging, AuditLog audit) {
		this.imaging = imaging;
		this.audit = audit;
	}

	@GetMapping("/staff/imaging-imports")
	String imports(@AuthenticationPrincipal PorticoUser user, Model model) {
		requireReviewer(user);
		return page(null, model);
	}

	@PostMapping("/staff/imaging-imports")
	String upload(@AuthenticationPrincipal PorticoUser user, @RequestParam(required = false) MultipartFile file,
			Model model, HttpServletResponse response) throws IOException {
		requireReviewer(user);
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(Problem.of("file", "imaging.import.file.empty"), model);
		}
		try {
			Import done = this.imaging.importFile(user.getUsername(), file.getOriginalFilename(), file.getBytes());
			this.audit.record(new AuditEvent(user.getUsername(), "authorization.imaging.import", "imaging-import",
					String.valueOf(done.id()), AuditOutcome.SUCCESS,
					done.linesStored() + " stored, " + done.linesRefused() + " refused of " + done.linesRead()));
			return "redirect:/staff/imaging-imports/" + done.id();
		}
		catch (FileRefused refused) {
			this.audit.record(new AuditEvent(user.getUsername(), "authorization.imaging.import", "imaging-import", null,
					AuditOutcome.FAILURE, refused.messageKey()));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(new Problem("file", refused.messageKey(), List.of(refused.arguments())), model);
		}
	}

	@GetMapping("/staff/imaging-imports/{id}")
	String report(@AuthenticationPrincipal PorticoUser user, @PathVariable long id, Model model) {
		requireReviewer(user);
		Import done = this.imaging.findImport(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("done", done);
		return "authorizations/imaging-import";
	}

	private String page(Problem problem, Model model) {
		model.addAttribute("problems", new Problems((problem == null) ? List.of() : List.of(problem)));
		model.addAttribute("imports", this.imaging.recentImports(20));
		model.addAttribute("columns", String.join(",", ImagingAuthorizations.COLUMNS));
		return "authorizations/imaging-imports";
	}

	private void requireReviewer(PorticoUser user) {
		if (!Authorizations.isReviewer(user)) {
			this.audit.record(AuditEvent.denied(user.getUsername(), "authorization.imaging.import", null, null));
			throw new AccessDeniedException("Clinical reviewers only");
		}
	}

}
