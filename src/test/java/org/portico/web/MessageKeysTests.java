package org.portico.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.portico.access.AccessRole;
import org.portico.access.ProviderFunction;
import org.portico.access.SaaChange;
import org.portico.claims.ClaimDetail;
import org.portico.claims.ClaimStatus;
import org.portico.claims.ClaimStatusCategory;
import org.portico.claims.PaymentMethod;
import org.portico.members.CarePlan;
import org.portico.members.TreatingRelationship;
import org.portico.members.EligibilityBatchFile;
import org.portico.members.EligibilityBatchRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All UI text comes from message keys, and every key the pages use exists.
 */
class MessageKeysTests {

	private static final Pattern STATIC_KEY = Pattern.compile("#\\{([a-zA-Z0-9.-]+)[}(]");

	@Test
	void everyKeyInTheTemplatesExists() throws IOException {
		Properties messages = messages();
		List<String> missing = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((p) -> p.toString().endsWith(".html")).toList()) {
				Matcher m = STATIC_KEY.matcher(Files.readString(template));
				while (m.find()) {
					if (!messages.containsKey(m.group(1))) {
						missing.add(template.getFileName() + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyKeyBuiltFromAValueExists() throws IOException {
		Properties messages = messages();
		List<String> keys = new ArrayList<>();
		for (ProviderFunction f : ProviderFunction.values()) {
			keys.add(f.messageKey());
		}
		for (AccessRole r : AccessRole.values()) {
			keys.add("access.role." + r);
		}
		for (ClaimStatusCategory c : ClaimStatusCategory.values()) {
			keys.add(c.messageKey());
		}
		for (ClaimStatus s : ClaimStatus.values()) {
			keys.add("claim.status." + s);
		}
		for (ClaimDetail.Frequency f : ClaimDetail.Frequency.values()) {
			keys.add("claim.frequency." + f);
		}
		for (PaymentMethod m : PaymentMethod.values()) {
			keys.add("payment.method." + m);
			keys.add("payment.number." + m);
		}
		for (String group : List.of("CO", "PR", "OA", "PI")) {
			keys.add("claim.group-code." + group);
		}
		for (String way : List.of("NUMBER", "MEMBER", "NPI", "TEXT")) {
			keys.add("claims.way." + way);
		}
		for (String direction : List.of("asc", "desc")) {
			keys.add("claims.sort." + direction);
		}
		for (SaaChange.How how : SaaChange.How.values()) {
			keys.add(how.messageKey());
		}
		for (CarePlan.Kind kind : CarePlan.Kind.values()) {
			keys.add(kind.messageKey());
		}
		for (CarePlan.Status status : CarePlan.Status.values()) {
			keys.add(status.messageKey());
		}
		for (CarePlan.Role role : CarePlan.Role.values()) {
			keys.add(role.messageKey());
		}
		for (CarePlan.GoalStatus status : CarePlan.GoalStatus.values()) {
			keys.add(status.messageKey());
		}
		for (TreatingRelationship.Basis basis : TreatingRelationship.Basis.values()) {
			keys.add("care-plans.basis." + basis);
		}
		for (EligibilityBatchFile.Problem p : EligibilityBatchFile.Problem.values()) {
			keys.add(p.messageKey());
		}
		for (EligibilityBatchRow.Problem p : EligibilityBatchRow.Problem.values()) {
			keys.add(p.messageKey());
		}
		for (EligibilityBatchRow.Outcome o : EligibilityBatchRow.Outcome.values()) {
			keys.add("eligibility.batch.outcome." + o);
		}
		for (String column : EligibilityBatchFile.COLUMNS) {
			keys.add("eligibility.batch.column." + column);
			keys.add("eligibility.batch.column." + column + ".example");
		}
		for (org.portico.authorizations.RequestStatus s : org.portico.authorizations.RequestStatus.values()) {
			keys.add("prior-auth.status." + s);
		}
		for (org.portico.authorizations.DenialReason d : org.portico.authorizations.DenialReason.values()) {
			keys.add("prior-auth.denial." + d);
		}
		for (org.portico.authorizations.Priority p : org.portico.authorizations.Priority.values()) {
			keys.add("prior-auth.priority." + p);
		}
		for (org.portico.authorizations.ServiceCatalogue.Requirement r : org.portico.authorizations.ServiceCatalogue.Requirement
			.values()) {
			keys.add("prior-auth.required.answer." + r);
		}
		for (org.portico.authorizations.AnswerType t : org.portico.authorizations.AnswerType.values()) {
			keys.add("smart-sheet.problem." + t.name().toLowerCase(java.util.Locale.ROOT));
		}
		keys.addAll(List.of("prior-auth.pend.criteria-not-met", "prior-auth.pend.documents", "prior-auth.pend.units",
				"prior-auth.pend.span", "smart-sheet.problem.required"));
		for (String line : List.of("columns", "number", "duplicate", "member-id", "member-unknown", "ordering-npi",
				"rendering-npi", "procedure-code", "description", "status", "units", "valid-from", "valid-to",
				"decided-on", "dates")) {
			keys.add("imaging.import.line." + line);
		}
		for (String file : List.of("empty", "too-large", "not-text", "header", "too-many")) {
			keys.add("imaging.import.file." + file);
		}
		for (String section : List.of("eligibility", "claims", "referrals", "reports", "self-service")) {
			keys.add("section." + section + ".title");
			keys.add("section." + section + ".intro");
		}
		for (String kind : List.of("not-found", "forbidden", "unauthorized", "bad-request", "server-error")) {
			keys.add("error." + kind + ".title");
			keys.add("error." + kind + ".explanation");
		}
		assertThat(keys).allMatch(messages::containsKey);
	}

	private static Properties messages() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
			messages.load(in);
		}
		return messages;
	}

}
