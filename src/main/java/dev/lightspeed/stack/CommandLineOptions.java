package dev.lightspeed.stack;

import java.util.List;

import dev.lightspeed.stack.apikeys.ApiKeysCommand;
import org.jspecify.annotations.Nullable;

/**
 * The flags of {@code lightspeed_stack.py}, parsed with Python argparse's conventions:
 * clustered short flags ({@code -vd}), attached values ({@code -cFILE},
 * {@code --config=FILE}) and unambiguous prefixes of long options ({@code --conf}). Ours:
 * the {@code api-keys} subcommand, whose arguments follow it.
 */
final class CommandLineOptions {

	private static final List<String> LONG_OPTIONS = List.of("--help", "--verbose", "--dump-configuration", "--config");

	boolean help;

	boolean verbose;

	boolean dump;

	String config = "lightspeed-stack.yaml";

	/** The arguments after {@code api-keys}; null when it was not given. */
	@Nullable List<String> apiKeys;

	/**
	 * Parses the arguments.
	 * @param args the command line arguments
	 * @return the options
	 * @throws IllegalArgumentException with argparse's error text when an argument is
	 * wrong
	 */
	static CommandLineOptions parse(String[] args) {
		CommandLineOptions options = new CommandLineOptions();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.startsWith("--") && arg.length() > 2) {
				String[] nameAndValue = arg.split("=", 2);
				String name = longOption(nameAndValue[0]);
				if (!name.equals("--config")) {
					if (nameAndValue.length > 1) {
						throw new IllegalArgumentException("argument " + shortAndLong(name)
								+ ": ignored explicit argument '" + nameAndValue[1] + "'");
					}
					options.flag(name.charAt(2));
				}
				else if (nameAndValue.length > 1) {
					options.config = nameAndValue[1];
				}
				else {
					options.config = value(args, ++i);
				}
			}
			else if (arg.startsWith("-") && arg.length() > 1 && !arg.equals("--")) {
				i = options.shortFlags(args, i);
			}
			else if (arg.equals(ApiKeysCommand.NAME)) {
				options.apiKeys = tail(args, i + 1);
				return options;
			}
			else {
				throw new IllegalArgumentException("unrecognized arguments: " + String.join(" ", tail(args, i)));
			}
		}
		return options;
	}

	private int shortFlags(String[] args, int index) {
		String arg = args[index];
		for (int j = 1; j < arg.length(); j++) {
			char flag = arg.charAt(j);
			if (flag == 'c') {
				if (j + 1 < arg.length()) {
					this.config = arg.substring(j + 1).replaceFirst("^=", "");
					return index;
				}
				this.config = value(args, index + 1);
				return index + 1;
			}
			if ("hvd".indexOf(flag) < 0) {
				throw new IllegalArgumentException("unrecognized arguments: " + arg);
			}
			flag(flag);
		}
		return index;
	}

	private void flag(char flag) {
		switch (flag) {
			case 'h' -> this.help = true;
			case 'v' -> this.verbose = true;
			default -> this.dump = true;
		}
	}

	private static String longOption(String given) {
		List<String> matches = LONG_OPTIONS.stream().filter((option) -> option.startsWith(given)).toList();
		if (matches.contains(given)) {
			return given;
		}
		if (matches.size() == 1) {
			return matches.get(0);
		}
		if (matches.isEmpty()) {
			throw new IllegalArgumentException("unrecognized arguments: " + given);
		}
		throw new IllegalArgumentException("ambiguous option: " + given + " could match " + String.join(", ", matches));
	}

	private static String value(String[] args, int index) {
		if (index >= args.length || (args[index].startsWith("-") && args[index].length() > 1)) {
			throw new IllegalArgumentException("argument -c/--config: expected one argument");
		}
		return args[index];
	}

	private static String shortAndLong(String name) {
		return "-" + name.charAt(2) + "/" + name;
	}

	private static List<String> tail(String[] args, int from) {
		return List.of(args).subList(from, args.length);
	}

}
