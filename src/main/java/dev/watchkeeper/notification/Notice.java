package dev.watchkeeper.notification;

import java.util.List;
import java.util.Map;

/**
 * What a group notification says. status: "firing" when any alert fires, else "resolved".
 * groupKey is stable for the life of an alert group (route + group labels); PagerDuty's
 * dedup_key derives from it. receiver is the routing receiver's name. link points back to
 * Watchkeeper.
 *
 * @param groupKey stable for the life of the alert group
 * @param receiver the routing receiver's name
 * @param status {@code firing} or {@code resolved}
 * @param groupLabels the labels the group is formed by
 * @param commonLabels labels all alerts share
 * @param commonAnnotations annotations all alerts share
 * @param alerts the alerts, firing and newly resolved
 * @param link back to Watchkeeper
 */
public record Notice(String groupKey, String receiver, String status, Map<String, String> groupLabels,
		Map<String, String> commonLabels, Map<String, String> commonAnnotations, List<NoticeAlert> alerts,
		String link) {
}
