package org.portico.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are stored with an adaptive hash behind a prefix naming the algorithm, so the
 * algorithm can be strengthened later without locking anyone out.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new Normalizing(PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	/**
	 * Hashes and checks the NFKC form, so a password typed on another keyboard still
	 * matches.
	 */
	static final class Normalizing implements PasswordEncoder {

		private final PasswordEncoder delegate;

		Normalizing(PasswordEncoder delegate) {
			this.delegate = delegate;
		}

		@Override
		public String encode(CharSequence raw) {
			return this.delegate.encode(PasswordPolicy.normalize(String.valueOf(raw)));
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			return this.delegate.matches(PasswordPolicy.normalize(String.valueOf(raw)), encoded);
		}

		@Override
		public boolean upgradeEncoding(String encoded) {
			return this.delegate.upgradeEncoding(encoded);
		}

	}

}
