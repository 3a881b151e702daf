package org.portico.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.portico.claims.ClaimFeed;
import org.portico.members.MemberFeed;
import org.portico.platform.bulk.BulkLoad;
import org.portico.platform.bulk.BulkLoads;
import org.portico.providers.ProviderFeed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the synthetic data set through the modules' feeds: providers and products first,
 * then families in chunks on as many loaders as configured, then the payments the claims
 * point to.
 */
@Component
class DemoDataSet {

	private static final Logger log = LoggerFactory.getLogger(DemoDataSet.class);

	private static final int FAMILIES_PER_CHUNK = 5_000;

	private final BulkLoads bulkLoads;

	private final ProviderFeed providerFeed;

	private final MemberFeed memberFeed;

	private final ClaimFeed claimFeed;

	private final JdbcClient jdbc;

	DemoDataSet(BulkLoads bulkLoads, ProviderFeed providerFeed, MemberFeed memberFeed, ClaimFeed claimFeed,
			JdbcClient jdbc) {
		this.bulkLoads = bulkLoads;
		this.jdbc = jdbc;
		this.providerFeed = providerFeed;
		this.memberFeed = memberFeed;
		this.claimFeed = claimFeed;
	}

	/** What a load wrote, and how long it took. */
	record Summary(int families, int members, int payments, Duration took) {
	}

	/** The data set on file, as recorded when its load finished. */
	record OnFile(long seed, int members, int claimsPerMember, LocalDate asOf) {
	}

	Optional<OnFile> onFile() {
		return this.jdbc.sql("SELECT seed, members, claims_per_member, as_of FROM demo.data_set")
			.query((rs, row) -> new OnFile(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getObject(4, LocalDate.class)))
			.optional();
	}

	Summary load(long seed, LocalDate asOf, int members, int claimsPerMember, int threads) {
		long start = System.nanoTime();
		DemoProviders providers;
		try (BulkLoad load = this.bulkLoads.open()) {
			providers = DemoProviders.generate(seed, asOf, members, this.providerFeed.writer(load));
			DemoBenefits.write(this.memberFeed.writer(load));
			load.commit();
		}
		DemoPopulation population = new DemoPopulation(seed, asOf, members, claimsPerMember, providers);
		int families = population.families();
		int chunks = (families + FAMILIES_PER_CHUNK - 1) / FAMILIES_PER_CHUNK;
		AtomicInteger done = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, chunks)));
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int c = 0; c < chunks; c++) {
				int from = c * FAMILIES_PER_CHUNK;
				int to = Math.min(families, from + FAMILIES_PER_CHUNK);
				work.add(pool.submit(() -> {
					try (BulkLoad load = this.bulkLoads.open()) {
						population.writeFamilies(from, to, this.memberFeed.writer(load), this.claimFeed.writer(load));
						load.commit();
					}
					int finished = done.incrementAndGet();
					if (chunks > 4 && finished % Math.max(1, chunks / 20) == 0) {
						log.info("Demo data: {} of {} families loaded",
								Math.min(families, (long) finished * FAMILIES_PER_CHUNK), families);
					}
				}));
			}
			for (Future<?> f : work) {
				f.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while loading demo data", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Loading demo data failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		int payments = this.claimFeed.createPaymentsFromClaims();
		this.bulkLoads.refreshStatistics();
		this.jdbc.sql("""
				INSERT INTO demo.data_set (id, seed, members, claims_per_member, as_of, completed_at)
				VALUES (1, ?, ?, ?, ?, ?)
				""").params(seed, members, claimsPerMember, asOf, Timestamp.from(Instant.now())).update();
		return new Summary(families, members, payments, Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * The provider directory of a data set, rebuilt in memory without writing anything.
	 */
	static DemoProviders directory(long seed, LocalDate asOf, int members) {
		return DemoProviders.generate(seed, asOf, members, null);
	}

}
