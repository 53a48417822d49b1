package dev.lightspeed.stack;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The lightspeed-stack service. {@link #main} is the command line of
 * {@code lightspeed_stack.py}.
 */
@SpringBootApplication
public class LightspeedStackApplication {

	public static void main(String[] args) {
		int status = new CommandLine(System.out, System.err).run(args);
		// A started server keeps running on its own threads.
		if (status != CommandLine.SERVING) {
			System.exit(status);
		}
	}

}
