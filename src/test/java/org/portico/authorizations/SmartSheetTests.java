package org.portico.authorizations;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.portico.authorizations.SmartSheet.AnswerProblem;
import org.portico.authorizations.SmartSheets.InvalidSmartSheet;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Smart sheets: the shipped sheets are valid, their rules decide as written, answers are
 * read and checked by type, and a broken sheet stops the portal from starting.
 */
class SmartSheetTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private final Map<String, SmartSheet> shipped = SmartSheets.load("classpath*:authorizations/smart-sheets/*.yaml");

	@Test
	void everyShippedServiceHasAValidSheet() {
		assertThat(this.shipped.keySet()).contains("MRI-LUMBAR", "MRI-BRAIN", "CT-CHEST", "PET-CT", "KNEE-ARTHROSCOPY",
				"DME-CPAP", "GENETIC-BRCA", "HOME-HEALTH", "INPATIENT-REHAB");
		assertThat(this.shipped.get("GENETIC-BRCA").documentsNeeded()).isTrue();
		assertThat(this.shipped.get("MRI-LUMBAR").documentsNeeded()).isFalse();
	}

	@Test
	void lumbarMriMeetsCriteriaWithRadiatingPainAfterSixWeeksOfConservativeCare() {
		SmartSheet mri = this.shipped.get("MRI-LUMBAR");
		assertThat(mri.criteriaMet(read(mri, lumbar("no", "6", "RADICULOPATHY", "2026-11-01")))).isTrue();
		assertThat(mri.criteriaMet(read(mri, lumbar("no", "5", "RADICULOPATHY", "2026-11-01")))).isFalse();
		assertThat(mri.criteriaMet(read(mri, lumbar("no", "12", "AXIAL", "2026-11-01")))).isFalse();
	}

	@Test
	void lumbarMriRedFlagsMeetCriteriaAtOnceButOnlyWithARecentExamination() {
		SmartSheet mri = this.shipped.get("MRI-LUMBAR");
		assertThat(mri.criteriaMet(read(mri, lumbar("yes", "0", "AXIAL", "2026-11-20")))).isTrue();
		// 90 days before the request is still recent; 91 is not.
		assertThat(mri.criteriaMet(read(mri, lumbar("yes", "0", "AXIAL", TODAY.minusDays(90).toString())))).isTrue();
		assertThat(mri.criteriaMet(read(mri, lumbar("yes", "0", "AXIAL", TODAY.minusDays(91).toString())))).isFalse();
	}

	@Test
	void kneeArthroscopyIsNotMetWithAdvancedArthritis() {
		SmartSheet knee = this.shipped.get("KNEE-ARTHROSCOPY");
		Map<String, String> answers = new HashMap<>(
				Map.of("mechanical", "yes", "tear-on-mri", "yes", "weeks-conservative", "4", "arthritis", "no"));
		assertThat(knee.criteriaMet(read(knee, answers))).isTrue();
		answers.put("arthritis", "yes");
		assertThat(knee.criteriaMet(read(knee, answers))).isFalse();
	}

	@Test
	void ctScreeningNeedsTheAgeRangeAndSmokingHistory() {
		SmartSheet ct = this.shipped.get("CT-CHEST");
		assertThat(ct.criteriaMet(read(ct, Map.of("reason", "SCREENING", "pack-years", "20", "age", "80")))).isTrue();
		assertThat(ct.criteriaMet(read(ct, Map.of("reason", "SCREENING", "pack-years", "20", "age", "81")))).isFalse();
		assertThat(ct.criteriaMet(read(ct, Map.of("reason", "SCREENING", "pack-years", "19.5", "age", "60"))))
			.isFalse();
		assertThat(ct.criteriaMet(read(ct, Map.of("reason", "NODULE", "pack-years", "0", "age", "40")))).isTrue();
	}

	@Test
	void anUnansweredOptionalQuestionMeetsNoCondition() {
		SmartSheet sheet = sheet("""
				service: TEST
				version: 1
				name: Test
				category: LAB
				codes: [81162]
				maxUnits: 1
				validDays: 30
				questions:
				  - id: note
				    text: A note
				    type: TEXT
				    required: false
				criteria:
				  answer: note
				  answered: true
				""");
		assertThat(sheet.criteriaMet(read(sheet, Map.of()))).isFalse();
		assertThat(sheet.criteriaMet(read(sheet, Map.of("note", "seen")))).isTrue();
	}

	@Test
	void missingAndMistypedAnswersAreProblemsOnTheirQuestions() {
		SmartSheet mri = this.shipped.get("MRI-LUMBAR");
		SmartSheet.Reading reading = mri.read(Map.of("red-flags", "maybe", "weeks-conservative", "-1", "indication",
				"SOMETHING", "last-exam", "2026-12-01"), TODAY);
		assertThat(reading.problems()).extracting(AnswerProblem::question, AnswerProblem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("red-flags", "smart-sheet.problem.yes_no"),
					org.assertj.core.groups.Tuple.tuple("weeks-conservative", "smart-sheet.problem.number"),
					org.assertj.core.groups.Tuple.tuple("indication", "smart-sheet.problem.choice"),
					org.assertj.core.groups.Tuple.tuple("last-exam", "smart-sheet.problem.date"));
		assertThat(mri.read(Map.of(), TODAY).problems()).extracting(AnswerProblem::question)
			.containsExactly("red-flags", "weeks-conservative", "indication", "last-exam");
		assertThat(mri.read(Map.of(), TODAY).problems())
			.allMatch((p) -> p.messageKey().equals("smart-sheet.problem.required"));
	}

	@Test
	void aRuleNamingAQuestionNotOnTheSheetIsRefusedWithTheFileAndTheQuestion() {
		assertThatThrownBy(() -> SmartSheets.load("classpath:authorizations/broken-sheets/*.yaml"))
			.isInstanceOf(InvalidSmartSheet.class)
			.hasMessageContaining("mri-knee.yaml")
			.hasMessageContaining("question 'swelling', which is not on the sheet");
	}

	@Test
	void everyFaultOfASheetIsNamedAtOnce() {
		assertThatThrownBy(() -> sheet("""
				service: bad service
				version: 0
				name: Broken
				category: X_RAYS
				codes: [7214]
				maxUnits: 1
				validDays: 30
				questions:
				  - id: weeks
				    text: Weeks
				    type: NUMBER
				  - id: kind
				    text: Kind
				    type: CHOICE
				    options:
				      - value: A
				        text: A
				  - id: weeks
				    text: Weeks again
				    type: FREE
				criteria:
				  any:
				    - answer: weeks
				      is: true
				    - answer: kind
				      oneOf: [B]
				    - answer: kind
				      atLeast: 3
				""")).isInstanceOf(InvalidSmartSheet.class)
			.hasMessageContaining("service 'bad service'")
			.hasMessageContaining("version must be a whole number")
			.hasMessageContaining("category 'X_RAYS' is not a benefit category")
			.hasMessageContaining("code '7214'")
			.hasMessageContaining("question 'weeks' is on the sheet twice")
			.hasMessageContaining("type 'FREE'")
			.hasMessageContaining("'is' on 'weeks'")
			.hasMessageContaining("'oneOf' on 'kind'")
			.hasMessageContaining("'atLeast' needs a NUMBER question");
	}

	@Test
	void aBrokenSheetStopsThePortalFromStarting() {
		new ApplicationContextRunner().withUserConfiguration(SmartSheets.class)
			.withPropertyValues("portico.authorizations.smart-sheets=classpath:authorizations/broken-sheets/*.yaml")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidSmartSheet.class)
				.hasMessageContaining("mri-knee.yaml"));
		new ApplicationContextRunner().withUserConfiguration(SmartSheets.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(SmartSheets.class)
				.extracting((s) -> s.find("MRI-LUMBAR").isPresent())
				.isEqualTo(true));
	}

	private static Map<String, String> lumbar(String redFlags, String weeks, String indication, String lastExam) {
		return Map.of("red-flags", redFlags, "weeks-conservative", weeks, "indication", indication, "last-exam",
				lastExam);
	}

	private static Answers read(SmartSheet sheet, Map<String, String> typed) {
		SmartSheet.Reading reading = sheet.read(typed, TODAY);
		assertThat(reading.problems()).isEmpty();
		return reading.answers();
	}

	private static SmartSheet sheet(String yaml) {
		return SmartSheets.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test") {
			@Override
			public String getFilename() {
				return "test.yaml";
			}
		});
	}

}
