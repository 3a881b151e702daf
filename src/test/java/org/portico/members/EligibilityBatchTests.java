package org.portico.members;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.audit.AuditRecord;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Batch eligibility through the web layer on the real database: a file checked in the
 * background row by row, the result with a reason for every row in error, files refused
 * as a whole, whose jobs are whose, and the result deleted a day after.
 */
@PorticoIntegrationTest
class EligibilityBatchTests {

	private static final String HEADER = "member_id,first_name,last_name,birth_date,date_of_service\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EligibilityBatches batches;

	@Autowired
	EligibilityBatchRunner runner;

	private PorticoUser frontDesk;

	private String npi;

	private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	@BeforeEach
	void actAsTheFrontDesk() {
		this.frontDesk = (PorticoUser) this.accounts.loadUserByUsername("frontdesk.demo");
		this.npi = this.access.npisFor(this.frontDesk.accountId(), ProviderFunction.ELIGIBILITY_BENEFITS)
			.iterator()
			.next()
			.value();
	}

	@Test
	void aFileIsCheckedInTheBackgroundWithOneResultRowPerLineAndEveryErrorExplained() throws Exception {
		List<Member> covered = coveredMembers(2);
		Member byId = covered.get(0);
		Member byName = covered.get(1);
		Member twin = coveredMembers(3).get(2);
		String twinId = "9" + twin.id().subscriberId().substring(1);
		copyMember(twin.id(), twinId);
		try {
			String file = HEADER + byId.id().subscriberId() + " " + byId.id().suffix() + ",,,,\n" // 2
					+ "," + byName.firstName().toUpperCase() + "," + byName.lastName() + "," + us(byName.birthDate())
					+ "," + this.today + "\n" // 3
					+ byId.id() + ",,,,1990-01-01\n" // 4
					+ "12345-01,,,,\n" // 5
					+ ",Ann,Lee," + this.today.plusDays(3) + ",\n" // 6
					+ "\n" // 7, blank: not a row
					+ ",Nobody,Atall,1950-01-01,\n" // 8
					+ "," + twin.firstName() + "," + twin.lastName() + "," + twin.birthDate() + ",\n" // 9
					+ ",\"=HYPERLINK(\"\"x\"\")\",Lee,1980-04-30,\n" // 10
					+ byId.id() + ",Someone,Else,,\n" // 11
					+ ",,,,\n" // 12, blank: not a row
					+ byName.id() + ",,," + byName.birthDate() + ",soon\n"; // 13
			UUID id = upload(file, UUID.randomUUID().toString());
			EligibilityBatch done = awaitDone(id);
			assertThat(done.rowCount()).isEqualTo(10);
			assertThat(done.covered()).isEqualTo(2);
			assertThat(done.notCovered()).isEqualTo(1);
			assertThat(done.errors()).isEqualTo(7);
			assertThat(done.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));

			List<List<String>> result = resultCsv(id);
			assertThat(result.get(0)).startsWith("line", "member_id_entered").contains("status", "pcp_npi", "message");
			assertThat(result).hasSize(11);
			assertThat(result.subList(1, 11)).extracting((r) -> r.get(0))
				.containsExactly("2", "3", "4", "5", "6", "8", "9", "10", "11", "13");
			assertThat(result.get(1)).contains("COVERED", byId.id().toString(),
					byId.firstName() + " " + byId.lastName(), byId.productName(), this.today.toString());
			assertThat(result.get(2)).contains("COVERED", byName.id().toString(), byName.productName());
			assertThat(result.get(3)).contains("NOT COVERED", byId.id().toString(), "1990-01-01",
					"Not covered on 1990-01-01.");
			assertThat(result.get(4)).contains("ERROR", "12345-01").last().asString().contains("9 digits");
			assertThat(result.get(5)).last().asString().contains("in the future");
			assertThat(result.get(6)).last().asString().contains("No member matches exactly");
			assertThat(result.get(7)).contains("ERROR")
				.doesNotContain(twin.id().toString(), twinId + "-" + twin.id().suffix())
				.last()
				.asString()
				.contains("More than one member matches; use the member ID");
			assertThat(result.get(8)).contains("'=HYPERLINK(\"x\")");
			assertThat(result.get(9)).last().asString().contains("another name or date of birth");
			assertThat(result.get(9)).doesNotContain(byId.firstName() + " " + byId.lastName());
			assertThat(result.get(10)).last().asString().contains("date of service is not a date");

			List<AuditRecord> trail = this.audit.recentByActor("frontdesk.demo", 20);
			assertThat(trail).filteredOn((r) -> r.action().equals("member.view") && r.detail().contains(id.toString()))
				.extracting(AuditRecord::objectId)
				.containsExactlyInAnyOrder(byId.id().toString(), byName.id().toString(), byId.id().toString());
			assertThat(trail).anyMatch((r) -> r.action().equals("eligibility.batch.download")
					&& r.objectId().equals(id.toString()) && r.outcome() == AuditOutcome.SUCCESS);
			assertThat(trail).anyMatch((r) -> r.action().equals("eligibility.batch.submit")
					&& r.objectId().equals(id.toString()) && r.outcome() == AuditOutcome.SUCCESS);
		}
		finally {
			this.jdbc.sql("DELETE FROM members.member WHERE subscriber_id = ?").param(twinId).update();
		}
	}

	@Test
	void theStatusPageShowsProgressAndAsksAgainEverySecondUntilDone() throws Exception {
		UUID id = runningJob(3, 1);
		try {
			this.mvc.perform(get("/eligibility/batches/" + id).with(user(this.frontDesk)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("aria-live=\"polite\"")))
				.andExpect(
						content().string(containsString("<progress id=\"batch-progress-bar\" max=\"3\" value=\"1\"")))
				.andExpect(content().string(containsString("1 of 3 rows checked")))
				.andExpect(content().string(containsString("hx-trigger=\"every 1s\"")));
			this.mvc
				.perform(get("/eligibility/batches/" + id + "/progress").header("HX-Request", "true")
					.with(user(this.frontDesk)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("<html"))))
				.andExpect(content().string(containsString("1 of 3 rows checked")))
				.andExpect(content().string(containsString("hx-get=\"/eligibility/batches/" + id + "/progress\"")));
			this.mvc.perform(get("/eligibility/batches/" + id + "/result.csv").with(user(this.frontDesk)))
				.andExpect(status().isNotFound());
		}
		finally {
			this.jdbc.sql("DELETE FROM members.eligibility_batch_row WHERE batch_id = ?").param(id).update();
			this.jdbc.sql("DELETE FROM members.eligibility_batch WHERE id = ?").param(id).update();
		}
		UUID finished = upload(HEADER + coveredMembers(1).get(0).id() + ",,,,\n", UUID.randomUUID().toString());
		awaitDone(finished);
		this.mvc.perform(get("/eligibility/batches/" + finished + "/progress").with(user(this.frontDesk)))
			.andExpect(content().string(containsString("1 of 1 rows checked")))
			.andExpect(content().string(containsString("Done: 1 covered, 0 not covered, 0 with errors.")))
			.andExpect(content().string(containsString("/eligibility/batches/" + finished + "/result.csv")))
			.andExpect(content().string(not(containsString("hx-trigger"))));
		this.mvc.perform(get("/eligibility/batches").with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/eligibility/batches/" + finished)))
			.andExpect(content().string(containsString("Ready to download")));
	}

	@Test
	void aMalformedFileIsRefusedNamingTheLineAndNothingIsStored() throws Exception {
		long before = batchCount();
		this.mvc.perform(uploadRequest(HEADER + "123456789-01,,,,\n123456789-02,Ann\n", UUID.randomUUID().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Line 3 has 2 values; every line needs 5")));
		this.mvc.perform(uploadRequest("member_id;first_name\n1;2\n", UUID.randomUUID().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Line 1 must be the header row")));
		this.mvc.perform(uploadRequest("", UUID.randomUUID().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The file is empty")));
		this.mvc.perform(uploadRequest(HEADER + ",\"Ann,Lee,1980-04-30,\n", UUID.randomUUID().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Line 2 opens a quote")));
		StringBuilder tooMany = new StringBuilder(HEADER);
		for (int i = 0; i <= EligibilityBatchFile.MAX_ROWS; i++) {
			tooMany.append("123456789-01,,,,\n");
		}
		this.mvc.perform(uploadRequest(tooMany.toString(), UUID.randomUUID().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("more than 10,000 members: line 10,002 is one too many")));
		this.mvc
			.perform(multipart("/eligibility/batches").param("npi", this.npi).with(csrf()).with(user(this.frontDesk)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose the CSV file to upload")));
		assertThat(batchCount()).isEqualTo(before);
	}

	@Test
	void aFileOverTheLimitIsAnsweredWithTheFormAndAMessage() throws Exception {
		byte[] large = new byte[5 * 1024 * 1024 + 1];
		this.mvc
			.perform(post("/eligibility/batches").contentType(MediaType.MULTIPART_FORM_DATA_VALUE + "; boundary=x")
				.content(large)
				.with(user(this.frontDesk)))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/eligibility/batches?too-large"));
		this.mvc.perform(get("/eligibility/batches?too-large").with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The file is larger than 5 MB")));
	}

	@Test
	void onlyTheUploaderSeesTheJobAndOthersAreAuditedAsDenied() throws Exception {
		UUID id = upload(HEADER + coveredMembers(1).get(0).id() + ",,,,\n", UUID.randomUUID().toString());
		awaitDone(id);
		PorticoUser other = (PorticoUser) this.accounts.loadUserByUsername("other.demo");
		for (String path : List.of("", "/progress", "/result.csv")) {
			this.mvc.perform(get("/eligibility/batches/" + id + path).with(user(other)))
				.andExpect(status().isNotFound());
		}
		assertThat(this.audit.recentByActor("other.demo", 3)).extracting(AuditRecord::action)
			.containsExactlyInAnyOrder("eligibility.batch.view", "eligibility.batch.view",
					"eligibility.batch.download");
		assertThat(this.audit.recentByActor("other.demo", 3))
			.allMatch((r) -> r.outcome() == AuditOutcome.DENIED && r.objectId().equals(id.toString()));
		this.mvc.perform(get("/eligibility/batches").with(user(other)))
			.andExpect(content().string(not(containsString(id.toString()))));
		this.mvc.perform(get("/eligibility/batches/not-a-job").with(user(this.frontDesk)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/eligibility/batches/" + id).with(user(this.frontDesk))).andExpect(status().isOk());
	}

	@Test
	void actingForAnotherPracticesNpiIsForbidden() throws Exception {
		PorticoUser other = (PorticoUser) this.accounts.loadUserByUsername("other.demo");
		String theirs = this.access.npisFor(other.accountId(), ProviderFunction.ELIGIBILITY_BENEFITS)
			.iterator()
			.next()
			.value();
		long before = batchCount();
		this.mvc
			.perform(multipart("/eligibility/batches").file(csv(HEADER + "123456789-01,,,,\n"))
				.param("npi", theirs)
				.with(csrf())
				.with(user(this.frontDesk)))
			.andExpect(status().isForbidden());
		assertThat(batchCount()).isEqualTo(before);
		assertThat(this.audit.recentByActor("frontdesk.demo", 1)).first()
			.satisfies((r) -> assertThat(r.action()).isEqualTo("eligibility.batch.submit"))
			.satisfies((r) -> assertThat(r.outcome()).isEqualTo(AuditOutcome.DENIED));
	}

	@Test
	void submittingTheSameFormTwiceMakesOneJob() throws Exception {
		String file = HEADER + coveredMembers(1).get(0).id() + ",,,,\n";
		String key = UUID.randomUUID().toString();
		UUID first = upload(file, key);
		assertThat(upload(file, key)).isEqualTo(first);
		String again = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<UUID> submit = () -> upload(file, again);
			Future<UUID> one = pool.submit(submit);
			Future<UUID> two = pool.submit(submit);
			assertThat(one.get()).isEqualTo(two.get()).isNotEqualTo(first);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM members.eligibility_batch WHERE submission_key IN (?, ?)")
			.params(key, again)
			.query(Long.class)
			.single()).isEqualTo(2);
		// The same key with another file is another upload.
		assertThat(upload(file + coveredMembers(2).get(1).id() + ",,,,\n", key)).isNotEqualTo(first);
	}

	@Test
	void aJobStoppedHalfWayGoesOnFromItsLastChunk() throws Exception {
		int rows = EligibilityBatchRunner.CHUNK * 2 + 17;
		UUID id = runningJob(rows, EligibilityBatchRunner.CHUNK);
		// Its worker stopped: the claim ran out a while ago.
		this.jdbc.sql("UPDATE members.eligibility_batch SET claimed_until = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(120)), id)
			.update();
		this.runner.resumeUnfinished();
		EligibilityBatch done = awaitDone(id);
		assertThat(done.rowsDone()).isEqualTo(rows);
		assertThat(done.covered()).isEqualTo(rows);
		assertThat(done.errors()).isZero();
		// The rows of the first chunk were not checked again.
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM members.eligibility_batch_row WHERE batch_id = ? AND product_name = 'BEFORE'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(EligibilityBatchRunner.CHUNK);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM members.eligibility_batch_row WHERE batch_id = ? AND outcome IS NULL")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		this.jdbc.sql("DELETE FROM members.eligibility_batch_row WHERE batch_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM members.eligibility_batch WHERE id = ?").param(id).update();
	}

	@Test
	void aFinishedJobIsDeletedTwentyFourHoursAfterItFinished() throws Exception {
		UUID id = upload(HEADER + coveredMembers(1).get(0).id() + ",,,,\n", UUID.randomUUID().toString());
		Instant expires = awaitDone(id).expiresAt();
		Instant completed = this.jdbc.sql("SELECT completed_at FROM members.eligibility_batch WHERE id = ?")
			.param(id)
			.query(Timestamp.class)
			.single()
			.toInstant();
		assertThat(Duration.between(completed, expires)).isEqualTo(Duration.ofHours(24));

		new EligibilityBatchCleanup(this.jdbc, Clock.fixed(expires.minusSeconds(1), ZoneOffset.UTC)).deleteExpired();
		assertThat(rowsOf(id)).isEqualTo(1);
		new EligibilityBatchCleanup(this.jdbc, Clock.fixed(expires, ZoneOffset.UTC)).deleteExpired();
		assertThat(rowsOf(id)).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM members.eligibility_batch WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		this.mvc.perform(get("/eligibility/batches/" + id).with(user(this.frontDesk))).andExpect(status().isNotFound());
		this.mvc.perform(get("/eligibility/batches/" + id + "/result.csv").with(user(this.frontDesk)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theTemplateIsTheHeaderRow() throws Exception {
		this.mvc.perform(get("/eligibility/batches/template.csv").with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().string("member_id,first_name,last_name,birth_date,date_of_service\r\n"));
	}

	@Test
	void aUserWithoutTheEligibilityFunctionGetsThe403() throws Exception {
		PorticoUser billing = (PorticoUser) this.accounts.loadUserByUsername("billing.demo");
		this.mvc.perform(get("/eligibility/batches").with(user(billing))).andExpect(status().isForbidden());
	}

	private UUID upload(String file, String key) throws Exception {
		MvcResult result = this.mvc.perform(uploadRequest(file, key))
			.andExpect(redirectedUrlPattern("/eligibility/batches/*"))
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	private RequestBuilder uploadRequest(String file, String key) {
		return multipart("/eligibility/batches").file(csv(file))
			.param("npi", this.npi)
			.param("submission", key)
			.with(csrf())
			.with(user(this.frontDesk));
	}

	private static MockMultipartFile csv(String content) {
		return new MockMultipartFile("file", "members.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	private EligibilityBatch awaitDone(UUID id) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.batches.find(this.frontDesk.accountId(), id).map(EligibilityBatch::done).orElse(false));
		return this.batches.find(this.frontDesk.accountId(), id).orElseThrow();
	}

	private List<List<String>> resultCsv(UUID id) throws Exception {
		MvcResult result = this.mvc
			.perform(get("/eligibility/batches/" + id + "/result.csv").with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn();
		String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return parse(text.substring(1));
	}

	/** The rows of a CSV text, with quoted values. */
	static List<List<String>> parse(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else if (c != '\r') {
				cell.append(c);
			}
		}
		return rows;
	}

	/**
	 * A job of the front desk that a worker holds, with this many rows of covered
	 * members, the first ones already checked.
	 */
	private UUID runningJob(int rows, int checked) {
		UUID id = UUID.randomUUID();
		List<Member> members = coveredMembers(Math.min(rows, 50));
		this.jdbc.sql("""
				INSERT INTO members.eligibility_batch (id, account_id, username, npi, submission_key, file_sha256,
				  file_name, date_of_service, status, row_count, rows_done, covered, last_line, created_at,
				  claim_token, claimed_until)
				VALUES (?, ?, 'frontdesk.demo', ?, ?, ?, 'test.csv', ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, this.frontDesk.accountId().value(), this.npi, id.toString(), "0".repeat(64), this.today, rows,
					checked, checked, checked + 1, Timestamp.from(Instant.now()), UUID.randomUUID(),
					Timestamp.from(Instant.now().plus(Duration.ofHours(1))))
			.update();
		for (int i = 0; i < rows; i++) {
			this.jdbc.sql("""
					INSERT INTO members.eligibility_batch_row (batch_id, line_number, input_member_id, input_first_name,
					  input_last_name, input_birth_date, input_date_of_service, outcome, product_name)
					VALUES (?, ?, ?, '', '', '', '', ?, ?)
					""")
				.params(id, i + 2, members.get(i % members.size()).id().toString(), (i < checked) ? "COVERED" : null,
						(i < checked) ? "BEFORE" : null)
				.update();
		}
		return id;
	}

	private long batchCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM members.eligibility_batch").query(Long.class).single();
	}

	private long rowsOf(UUID id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM members.eligibility_batch_row WHERE batch_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private void copyMember(MemberId from, String subscriberId) {
		this.jdbc.sql("""
				INSERT INTO members.member (subscriber_id, member_suffix, first_name, middle_initial, last_name,
				  search_first_name, search_last_name, birth_date, gender, relationship, address_line, city, state,
				  postal_code, phone)
				SELECT ?, member_suffix, first_name, middle_initial, last_name, search_first_name, search_last_name,
				  birth_date, gender, relationship, address_line, city, state, postal_code, phone
				FROM members.member WHERE subscriber_id = ? AND member_suffix = ?
				""").params(subscriberId, from.subscriberId(), from.suffix()).update();
	}

	private static String us(LocalDate date) {
		return date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear();
	}

	private record Member(MemberId id, String firstName, String lastName, LocalDate birthDate, String productName) {
	}

	/** Members covered today whose name and birth date no other member shares. */
	private List<Member> coveredMembers(int count) {
		return this.jdbc.sql("""
				SELECT m.subscriber_id, m.member_suffix, m.first_name, m.last_name, m.birth_date, p.name
				FROM members.member m
				JOIN members.coverage c ON c.subscriber_id = m.subscriber_id AND c.member_suffix = m.member_suffix
				JOIN members.product p ON p.code = c.product_code
				WHERE c.effective_date <= ? AND (c.termination_date IS NULL OR c.termination_date >= ?)
				  AND m.subscriber_id NOT LIKE '9%'
				  AND (SELECT COUNT(*) FROM members.member o WHERE o.search_first_name = m.search_first_name
				       AND o.search_last_name = m.search_last_name AND o.birth_date = m.birth_date) = 1
				ORDER BY m.subscriber_id, m.member_suffix
				FETCH FIRST ? ROWS ONLY
				""")
			.params(this.today, this.today, count)
			.query((rs, row) -> new Member(new MemberId(rs.getString(1), rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6)))
			.list();
	}

}
