package dev.lightspeed.stack.config;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class CrossFieldValidator implements ConstraintValidator<CrossFieldChecked, CrossFieldRules> {

	@Override
	public boolean isValid(CrossFieldRules value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		boolean[] valid = { true };
		value.check((holds, key, message) -> {
			if (!holds) {
				valid[0] = false;
				var violation = context.buildConstraintViolationWithTemplate(escape(message));
				if (key.isEmpty()) {
					violation.addConstraintViolation();
				}
				else {
					violation.addPropertyNode(key).addConstraintViolation();
				}
			}
		});
		return valid[0];
	}

	// Messages are literal text, not Bean Validation templates.
	private static String escape(String message) {
		return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

}
