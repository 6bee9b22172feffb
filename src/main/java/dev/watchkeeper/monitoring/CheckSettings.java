package dev.watchkeeper.monitoring;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** The kind-specific settings of a check; exactly the one matching its kind is set. */
public final class CheckSettings {

	private CheckSettings() {
	}

	/**
	 * An HTTP(S) probe.
	 *
	 * @param url absolute http or https URL
	 * @param method GET when absent
	 * @param headers request headers
	 * @param body request body
	 * @param followRedirects follow 3xx answers (default true)
	 * @param verifyTls verify the server's certificate chain and name (default true)
	 * @param conditions what a healthy answer looks like; by default a status below 400
	 */
	@Schema(example = """
			{"url":"https://api.example.com/health","method":"GET","headers":{"Accept":"application/json"},
			 "followRedirects":true,"verifyTls":true,
			 "conditions":["status == 200","response_time < 500","$.status == \\"healthy\\"","$.checks.* == \\"healthy\\""]}""")
	public record Http(String url, String method, Map<String, String> headers, String body, Boolean followRedirects,
			Boolean verifyTls, List<String> conditions) {
	}

	/**
	 * A TCP connect probe.
	 *
	 * @param host name or address
	 * @param port 1 to 65535
	 */
	@Schema(example = """
			{"host":"db.internal","port":5432}""")
	public record Tcp(String host, Integer port) {
	}

	/**
	 * A certificate expiry probe: every certificate of the chain the server presents.
	 *
	 * @param host name or address (also sent as SNI)
	 * @param port default 443
	 * @param warnDays a certificate expiring within this many days raises a medium alert
	 * (default 30)
	 * @param criticalDays within this many days a critical one (default 7)
	 */
	@Schema(example = """
			{"host":"api.example.com","port":443,"warnDays":30,"criticalDays":7}""")
	public record Tls(String host, Integer port, Integer warnDays, Integer criticalDays) {
	}

	/**
	 * A heartbeat: the job pings, Watchkeeper alerts when a ping is late, failed or too
	 * short.
	 *
	 * @param periodSeconds expected time between pings (when no cron is given)
	 * @param graceSeconds how late a ping may be before the check goes down
	 * @param cron five-field cron expression of when the job runs, instead of a period
	 * @param timeZone the cron expression's time zone (default UTC)
	 * @param minDurationSeconds a run shorter than this (start to success) counts as
	 * failed
	 */
	@Schema(example = """
			{"cron":"0 2 * * *","timeZone":"Europe/Berlin","graceSeconds":3600,"minDurationSeconds":60}""")
	public record Heartbeat(Integer periodSeconds, Integer graceSeconds, String cron, String timeZone,
			Integer minDurationSeconds) {
	}

}
