package dev.watchkeeper.audit.web;

import java.time.Instant;

import dev.watchkeeper.audit.AuditEntry;
import dev.watchkeeper.audit.AuditFilter;
import dev.watchkeeper.audit.AuditLog;
import dev.watchkeeper.audit.ChainVerification;
import dev.watchkeeper.platform.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over the API: list with filters, and verify the hash chain. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Audit entries, newest first",
			description = "Filters: action, targetType, targetId, actor (id or part of the name), from and to (ISO-8601).")
	PageQuery.Page<AuditEntry> list(@RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(required = false) String actor,
			@Parameter(example = "2026-11-22T00:00:00Z") @RequestParam(required = false) Instant from,
			@Parameter(example = "2026-11-23T00:00:00Z") @RequestParam(required = false) Instant to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return audit.list(AuditFilters.of(action, targetType, targetId, actor, from, to), PageQuery.of(page, size));
	}

	@GetMapping("/verify")
	@Operation(summary = "Verify the hash chain",
			description = "intact=true, or brokenAt names the first entry that was altered or follows a removed one.")
	ChainVerification verify() {
		return audit.verify();
	}

	/** Blank filter values mean no filter. */
	static final class AuditFilters {

		private AuditFilters() {
		}

		static AuditFilter of(String action, String targetType, String targetId, String actor, Instant from,
				Instant to) {
			return new AuditFilter(blank(action), blank(targetType), blank(targetId), blank(actor), from, to);
		}

		private static String blank(String value) {
			return value == null || value.isBlank() ? null : value.trim();
		}

	}

}
