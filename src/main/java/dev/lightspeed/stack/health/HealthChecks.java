package dev.lightspeed.stack.health;

import java.util.List;

/**
 * The components a feature contributes to {@code /v1/health}; a bean per feature.
 */
@FunctionalInterface
public interface HealthChecks {

	/**
	 * The feature's components.
	 * @return the checks, possibly none
	 */
	List<ComponentCheck> checks();

}
