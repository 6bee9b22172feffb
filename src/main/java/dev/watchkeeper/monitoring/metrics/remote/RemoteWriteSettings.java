package dev.watchkeeper.monitoring.metrics.remote;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The remote-write receiver.
 *
 * @param maxDecompressedSize the largest request once decompressed; the compressed body
 * is bounded by {@code watchkeeper.max-request-body-size}
 */
@ConfigurationProperties("watchkeeper.monitoring.metrics.remote-write")
public record RemoteWriteSettings(@DefaultValue("32MB") DataSize maxDecompressedSize) {
}
