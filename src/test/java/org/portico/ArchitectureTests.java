package org.portico;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/**
 * What Spring Modulith does not check: how a module keeps its insides to itself.
 */
class ArchitectureTests {

	private static final JavaClasses PORTICO = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.portico");

	@Test
	void repositoriesAndEntitiesArePrivateToTheirModule() {
		classes().that()
			.haveSimpleNameEndingWith("Repository")
			.or()
			.haveSimpleNameEndingWith("Entity")
			.should()
			.notHaveModifier(JavaModifier.PUBLIC)
			.allowEmptyShould(true)
			.check(PORTICO);
	}

	@Test
	void controllersAreNotPublicAndLiveInWebPackages() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.notHaveModifier(JavaModifier.PUBLIC)
			.andShould()
			.resideInAPackage("..web..")
			.check(PORTICO);
	}

	@Test
	void nothingOutsideTheWebLayerDependsOnIt() {
		noClasses().that()
			.resideOutsideOfPackage("org.portico..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.portico..web..")
			.check(PORTICO);
	}

	@Test
	void thePlatformDependsOnNoBusinessModule() {
		noClasses().that()
			.resideInAPackage("org.portico.platform..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.portico.identity..", "org.portico.access..", "org.portico.providers..",
					"org.portico.members..", "org.portico.claims..", "org.portico.authorizations..",
					"org.portico.reports..", "org.portico.audit..", "org.portico.notifications..",
					"org.portico.interop..", "org.portico.demo..")
			.check(PORTICO);
	}

	@Test
	void noFieldInjection() {
		noFields().should().beAnnotatedWith(Autowired.class).check(PORTICO);
	}

}
