package dev.lightspeed.stack.apikeys;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import dev.lightspeed.stack.config.AuthenticationConfig;
import dev.lightspeed.stack.config.DatabaseConfig;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorDetail;
import dev.lightspeed.stack.storage.DataSources;
import dev.lightspeed.stack.storage.DatabaseSchema;
import dev.lightspeed.stack.storage.DatabaseStartupException;
import dev.lightspeed.stack.storage.DatabaseVendor;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code lightspeed-stack [-c FILE] api-keys ...}: the admin API on the command line,
 * against the configuration's database, without starting the service. Answers are the
 * admin API's JSON; the key of {@code create} and {@code rotate} is shown this once.
 */
public final class ApiKeysCommand {

	/** The subcommand's name. */
	public static final String NAME = "api-keys";

	/** Its usage text. */
	public static final String USAGE = """
			usage: lightspeed-stack [-c CONFIG_FILE] api-keys COMMAND
			  create --user-id ID [--username NAME] [--name LABEL] [--role ROLE]...
			         [--system-prompt TEXT] [--token-quota N] [--quota-period PERIOD]
			         [--requests-per-minute N] [--expires-at ISO_TIME]
			                        issue a key (shown once)
			  list                  list the keys
			  show KEY_ID           show a key
			  rotate KEY_ID         replace a key's secret (the new key is shown once)
			  revoke KEY_ID         revoke a key
			""";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final PrintStream out;

	private final PrintStream err;

	/**
	 * @param out where answers go
	 * @param err where errors go
	 */
	public ApiKeysCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/**
	 * Runs a command.
	 * @param args the arguments after {@code api-keys}
	 * @param database the configuration's database, where the keys are
	 * @param authentication the configuration's authentication, to warn when it does not
	 * accept keys
	 * @return the exit status: 0 done, 1 failed, 2 wrong arguments
	 */
	public int run(List<String> args, DatabaseConfig database, AuthenticationConfig authentication) {
		Object answer;
		DataSource dataSource = null;
		try {
			dataSource = DataSources.create(database);
			DatabaseVendor vendor = DatabaseVendor.of(database);
			DatabaseSchema.apply(dataSource, vendor);
			ApiKeyService keys = new ApiKeyService(
					new ApiKeyStore(JdbcClient.create(dataSource), vendor, Clock.systemUTC()), Clock.systemUTC());
			answer = run(args, keys, "command line (" + System.getProperty("user.name") + ")");
		}
		catch (IllegalArgumentException ex) {
			this.err.print(USAGE);
			this.err.println("lightspeed-stack: error: " + ex.getMessage());
			return 2;
		}
		catch (ApiException ex) {
			this.err.println("lightspeed-stack: " + describe(ex));
			return 1;
		}
		catch (DatabaseStartupException ex) {
			this.err.println("lightspeed-stack: " + ex.getMessage());
			return 1;
		}
		finally {
			if (dataSource != null) {
				DataSources.close(dataSource);
			}
		}
		this.out.println(JSON.writeValueAsString(answer));
		if (!"api-key-token".equals(authentication.module())) {
			this.err.println("note: keys are accepted only with authentication.module api-key-token (now "
					+ authentication.module() + ")");
		}
		return 0;
	}

	private static Object run(List<String> args, ApiKeyService keys, String actor) {
		if (args.isEmpty()) {
			throw new IllegalArgumentException("a command is required");
		}
		List<String> rest = args.subList(1, args.size());
		return switch (args.get(0)) {
			case "create" -> keys.issue(ApiKeysCommandOptions.request(rest), actor);
			case "list" -> {
				ApiKeysCommandOptions.none(rest);
				yield new ApiKeysResponse(keys.list(actor));
			}
			case "show" -> keys.show(ApiKeysCommandOptions.keyId(rest), actor);
			case "rotate" -> keys.rotate(ApiKeysCommandOptions.keyId(rest), actor);
			case "revoke" -> keys.revoke(ApiKeysCommandOptions.keyId(rest), actor);
			default -> throw new IllegalArgumentException("unknown command '" + args.get(0) + "'");
		};
	}

	private static String describe(ApiException ex) {
		if (ex.detail() instanceof ErrorDetail detail) {
			return detail.response() + ": " + detail.cause();
		}
		return String.valueOf(ex.detail());
	}

}
