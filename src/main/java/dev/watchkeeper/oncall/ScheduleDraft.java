package dev.watchkeeper.oncall;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A schedule as written by people: every value is text, so a bad one is reported by field
 * instead of failing the whole request.
 *
 * @param name display name
 * @param description what it covers
 * @param teamId the owning team's id
 * @param timeZone an IANA zone such as Europe/Berlin; UTC when empty
 * @param layers primary first
 */
@Schema(example = """
		{"name":"Core platform","teamId":"a1c2…","timeZone":"Europe/Berlin",
		 "layers":[{"name":"Primary","participants":["0c1d…","7e2f…"],"shift":"weekly","handoffDay":"monday",
		            "handoffTime":"09:00","startDate":"2026-11-30"},
		           {"name":"Secondary","participants":["7e2f…","0c1d…"],"shift":"weekly","handoffDay":"monday",
		            "handoffTime":"09:00","startDate":"2026-11-30",
		            "restrictions":[{"days":["monday","tuesday","wednesday","thursday","friday"],"start":"09:00","end":"17:00"}]}]}""")
public record ScheduleDraft(String name, String description, String teamId, String timeZone, List<LayerDraft> layers) {

	/**
	 * One layer.
	 *
	 * @param name e.g. Primary; "Layer n" when empty
	 * @param participants user ids in turn order
	 * @param shift daily, weekly (default) or custom
	 * @param length custom shift length, e.g. 12h or 3d
	 * @param handoffDay weekly hand-off day; monday by default
	 * @param handoffTime local hand-off time; 09:00 by default
	 * @param startDate first day of the rotation (yyyy-mm-dd); today by default
	 * @param restrictions windows the layer is limited to; none: always on call
	 */
	public record LayerDraft(String name, List<String> participants, String shift, String length, String handoffDay,
			String handoffTime, String startDate, List<RestrictionDraft> restrictions) {
	}

	/**
	 * A weekly window.
	 *
	 * @param days e.g. ["monday", "friday"] or ["mon"]
	 * @param start local start, e.g. 09:00
	 * @param end local end, e.g. 17:00; at or before start: the next day
	 */
	public record RestrictionDraft(List<String> days, String start, String end) {
	}

}
