package org.portico.notifications;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.portico.platform.DatabaseProduct;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * SMTP when a server is configured (PORTICO_SMTP_HOST). Without one, the embedded
 * database keeps mail in the dev mailbox so the demo works offline; anywhere else mail
 * waits, retried and visible to staff, until a server is configured.
 */
@Configuration(proxyBeanMethods = false)
class MailDeliveryConfiguration {

	@Bean
	MailDelivery mailDelivery(ObjectProvider<JavaMailSender> sender, DatabaseProduct database,
			@Value("${spring.mail.host:}") String host, @Value("${portico.notifications.from}") String from) {
		JavaMailSender smtp = sender.getIfAvailable();
		if (smtp != null && !host.isBlank()) {
			return new Smtp(smtp, from);
		}
		if (database.isEmbedded()) {
			return new DevMailbox();
		}
		return new Unconfigured();
	}

	static final class Smtp implements MailDelivery {

		private final JavaMailSender sender;

		private final String from;

		Smtp(JavaMailSender sender, String from) {
			this.sender = sender;
			this.from = from;
		}

		@Override
		public void deliver(OutboxMessage message) throws Exception {
			MimeMessage mime = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
			helper.setFrom(new InternetAddress(this.from, "Portico Provider Self Service"));
			helper.setTo(message.recipient());
			helper.setSubject(message.subject());
			helper.setText(message.body(), false);
			this.sender.send(mime);
		}

		@Override
		public String channel() {
			return "SMTP";
		}

	}

	/**
	 * Keeps mail in the outbox, shown at /dev/mailbox. Only ever used on the embedded
	 * database.
	 */
	static final class DevMailbox implements MailDelivery {

		@Override
		public void deliver(OutboxMessage message) {
		}

		@Override
		public String channel() {
			return "DEV";
		}

		@Override
		public boolean keepsBody() {
			return true;
		}

	}

	static final class Unconfigured implements MailDelivery {

		@Override
		public void deliver(OutboxMessage message) {
			throw new IllegalStateException("No SMTP server is configured: set PORTICO_SMTP_HOST");
		}

		@Override
		public String channel() {
			return "NONE";
		}

	}

}
