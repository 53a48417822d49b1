package dev.lightspeed.stack.web;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Jetty pads its queues to a cache line, counted in object references, so how many fit
 * depends on whether the JVM compresses references. Jetty finds that out through the
 * platform MBean server, whose creation registers every platform MXBean: 60 ms of the
 * main thread at start-up on two cores, for a server nothing else here uses. The
 * diagnostic MXBean alone answers the same question; its answer goes into the system
 * property Jetty reads first.
 */
public final class JettyPadding {

	static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

	private static final String CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";

	private JettyPadding() {
	}

	/**
	 * Sets Jetty's references per cache line unless given; call it before Jetty's classes
	 * load.
	 */
	public static void preset() {
		if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
			boolean compressed = Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
				.getVMOption("UseCompressedOops")
				.getValue());
			System.setProperty(REFERENCES_PER_CACHE_LINE,
					Integer.toString(referencesPerCacheLine(Integer.getInteger(CACHE_LINE_BYTES, 64), compressed)));
		}
	}

	// Jetty's MemoryUtils: four bytes a reference when compressed, eight otherwise
	static int referencesPerCacheLine(int cacheLineBytes, boolean compressedReferences) {
		return cacheLineBytes / (compressedReferences ? 4 : 8);
	}

}
