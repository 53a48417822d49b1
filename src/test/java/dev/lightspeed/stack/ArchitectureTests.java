package dev.lightspeed.stack;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the house (docs/decisions, house style): features do not depend on
 * each other in circles, controllers stay inside their feature, and only the
 * {@code llamastack} package talks to Llama Stack.
 */
class ArchitectureTests {

	private static JavaClasses main;

	@BeforeAll
	static void importMainClasses() {
		main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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

}
