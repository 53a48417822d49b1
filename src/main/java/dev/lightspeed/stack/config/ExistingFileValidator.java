package dev.lightspeed.stack.config;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class ExistingFileValidator implements ConstraintValidator<ExistingFile, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || Files.isRegularFile(Path.of(value));
	}

}
