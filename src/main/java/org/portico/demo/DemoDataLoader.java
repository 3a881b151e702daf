package org.portico.demo;

import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.claims.ClaimApi;
import org.portico.identity.Accounts;
import org.portico.members.MemberApi;
import org.portico.platform.DatabaseProduct;

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

	private final DemoAdjustments adjustments;

	private final MemberApi members;

	private final ClaimApi claims;

	private final Accounts accounts;

	private final AuditLog audit;

	private final ConfigurableApplicationContext context;

	private final DatabaseProduct database;

	private final DemoAuthorizations authorizations;

	private final DemoPriorAuthorizations priorAuthorizations;

	DemoDataLoader(DemoProperties properties, DemoDataSet dataSet, DemoLogins logins, DemoAdjustments adjustments,
			MemberApi members, ClaimApi claims, Accounts accounts, AuditLog audit,
			ConfigurableApplicationContext context, DatabaseProduct database, DemoAuthorizations authorizations,
			DemoPriorAuthorizations priorAuthorizations) {
		this.priorAuthorizations = priorAuthorizations;
		this.database = database;
		this.authorizations = authorizations;
		this.properties = properties;
		this.dataSet = dataSet;
		this.logins = logins;
		this.adjustments = adjustments;
		this.members = members;
		this.claims = claims;
		this.accounts = accounts;
		this.audit = audit;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoProperties p = this.properties;
		if (!p.generateOnly() && !shouldLoad(p.loadOnStart())) {
			return;
		}
		Optional<DemoDataSet.OnFile> onFile = this.dataSet.onFile();
		if (onFile.isEmpty() && this.members.anyMemberOnFile()) {
			String problem = "Demo data: members are on file but no finished demo data set: an earlier load stopped "
					+ "half way, or the data came from elsewhere. Start from an empty database to load it.";
			if (p.generateOnly()) {
				throw new IllegalStateException(problem);
			}
			log.warn(problem);
			return;
		}
		if (onFile.isEmpty()) {
			LocalDate asOf = p.asOfOrToday();
			log.info("Demo data: generating {} members, about {} claims each, seed {}, as of {}", p.members(),
					p.claimsPerMember(), p.seed(), asOf);
			DemoDataSet.Summary summary = this.dataSet.load(p.seed(), asOf, p.members(), p.claimsPerMember(),
					p.threads());
			log.info("Demo data: loaded {} members in {} families, {} claims, {} payments in {} s", summary.members(),
					summary.families(), this.claims.claimsOnFile(), summary.payments(),
					summary.took().toMillis() / 1000.0);
			this.audit.record(AuditEvent.success("demo-loader", "demo-data.load", null, null));
			onFile = this.dataSet.onFile();
		}
		if (p.generateOnly()) {
			System.exit(SpringApplication.exit(this.context, () -> 0));
			return;
		}
		DemoDataSet.OnFile loaded = onFile.orElseThrow();
		DemoProviders directory = DemoDataSet.directory(loaded.seed(), loaded.asOf(), loaded.members());
		if (!this.accounts.anyAccountExists()) {
			this.logins.create(directory, p.password());
			this.adjustments.create();
			this.authorizations.create(directory, LocalDate.now());
			this.priorAuthorizations.create(directory, Math.min(loaded.members(), 500));
		}
		log.info(DemoLogins.describe(directory));
	}

	private boolean shouldLoad(DemoProperties.LoadOnStart when) {
		return switch (when) {
			case ALWAYS -> true;
			case EMBEDDED -> this.database.isEmbedded();
			case NEVER -> false;
		};
	}

}
