package org.portico.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
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
	void anUploadLargerThanTheServerReadsGetsThePageThatSaysSoNotAccessDenied() throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /claims HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
					+ "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 209715200\r\n\r\n--x\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] buffer = new byte[8192];
			String response = new String(buffer, 0, socket.getInputStream().read(buffer), StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 303")
				.containsPattern("Location: (http://localhost:[0-9]+)?/error/too-large");
		}
		HttpResponse<String> page = get("/error/too-large", "text/html");
		assertThat(page.statusCode()).isEqualTo(413);
		assertThat(page.body()).contains("The files you sent are too large", "at most 10 MB");
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
