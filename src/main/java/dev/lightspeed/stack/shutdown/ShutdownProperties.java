package dev.lightspeed.stack.shutdown;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service stops.
 *
 * @param streamGrace how long the answers being streamed may go on once the service is
 * asked to stop; those still running then end with an {@code error} event
 */
@ConfigurationProperties("lightspeed.shutdown")
public record ShutdownProperties(@DefaultValue("20s") Duration streamGrace) {
}
