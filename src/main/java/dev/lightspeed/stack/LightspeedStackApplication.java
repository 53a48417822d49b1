package dev.lightspeed.stack;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The lightspeed-stack service. {@link #main} is the command line of
 * {@code lightspeed_stack.py}.
 */
@SpringBootApplication
public class LightspeedStackApplication {

	public static void main(String[] args) {
		// The JDK HTTP client keeps a read buffer per connection, and every open stream
		// holds a connection to Llama Stack: 4 KB instead of 16 KB (events are small).
		if (System.getProperty("jdk.httpclient.bufsize") == null) {
			System.setProperty("jdk.httpclient.bufsize", "4096");
		}
		int status = new CommandLine(System.out, System.err).run(args);
		// A started server keeps running on its own threads.
		if (status != CommandLine.SERVING) {
			System.exit(status);
		}
	}

}
