package dev.lightspeed.stack.feedback;

import jakarta.validation.ConstraintValidatorContext;

/**
 * Violation messages that contain user input, which must not be interpolated.
 */
final class Messages {

	private Messages() {
	}

	static void replace(ConstraintValidatorContext context, String message) {
		context.disableDefaultConstraintViolation();
		String escaped = message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
		context.buildConstraintViolationWithTemplate(escaped).addConstraintViolation();
	}

}
