package org.portico.demo;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.claims.ClaimApi;
import org.portico.identity.Accounts;
import org.portico.members.MemberApi;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * At start-up: loads the small demo data set and demo logins into an empty database, or,
 * as the large data set command, generates a data set of any size and exits.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoProperties properties;

	private final DemoDataSet dataSet;

	private final DemoLogins logins;

	private final MemberApi members;

	private final ClaimApi claims;

	private final Accounts accounts;

	private final AuditLog audit;

	private final ConfigurableApplicationContext context;

	DemoDataLoader(DemoProperties properties, DemoDataSet dataSet, DemoLogins logins, MemberApi members,
			ClaimApi claims, Accounts accounts, AuditLog audit, ConfigurableApplicationContext context) {
		this.properties = properties;
		this.dataSet = dataSet;
		this.logins = logins;
		this.members = members;
		this.claims = claims;
		this.accounts = accounts;
		this.audit = audit;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoProperties p = this.properties;
		if (!p.generateOnly() && !p.loadOnStart()) {
			return;
		}
		LocalDate asOf = p.asOfOrToday();
		if (this.members.anyMemberOnFile()) {
			log.info("Demo data: members already on file, nothing loaded");
		}
		else {
			log.info("Demo data: generating {} members, about {} claims each, seed {}, as of {}", p.members(),
					p.claimsPerMember(), p.seed(), asOf);
			DemoDataSet.Summary summary = this.dataSet.load(p.seed(), asOf, p.members(), p.claimsPerMember(),
					p.threads());
			long claimCount = this.claims.claimsOnFile();
			log.info("Demo data: loaded {} members in {} families, {} claims, {} payments in {} s", summary.members(),
					summary.families(), claimCount, summary.payments(), summary.took().toMillis() / 1000.0);
			this.audit.record(AuditEvent.success("demo-loader", "demo-data.load", null, null));
		}
		if (p.generateOnly()) {
			int code = SpringApplication.exit(this.context, () -> 0);
			System.exit(code);
			return;
		}
		DemoProviders directory = DemoDataSet.directory(p.seed(), asOf, p.members());
		if (!this.accounts.anyAccountExists()) {
			this.logins.create(directory, p.password());
		}
		StringBuilder table = new StringBuilder("Demo logins (password: the value of portico.demo.password):");
		for (DemoLogins.Login login : DemoLogins.describe(directory)) {
			table.append(String.format("%n  %-18s %-62s %s", login.username(), login.who(), login.actsFor()));
		}
		log.info(table.toString());
	}

}
