package dev.lightspeed.stack;

import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lightspeed.stack.config.LightspeedConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the house (docs/decisions, house style): features do not depend on
 * each other in circles, controllers stay inside their feature, only the
 * {@code llamastack} package talks to Llama Stack, and features inject the configuration
 * sections they read, not the whole configuration.
 */
class ArchitectureTests {

	// Spring AOT (process-aot, part of the package phase) writes classes such as
	// InfoController__BeanDefinitions beside ours: the rules are about the code we write.
	private static final Pattern AOT_GENERATED = Pattern.compile(".*__\\w+\\.class$");

	private static JavaClasses main;

	@BeforeAll
	static void importMainClasses() {
		main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption((location) -> !location.matches(AOT_GENERATED))
			.importPackages("dev.lightspeed.stack");
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("dev.lightspeed.stack.(*)..").should().beFreeOfCycles().check(main);
	}

	@Test
	void controllersArePackagePrivate() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(Controller.class)
			.should()
			.notBePublic()
			.andShould()
			.notBeProtected()
			.check(main);
	}

	@Test
	void onlyTheLlamaStackPackageTalksToLlamaStack() {
		noClasses().that()
			.resideOutsideOfPackage("dev.lightspeed.stack.llamastack..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.hc.client5..", "org.apache.hc.core5.http..")
			.orShould()
			.dependOnClassesThat()
			.haveSimpleNameStartingWith("LlamaStackHttp")
			.check(main);
	}

	// The command line loads the file and hands its sections out; /v1/config shows it
	// whole. Everything else gets its sections from ConfigurationSections.
	@Test
	void onlyTheCommandLineAndTheConfigurationDumpTakeTheWholeConfiguration() {
		noClasses().that()
			.resideOutsideOfPackage("dev.lightspeed.stack.config..")
			.and()
			.doNotHaveFullyQualifiedName("dev.lightspeed.stack.CommandLine")
			.and()
			.doNotHaveFullyQualifiedName("dev.lightspeed.stack.info.InfoController")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(LightspeedConfiguration.class)
			.because("a feature injects the sections it reads, the beans of ConfigurationSections")
			.check(main);
	}

}
