package dev.watchkeeper.platform.logging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.watchkeeper.platform.config.LogLevels;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * One JSON object per line with the fields of handbook 004 §3.3: {@code timestamp},
 * {@code level}, {@code service}, {@code environment}, {@code request_id},
 * {@code user_id}, {@code message} and {@code metadata} (logger, thread, trace ids,
 * client address, error).
 */
public class HandbookJsonLogFormat implements StructuredLogFormatter<ILoggingEvent> {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Set<String> TOP_LEVEL_KEYS = Set.of(LogContext.REQUEST_ID, LogContext.USER_ID);

	private final JsonWriter<ILoggingEvent> writer;

	public HandbookJsonLogFormat(Environment environment) {
		String service = environment.getProperty("spring.application.name", "watchkeeper");
		String env = environment.getProperty("watchkeeper.environment", "development");
		this.writer = JsonWriter.of(members -> {
			members.add("timestamp", event -> TIMESTAMP.format(Instant.ofEpochMilli(event.getTimeStamp())));
			members.add("level", event -> LogLevels.toHandbook(event.getLevel().toString()));
			members.add("service", service);
			members.add("environment", env);
			members.add("request_id", event -> event.getMDCPropertyMap().get(LogContext.REQUEST_ID)).whenNotNull();
			members.add("user_id", event -> event.getMDCPropertyMap().get(LogContext.USER_ID)).whenNotNull();
			members.add("message", ILoggingEvent::getFormattedMessage);
			members.add("metadata", HandbookJsonLogFormat::metadata);
		});
	}

	private static Map<String, Object> metadata(ILoggingEvent event) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("logger", event.getLoggerName());
		metadata.put("thread", event.getThreadName());
		event.getMDCPropertyMap().forEach((key, value) -> {
			if (!TOP_LEVEL_KEYS.contains(key)) {
				metadata.put(key, value);
			}
		});
		IThrowableProxy error = event.getThrowableProxy();
		if (error != null) {
			metadata.put("error_type", error.getClassName());
			metadata.put("error_message", error.getMessage());
			metadata.put("stack_trace", ThrowableProxyUtil.asString(error));
		}
		return metadata;
	}

	@Override
	public String format(ILoggingEvent event) {
		return writer.writeToString(event) + "\n";
	}

}
