package dev.lightspeed.stack.info;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * The version the build stamped into {@code META-INF/build-info.properties} (the POM
 * version).
 */
@Component
class ServiceVersion {

	private final String version;

	ServiceVersion(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String fromBuild = (properties != null) ? properties.getVersion() : null;
		this.version = (fromBuild != null) ? fromBuild : "unknown";
	}

	String get() {
		return this.version;
	}

}
