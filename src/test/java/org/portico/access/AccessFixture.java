package org.portico.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.portico.audit.AuditLog;
import org.portico.identity.AccountId;
import org.portico.identity.AccountSummary;
import org.portico.identity.Accounts;
import org.portico.identity.NewAccount;
import org.portico.identity.PorticoUser;
import org.portico.providers.ProviderApi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the tests of registration, additional access, registration reviews and SAA
 * disputes share: the application's services, accounts nobody else uses, clients of their
 * own (so one test's failed verifications never throttle another's), and the registration
 * form filled in as the provider would.
 */
abstract class AccessFixture {

	/** The password of every account these tests open or register. */
	static final String PASSWORD = "proving who acts for the provider";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccessApi access;

	@Autowired
	Accounts accounts;

	@Autowired
	ProviderApi providers;

	@Autowired
	AuditLog audit;

	@Autowired
	Registration registration;

	/** A username nobody has. */
	static String fresh() {
		return "ac" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A client address no other test uses, as far as chance goes. */
	static String client() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	static RequestPostProcessor from(String client) {
		return (request) -> {
			request.setRemoteAddr(client);
			return request;
		};
	}

	/**
	 * A new provider-office account with a fresh username, acting for nobody yet, as it
	 * would be signed in.
	 */
	PorticoUser newUser(String name) {
		String username = fresh();
		open(username, name);
		return (PorticoUser) this.accounts.loadUserByUsername(username);
	}

	/** Four digits that are not these. */
	static String wrong(String lastFour) {
		return String.format("%04d", (Integer.parseInt(lastFour) + 1) % 10000);
	}

	/** A new provider-office account with a fresh username, acting for nobody yet. */
	AccountId newAccount(String name) {
		return open(fresh(), name);
	}

	private AccountId open(String username, String name) {
		return this.accounts.openProviderAccount(new NewAccount(username, username + "@example.org", name, PASSWORD));
	}

	AccountSummary account(AccountId id) {
		return this.accounts.summaries(List.of(id)).get(0);
	}

	UserDetails staff(String username) {
		return this.accounts.loadUserByUsername(username);
	}

	/**
	 * Registers through the registration service, as the provider.
	 * @return the new account's username
	 */
	String register(RegisteringProvider p, String name, boolean replaceSaa) {
		String username = fresh();
		Registration.Outcome outcome = this.registration.register(p.registration(name, username, PASSWORD, replaceSaa),
				client());
		assertThat(outcome).isInstanceOf(Registration.Outcome.Registered.class);
		return username;
	}

	/**
	 * The registration form filled in correctly as the provider, from a client of its
	 * own, with some fields given other values.
	 * @param overrides field names and their values, in pairs
	 */
	static MockHttpServletRequestBuilder registrationForm(RegisteringProvider p, String username, String... overrides) {
		Map<String, String> fields = proofFields(p);
		fields.put("name", "Reg Istrant");
		fields.put("email", username + "@example.org");
		fields.put("username", username);
		fields.put("password", PASSWORD);
		fields.put("confirmation", PASSWORD);
		return withFields(post("/register/new").with(csrf()).with(from(client())), fields, overrides);
	}

	/**
	 * The fields proving the provider as registration and "I need additional access" ask
	 * them, as the provider: the last four SSN digits and the two claims.
	 */
	static Map<String, String> proofFields(RegisteringProvider p) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("npi", p.npi().value());
		fields.put("identification", "SSN");
		fields.put("ssnLastFour", p.ssnLastFour());
		for (int i = 0; i < 2; i++) {
			fields.put("claim" + (i + 1) + "Number", p.claims().get(i).number());
			fields.put("claim" + (i + 1) + "Date", p.claims().get(i).date().toString());
			fields.put("claim" + (i + 1) + "Billed", p.claims().get(i).billed().toPlainString());
		}
		fields.put("registeringAs", "PROVIDER");
		return fields;
	}

	static MockHttpServletRequestBuilder withFields(MockHttpServletRequestBuilder request, Map<String, String> fields,
			String... overrides) {
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		fields.forEach(request::param);
		return request;
	}

	long mailsTo(String address, String category) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notifications.outbox WHERE recipient = ? AND category = ?")
			.params(address, category)
			.query(Long.class)
			.single();
	}

}
