package org.portico.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.RunningPortalTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors over real HTTP, as the servlet container forwards them: people get a friendly
 * page, programs an RFC 9457 problem, and nobody sees a stack trace, SQL or exception
 * text.
 */
class ErrorPagesHttpTests extends RunningPortalTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private HttpClient http;

	@BeforeEach
	void signIn() throws Exception {
		this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String form = "username=saa.demo&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + csrfToken();
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url("/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Location")).hasValue(url("/"));
	}

	@Test
	void anUnknownAddressGetsAFriendlyPage() throws Exception {
		HttpResponse<String> response = get("/no-such-page", "text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found", "Go to the home page")
			.doesNotContain("Exception", "static resource");
	}

	@Test
	void programsGetProblemDetails() throws Exception {
		HttpResponse<String> response = get("/no-such-page", "application/json");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":404", "\"title\":\"Page not found\"")
			.doesNotContain("static resource");
	}

	@Test
	void aServerFailureShowsNoStackTraceNorSql() throws Exception {
		HttpResponse<String> response = get("/test/fail", "text/html");
		assertThat(response.statusCode()).isEqualTo(500);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(response.body())
			.contains("Something went wrong on our side", "Reference for Provider Services", requestId)
			.doesNotContain("SELECT", "secret", "IllegalStateException", "at org.");
	}

	@Test
	void aServerFailureGivesProgramsAProblemWithoutDetailsOfTheFault() throws Exception {
		HttpResponse<String> response = get("/test/fail", "application/json");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("\"status\":500").doesNotContain("SELECT", "secret", "Exception");
	}

	@Test
	void aFormPostWithoutCsrfTokenGetsTheFriendlyForbiddenPage() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url("/logout")))
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("You do not have access to this")
			.doesNotContain("InvalidCsrfToken", "Invalid CSRF", "Exception");
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String csrfToken() throws IOException, InterruptedException {
		String page = get("/login", "text/html").body();
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

}
