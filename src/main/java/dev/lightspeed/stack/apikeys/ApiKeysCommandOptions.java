package dev.lightspeed.stack.apikeys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The options of the {@code api-keys} commands, as {@code --name value} or
 * {@code --name=value}; {@code --role} may be repeated.
 */
final class ApiKeysCommandOptions {

	private static final Set<String> CREATE_OPTIONS = Set.of("user-id", "username", "name", "role", "system-prompt",
			"token-quota", "quota-period", "requests-per-minute", "expires-at");

	private ApiKeysCommandOptions() {
	}

	static ApiKeyRequest request(List<String> args) {
		Map<String, List<String>> options = parse(args);
		String userId = single(options, "user-id");
		if (userId == null) {
			throw new IllegalArgumentException("--user-id is required");
		}
		return new ApiKeyRequest(userId, single(options, "username"), single(options, "name"),
				options.getOrDefault("role", List.of()), single(options, "system-prompt"),
				number(single(options, "token-quota"), "token-quota"), single(options, "quota-period"),
				intNumber(single(options, "requests-per-minute")), single(options, "expires-at"));
	}

	static String keyId(List<String> args) {
		if (args.size() != 1 || args.get(0).startsWith("-")) {
			throw new IllegalArgumentException("expected one KEY_ID");
		}
		return args.get(0);
	}

	static void none(List<String> args) {
		if (!args.isEmpty()) {
			throw new IllegalArgumentException("unrecognized arguments: " + String.join(" ", args));
		}
	}

	private static Map<String, List<String>> parse(List<String> args) {
		Map<String, List<String>> options = new HashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unrecognized arguments: " + arg);
			}
			String[] nameAndValue = arg.substring(2).split("=", 2);
			if (!CREATE_OPTIONS.contains(nameAndValue[0])) {
				throw new IllegalArgumentException("unrecognized arguments: " + arg);
			}
			String value;
			if (nameAndValue.length == 2) {
				value = nameAndValue[1];
			}
			else if (i + 1 < args.size()) {
				value = args.get(++i);
			}
			else {
				throw new IllegalArgumentException("argument " + arg + ": expected one argument");
			}
			options.computeIfAbsent(nameAndValue[0], (name) -> new ArrayList<>()).add(value);
		}
		return options;
	}

	private static @Nullable String single(Map<String, List<String>> options, String name) {
		List<String> values = options.get(name);
		if (values == null) {
			return null;
		}
		if (values.size() > 1) {
			throw new IllegalArgumentException("--" + name + " given more than once");
		}
		return values.get(0);
	}

	private static @Nullable Long number(@Nullable String value, String name) {
		try {
			return (value != null) ? Long.valueOf(value) : null;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a whole number");
		}
	}

	private static @Nullable Integer intNumber(@Nullable String value) {
		Long number = number(value, "requests-per-minute");
		if (number != null && (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE)) {
			throw new IllegalArgumentException("--requests-per-minute is too large");
		}
		return (number != null) ? number.intValue() : null;
	}

}
