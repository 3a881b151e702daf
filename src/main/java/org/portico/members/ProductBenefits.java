package org.portico.members;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.portico.members.EligibilityReport.Benefit;
import org.portico.members.EligibilityReport.BenefitRow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each product covers and costs: the same for every member of the product and read
 * on every report, so kept in memory for a few minutes after it is first read.
 */
@Component
class ProductBenefits {

	private static final Duration KEPT = Duration.ofMinutes(5);

	private static final Benefit NOT_COVERED = new Benefit(false, null, null, false, false, null);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, Product> products = new ConcurrentHashMap<>();

	ProductBenefits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A product's benefits and cost sharing.
	 *
	 * @param benefits one row per service category, in the order of
	 * {@link ServiceCategory}
	 * @param costShares deductible and out-of-pocket maximum per network tier, in network
	 * order
	 * @param visitLimits the in-network benefits with a yearly visit limit, by category
	 * name
	 */
	record Product(List<BenefitRow> benefits, Map<Network, CostShare> costShares,
			Map<ServiceCategory, Integer> visitLimits, Instant readAt) {
	}

	/** The individual deductible and out-of-pocket maximum of one network tier. */
	record CostShare(BigDecimal deductible, BigDecimal outOfPocketMaximum) {
	}

	Product of(String productCode) {
		Product product = this.products.get(productCode);
		Instant now = Instant.now(this.clock);
		if (product == null || product.readAt().plus(KEPT).isBefore(now)) {
			product = read(productCode, now);
			if (!product.costShares().isEmpty()) {
				this.products.put(productCode, product);
			}
		}
		return product;
	}

	private Product read(String productCode, Instant now) {
		Map<ServiceCategory, Map<Network, Benefit>> byCategory = new EnumMap<>(ServiceCategory.class);
		this.jdbc.sql("""
				SELECT service_category, network, covered, copay, coinsurance_percent, deductible_applies,
				       prior_authorization_required, visit_limit
				FROM members.benefit WHERE product_code = ?
				""").param(productCode).query((ResultSet rs) -> {
			byCategory.computeIfAbsent(ServiceCategory.valueOf(rs.getString(1)), (c) -> new EnumMap<>(Network.class))
				.put(Network.valueOf(rs.getString(2)), benefit(rs));
		});
		List<BenefitRow> rows = new ArrayList<>();
		Map<ServiceCategory, Integer> visitLimits = new TreeMap<>(Comparator.comparing(Enum::name));
		for (ServiceCategory category : ServiceCategory.values()) {
			Map<Network, Benefit> tiers = byCategory.getOrDefault(category, Map.of());
			Benefit in = tiers.getOrDefault(Network.IN, NOT_COVERED);
			rows.add(new BenefitRow(category, in, tiers.getOrDefault(Network.OUT, NOT_COVERED)));
			if (in.visitLimit() != null) {
				visitLimits.put(category, in.visitLimit());
			}
		}
		Map<Network, CostShare> costShares = new EnumMap<>(Network.class);
		this.jdbc.sql("""
				SELECT network, deductible_individual, out_of_pocket_individual
				FROM members.product_cost_share WHERE product_code = ?
				""").param(productCode).query((ResultSet rs) -> {
			costShares.put(Network.valueOf(rs.getString(1)), new CostShare(rs.getBigDecimal(2), rs.getBigDecimal(3)));
		});
		return new Product(List.copyOf(rows), costShares, visitLimits, now);
	}

	private static Benefit benefit(ResultSet rs) throws SQLException {
		Integer coinsurance = (Integer) rs.getObject(5, Integer.class);
		Integer visitLimit = (Integer) rs.getObject(8, Integer.class);
		return new Benefit(rs.getBoolean(3), rs.getBigDecimal(4), coinsurance, rs.getBoolean(6), rs.getBoolean(7),
				visitLimit);
	}

}
