package org.portico.access;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.audit.AuditOutcome;
import org.portico.identity.AccountId;
import org.portico.notifications.SentMail;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registration requests that could not be verified online, sent to Provider Services and
 * decided there, through the web layer on the real database.
 */
@PorticoIntegrationTest
class RegistrationReviewTests extends AccessFixture {

	@Autowired
	RegistrationReviews reviews;

	@Test
	void afterTooManyFailedVerificationsTheFormOffersProviderServicesWithWhatWasTyped() throws Exception {
		RegisteringProvider p = RegisteringProvider.nthFromLast(this.jdbc, 0);
		String username = fresh();
		String client = client();
		for (int i = 0; i < Registration.FAILURES_ALLOWED - 1; i++) {
			this.mvc.perform(registrationForm(p, username, "claim2Billed", "1.00").with(from(client)))
				.andExpect(content().string(not(containsString("Send to Provider Services"))));
		}
		this.mvc.perform(registrationForm(p, username, "claim2Billed", "1.00").with(from(client)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Ask Provider Services to verify you")))
			.andExpect(content().string(containsString("value=\"" + username + "\"")))
			.andExpect(content().string(containsString("value=\"" + p.npi().value() + "\"")))
			.andExpect(content().string(not(containsString(PASSWORD))));
	}

	@Test
	void servicesStaffApprovesAfterCallingAndTheAccountBecomesTheSaa() throws Exception {
		Npi npi = organizationWithoutSaa(0);
		String username = fresh();
		this.mvc.perform(send(npi, username)).andExpect(redirectedUrl("/register/review/sent"));
		AccountId account = this.accounts.idOf(username).orElseThrow();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM access.registration_review WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single()).isOne();
		assertThat(SentMail.lastSubjectTo(this.jdbc, username + "@example.org")).contains("We received");
		this.mvc.perform(signIn(username)).andExpect(redirectedUrl("/login?error"));

		long id = reviewOf(username);
		this.mvc.perform(get("/staff/registrations").with(user(staff("services.staff"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Review the request from Reva Queue")))
			.andExpect(content().string(containsString(this.providers.find(npi).orElseThrow().name())));
		this.mvc.perform(get("/staff/registrations/" + id).with(user(staff("services.staff"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("617-555-0142")))
			.andExpect(content().string(containsString(this.providers.officePhone(npi).orElseThrow())))
			.andExpect(content().string(containsString("makes them the Senior Access Administrator")));

		this.mvc.perform(approve(id, false))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#officeConfirmed\"")));
		assertThat(this.access.seniorAccessAdministratorOf(npi)).isEmpty();

		this.mvc.perform(approve(id, true)).andExpect(redirectedUrl("/staff/registrations"));
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(account);
		this.mvc.perform(signIn(username)).andExpect(redirectedUrl("/login/set-up"));
		assertThat(SentMail.lastBodyTo(this.jdbc, username + "@example.org")).contains("works now",
				"Senior Access Administrator", npi.value());
		assertThat(this.audit.recentByActor("services.staff", 20))
			.anyMatch((r) -> r.action().equals("registration.review.approve") && r.objectId().equals("" + id));
		assertThat(this.audit.recentByActor(username, 5))
			.anyMatch((r) -> r.action().equals("registration.review.request") && r.objectId().equals(npi.value()));
	}

	@Test
	void whenTheNpiHasAnSaaApprovalMakesAnAccessAdministratorAndTellsTheSaa() throws Exception {
		Npi npi = organizationWithoutSaa(1);
		AccountId saa = newAccount("Sitting Saa");
		this.access.makeSeniorAccessAdministrator(saa, npi);
		String username = fresh();
		this.mvc.perform(send(npi, username)).andExpect(redirectedUrl("/register/review/sent"));
		long id = reviewOf(username);
		this.mvc.perform(get("/staff/registrations/" + id).with(user(staff("services.staff"))))
			.andExpect(content().string(containsString("Yes: Sitting Saa")))
			.andExpect(content().string(containsString("makes them an Access Administrator")));

		this.mvc.perform(approve(id, true)).andExpect(redirectedUrl("/staff/registrations"));
		AccountId account = this.accounts.idOf(username).orElseThrow();
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(saa);
		assertThat(this.access.accessOf(account)).singleElement()
			.satisfies((a) -> assertThat(a.role()).isEqualTo(AccessRole.AA))
			.satisfies((a) -> assertThat(a.functions()).contains(ProviderFunction.ACCESS_ADMINISTRATION));
		assertThat(SentMail.lastBodyTo(this.jdbc, account(saa).email())).contains("Reva Queue", "Access Administrator",
				"deactivate them");
	}

	@Test
	void aRequestDecidedTwiceIsDecidedOnce() throws Exception {
		Npi npi = organizationWithoutSaa(2);
		String username = fresh();
		this.mvc.perform(send(npi, username)).andExpect(redirectedUrl("/register/review/sent"));
		long id = reviewOf(username);
		this.mvc.perform(approve(id, true)).andExpect(redirectedUrl("/staff/registrations"));
		this.mvc.perform(approve(id, true)).andExpect(redirectedUrl("/staff/registrations/" + id));
		// Flash attributes live in the session, kept in the database: follow its cookie.
		Cookie session = this.mvc.perform(reject(id, "Too late", "services.staff"))
			.andExpect(redirectedUrl("/staff/registrations/" + id))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(get("/staff/registrations/" + id).with(user(staff("services.staff"))).cookie(session))
			.andExpect(content().string(containsString("Someone else decided this request first")))
			.andExpect(content().string(containsString("Approved by services.staff")))
			.andExpect(content().string(not(containsString("I called the provider"))));
		assertThat(this.accounts.idOf(username)).as("a rejection after the approval changed nothing").isPresent();
		assertThat(mailsTo(username + "@example.org", "registration-review-approved")).isOne();
		assertThat(mailsTo(username + "@example.org", "registration-review-rejected")).isZero();
		assertThat(this.audit.recentByActor("services.staff", 10))
			.anyMatch((r) -> r.action().equals("registration.review.decide") && r.outcome() == AuditOutcome.FAILURE);
	}

	@Test
	void twoStaffDecidingAtOnceDecideOnce() throws Exception {
		Npi npi = organizationWithoutSaa(3);
		String username = fresh();
		this.mvc.perform(send(npi, username)).andExpect(redirectedUrl("/register/review/sent"));
		long id = reviewOf(username);
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<RegistrationReviews.Decision>> deciders = List.of(() -> {
			start.await();
			return this.reviews.approve(id, "services.staff", true);
		}, () -> {
			start.await();
			return this.reviews.reject(id, "services.other", "Could not reach the office");
		});
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<RegistrationReviews.Decision>> futures = new ArrayList<>();
			deciders.forEach((d) -> futures.add(pool.submit(d)));
			start.countDown();
			List<RegistrationReviews.Decision> decisions = new ArrayList<>();
			for (Future<RegistrationReviews.Decision> f : futures) {
				decisions.add(f.get());
			}
			assertThat(decisions).filteredOn((d) -> d instanceof RegistrationReviews.Decision.AlreadyDecided)
				.hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		RegistrationReviews.Review review = this.reviews.find(id).orElseThrow();
		assertThat(this.accounts.idOf(username).isPresent())
			.isEqualTo(review.status() == RegistrationReviews.Status.APPROVED);
		assertThat(this.access.seniorAccessAdministratorOf(npi).isPresent())
			.isEqualTo(review.status() == RegistrationReviews.Status.APPROVED);
	}

	@Test
	void aRejectionNeedsAReasonIsEmailedAndFreesTheUsername() throws Exception {
		Npi npi = organizationWithoutSaa(4);
		String username = fresh();
		this.mvc.perform(send(npi, username)).andExpect(redirectedUrl("/register/review/sent"));
		long id = reviewOf(username);
		this.mvc.perform(reject(id, "  ", "services.staff"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#reason\"")));
		assertThat(this.accounts.idOf(username)).isPresent();
		this.mvc.perform(reject(id, "The office does not know this person.", "services.staff"))
			.andExpect(redirectedUrl("/staff/registrations"));
		assertThat(this.accounts.idOf(username)).isEmpty();
		assertThat(this.access.seniorAccessAdministratorOf(npi)).isEmpty();
		assertThat(SentMail.lastBodyTo(this.jdbc, username + "@example.org"))
			.contains("The office does not know this person.");
		assertThat(this.audit.recentByActor("services.staff", 20))
			.anyMatch((r) -> r.action().equals("registration.review.reject") && r.objectId().equals("" + id));
		this.mvc.perform(send(npi, username)).andExpect(redirectedUrl("/register/review/sent"));
	}

	@Test
	void aRequestForAnNpiNotOnFileCannotBeApproved() throws Exception {
		Npi unknown = Npi.withCheckDigit("1999999" + String.format("%02d", (int) (Math.random() * 100)));
		assertThat(this.providers.find(unknown)).isEmpty();
		String username = fresh();
		this.mvc.perform(send(unknown, username)).andExpect(redirectedUrl("/register/review/sent"));
		long id = reviewOf(username);
		this.mvc.perform(get("/staff/registrations/" + id).with(user(staff("services.staff"))))
			.andExpect(content().string(containsString("Not on file")))
			.andExpect(content().string(not(containsString("I called the provider"))));
		this.mvc.perform(approve(id, true))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This NPI is not on file")));
		assertThat(this.reviews.find(id).orElseThrow().open()).isTrue();
		assertThat(this.access.seniorAccessAdministratorOf(unknown)).isEmpty();
		this.mvc.perform(reject(id, "Please check the NPI.", "services.staff"))
			.andExpect(redirectedUrl("/staff/registrations"));
	}

	@Test
	void oneUsernameOneRequestAndNeverAnExistingAccountsUsername() throws Exception {
		Npi npi = organizationWithoutSaa(5);
		String username = fresh();
		this.mvc.perform(send(npi, username)).andExpect(redirectedUrl("/register/review/sent"));
		this.mvc.perform(send(npi, username))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already waiting for Provider Services")));
		this.mvc.perform(send(npi, "saa.demo"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That username is taken")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM access.registration_review WHERE username IN (?, 'saa.demo')")
			.param(username)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void badInputIsExplainedFieldByFieldAndKeepsNothing() throws Exception {
		String username = fresh();
		this.mvc
			.perform(post("/register/review").with(csrf())
				.with(from(client()))
				.param("npi", "1234567890")
				.param("name", "")
				.param("email", "not an address")
				.param("phone", "555-0100")
				.param("username", username)
				.param("password", PASSWORD)
				.param("confirmation", "something else entirely"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#npi\"")))
			.andExpect(content().string(containsString("href=\"#phone\"")))
			.andExpect(content().string(containsString("href=\"#confirmation\"")));
		assertThat(this.accounts.idOf(username)).isEmpty();
	}

	@Test
	void oneNetworkSendsAFewRequestsADay() throws Exception {
		String client = client();
		for (int i = 0; i < RegistrationReviews.REQUESTS_PER_CLIENT; i++) {
			this.mvc.perform(send(organizationWithoutSaa(6), fresh()).with(from(client)))
				.andExpect(redirectedUrl("/register/review/sent"));
		}
		String username = fresh();
		this.mvc.perform(send(organizationWithoutSaa(6), username).with(from(client)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Too many requests")));
		assertThat(this.accounts.idOf(username)).isEmpty();
	}

	@Test
	void anyoneWhoCannotVerifyOnlineCanAskProviderServicesFromTheLandingPage() throws Exception {
		this.mvc.perform(get("/register")).andExpect(content().string(containsString("href=\"/register/review\"")));
		this.mvc.perform(get("/register/review"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Send to Provider Services")))
			.andExpect(content().string(not(containsString("too many attempts"))));
	}

	@Test
	void onlyProviderServicesReachTheQueue() throws Exception {
		Npi npi = organizationWithoutSaa(7);
		String username = fresh();
		this.mvc.perform(send(npi, username)).andExpect(redirectedUrl("/register/review/sent"));
		long id = reviewOf(username);
		for (String other : List.of("saa.demo", "compliance.staff", "claims.staff")) {
			this.mvc.perform(get("/staff/registrations").with(user(staff(other)))).andExpect(status().isForbidden());
			this.mvc.perform(get("/staff/registrations/" + id).with(user(staff(other))))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/staff/registrations/" + id + "/approve").with(user(staff(other)))
					.with(csrf())
					.param("officeConfirmed", "true"))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/staff/registrations")).andExpect(redirectedUrl("/login"));
		assertThat(this.reviews.find(id).orElseThrow().open()).isTrue();
		assertThat(this.access.seniorAccessAdministratorOf(npi)).isEmpty();
		this.mvc.perform(get("/staff/registrations/999999999").with(user(staff("services.staff"))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/").with(user(staff("services.staff"))))
			.andExpect(content().string(containsString("Registration requests (")));
	}

	private MockHttpServletRequestBuilder send(Npi npi, String username) {
		return post("/register/review").with(csrf())
			.with(from(client()))
			.param("npi", npi.value())
			.param("name", "Reva Queue")
			.param("email", username + "@example.org")
			.param("phone", "617-555-0142 ext 7")
			.param("username", username)
			.param("password", PASSWORD)
			.param("confirmation", PASSWORD);
	}

	private MockHttpServletRequestBuilder approve(long id, boolean officeConfirmed) {
		MockHttpServletRequestBuilder request = post("/staff/registrations/" + id + "/approve")
			.with(user(staff("services.staff")))
			.with(csrf());
		return officeConfirmed ? request.param("officeConfirmed", "true") : request;
	}

	private MockHttpServletRequestBuilder reject(long id, String reason, String by) {
		return post("/staff/registrations/" + id + "/reject").with(user(staff(by)))
			.with(csrf())
			.param("reason", reason);
	}

	private MockHttpServletRequestBuilder signIn(String username) {
		return post("/login").with(csrf()).with(from(client())).param("username", username).param("password", PASSWORD);
	}

	private long reviewOf(String username) {
		return this.jdbc.sql("SELECT id FROM access.registration_review WHERE username = ? AND status = 'OPEN'")
			.param(username)
			.query(Long.class)
			.single();
	}

	private Npi organizationWithoutSaa(int n) {
		return OrganizationsWithoutSaa.nth(this.jdbc, n);
	}

}
