package org.portico.notifications;

import java.time.Duration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Mail goes out through the outbox to a real SMTP server (GreenMail): only when the
 * change it reports commits, and retried until the server takes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = { "spring.mail.host=127.0.0.1",
		"spring.mail.port=3025", "portico.notifications.poll-interval=1h" })
class OutboxTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxRelay relay;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@BeforeEach
	void emptyOutbox() {
		this.jdbc.sql("DELETE FROM notifications.outbox").update();
	}

	@Test
	void queuedMailIsDeliveredOverSmtp() throws Exception {
		this.notifications.send(new Email("test", "dana@example.org", "Your password was changed", "Hello Dana"));
		assertThat(this.relay.deliverDue()).isOne();
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("Your password was changed");
		assertThat(GreenMailUtil.getBody(received[0])).contains("Hello Dana");
		assertThat(status()).isEqualTo("SENT");
	}

	@Test
	void mailOfAChangeThatRollsBackIsNeverSent() {
		assertThatIllegalStateException().isThrownBy(() -> this.transaction.executeWithoutResult((tx) -> {
			this.notifications.send(new Email("test", "dana@example.org", "Subject", "Body"));
			throw new IllegalStateException("the change failed");
		}));
		assertThat(this.relay.deliverDue()).isZero();
		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notifications.outbox").query(Long.class).single()).isZero();
	}

	@Test
	void whileTheServerIsDownMailWaitsAndIsSentLater() {
		smtp.stop();
		this.notifications.send(new Email("test", "dana@example.org", "Unlock your account", "Body"));
		assertThat(this.relay.deliverDue()).isZero();
		OutboxMessage waiting = this.outbox.undelivered().get(0);
		assertThat(waiting.status()).isEqualTo("PENDING");
		assertThat(waiting.attempts()).isOne();
		assertThat(waiting.lastError()).isNotBlank();
		assertThat(waiting.nextAttemptAt()).isAfter(waiting.createdAt());
		assertThat(this.relay.deliverDue()).as("not retried before its time").isZero();

		smtp.start();
		this.jdbc.sql("UPDATE notifications.outbox SET next_attempt_at = created_at").update();
		assertThat(this.relay.deliverDue()).isOne();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(this.outbox.undelivered()).isEmpty();
	}

	@Test
	void afterTooManyFailuresMailWaitsForStaffWhoCanSendItAgain() {
		smtp.stop();
		this.notifications.send(new Email("test", "dana@example.org", "Subject", "Body"));
		this.jdbc.sql("UPDATE notifications.outbox SET attempts = ?").param(OutboxRelay.MAX_ATTEMPTS - 1).update();
		this.relay.deliverDue();
		OutboxMessage stuck = this.outbox.undelivered().get(0);
		assertThat(stuck.status()).isEqualTo("FAILED");

		smtp.start();
		assertThat(this.outbox.retry(stuck.id())).isTrue();
		assertThat(this.relay.deliverDue()).isOne();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void pausesGrowUpToAnHour() {
		assertThat(OutboxRelay.pauseAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(OutboxRelay.pauseAfter(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(OutboxRelay.pauseAfter(4)).isEqualTo(Duration.ofMinutes(4));
		assertThat(OutboxRelay.pauseAfter(11)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aMessageNeedsARecipient() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new Email("test", "not-an-address", "Subject", "Body"));
	}

	private String status() {
		return this.jdbc.sql("SELECT status FROM notifications.outbox").query(String.class).single();
	}

}
