package dev.watchkeeper.audit.web;

import java.time.Instant;

import dev.watchkeeper.audit.AuditLog;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log in the UI, for admins. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPages {

	private final AuditLog audit;

	AuditPages(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String list(@RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
			@RequestParam(required = false) String targetId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "1") int page, Model model) {
		var filter = AuditController.AuditFilters.of(action, targetType, targetId, actor, from, to);
		model.addAttribute("entries", audit.list(filter, PageQuery.of(Math.max(1, page), 50)));
		model.addAttribute("filter", filter);
		return "audit/list";
	}

	@GetMapping("/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", audit.verify());
		model.addAttribute("entries", audit.list(dev.watchkeeper.audit.AuditFilter.ALL, PageQuery.of(1, 50)));
		model.addAttribute("filter", dev.watchkeeper.audit.AuditFilter.ALL);
		return "audit/list";
	}

}
