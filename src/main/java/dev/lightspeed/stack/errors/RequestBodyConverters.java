package dev.lightspeed.stack.errors;

import dev.lightspeed.stack.limits.RequestLimits;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link RequestBodyReader} ahead of Jackson's converter for the request bodies of
 * Spring MVC only: as a converter bean it would also be offered to HTTP clients.
 */
@Component
class RequestBodyConverters implements WebMvcConfigurer {

	private final RequestBodyReader reader;

	// the limits' defaults where no properties are bound (a test slice)
	RequestBodyConverters(JsonMapper mapper, Validator validator, ObjectProvider<RequestLimits> limits) {
		this.reader = new RequestBodyReader(mapper, validator,
				limits.getIfAvailable(RequestLimits::defaults).maxJsonDepth());
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.addCustomConverter(this.reader);
	}

}
