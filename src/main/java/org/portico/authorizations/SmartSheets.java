package org.portico.authorizations;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.portico.authorizations.SmartSheet.Attachment;
import org.portico.authorizations.SmartSheet.Option;
import org.portico.authorizations.SmartSheet.Question;
import org.portico.members.LineOfBusiness;
import org.portico.members.ServiceCategory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The smart sheets, one YAML file per service, read and checked once at start: a sheet
 * that cannot be read, names an unknown question in its rule, or compares an answer the
 * wrong way stops the portal from starting, with the file and the fault in the message,
 * rather than deciding requests wrongly later. The format is described in
 * {@code authorizations/smart-sheets/README.md}.
 */
@Component
public class SmartSheets {

	private static final Pattern SERVICE = Pattern.compile("[A-Z][A-Z0-9-]{1,23}");

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

	/**
	 * A CPT code (five digits, or four and a letter), a HCPCS Level II code, or a revenue
	 * code.
	 */
	private static final Pattern CODE = Pattern.compile("[0-9]{4}[0-9A-Z]|[A-Z][0-9]{4}|0[0-9]{3}");

	private final Map<String, SmartSheet> byService;

	SmartSheets(
			@Value("${portico.authorizations.smart-sheets:classpath*:authorizations/smart-sheets/*.yaml}") String location) {
		this.byService = load(location);
	}

	/** Every sheet, in the order of the services' names. */
	public List<SmartSheet> all() {
		return this.byService.values().stream().sorted(Comparator.comparing(SmartSheet::name)).toList();
	}

	public Optional<SmartSheet> find(String service) {
		return Optional.ofNullable(this.byService.get(service));
	}

	static Map<String, SmartSheet> load(String location) {
		Resource[] files;
		try {
			files = new PathMatchingResourcePatternResolver().getResources(location);
		}
		catch (IOException ex) {
			throw new InvalidSmartSheet("Smart sheets at " + location + " cannot be listed: " + ex.getMessage());
		}
		if (files.length == 0) {
			throw new InvalidSmartSheet("No smart sheet found at " + location);
		}
		Map<String, SmartSheet> sheets = new LinkedHashMap<>();
		for (Resource file : files) {
			SmartSheet sheet = read(file);
			SmartSheet before = sheets.put(sheet.service(), sheet);
			if (before != null) {
				throw new InvalidSmartSheet("Smart sheets " + before.source() + " and " + sheet.source()
						+ " are both for service " + sheet.service());
			}
		}
		return Map.copyOf(sheets);
	}

	static SmartSheet read(Resource file) {
		String name = file.getFilename();
		Object document;
		try (InputStream in = file.getInputStream()) {
			document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidSmartSheet("Smart sheet " + name + " cannot be read: " + ex.getMessage());
		}
		Reader reader = new Reader(name);
		SmartSheet sheet = reader.sheet(document);
		if (!reader.faults.isEmpty()) {
			throw new InvalidSmartSheet("Smart sheet " + name + " is not valid: " + String.join("; ", reader.faults));
		}
		return sheet;
	}

	/** Raised at start for a sheet that cannot be used. */
	public static class InvalidSmartSheet extends IllegalStateException {

		InvalidSmartSheet(String message) {
			super(message);
		}

	}

	/**
	 * Reads one file's document, collecting every fault rather than stopping at the
	 * first.
	 */
	private static final class Reader {

		private final String source;

		private final List<String> faults = new ArrayList<>();

		private Map<String, Question> questions = Map.of();

		Reader(String source) {
			this.source = source;
		}

		SmartSheet sheet(Object document) {
			if (!(document instanceof Map<?, ?> top)) {
				this.faults.add("the file is not a map of fields");
				return null;
			}
			String service = text(top, "service", true);
			if (service != null && !SERVICE.matcher(service).matches()) {
				this.faults.add("service '" + service + "' is not upper-case letters, digits and dashes");
			}
			int version = whole(top, "version", 1);
			String name = text(top, "name", true);
			ServiceCategory category = null;
			String categoryText = text(top, "category", true);
			if (categoryText != null) {
				try {
					category = ServiceCategory.valueOf(categoryText);
				}
				catch (IllegalArgumentException ex) {
					this.faults.add("category '" + categoryText + "' is not a benefit category");
				}
			}
			List<String> codes = new ArrayList<>();
			for (Object code : list(top, "codes", true)) {
				String c = String.valueOf(code);
				if (!CODE.matcher(c).matches()) {
					this.faults.add("code '" + c + "' is not a CPT, HCPCS or revenue code");
				}
				codes.add(c);
			}
			Set<LineOfBusiness> requiredFor = EnumSet.noneOf(LineOfBusiness.class);
			for (Object line : list(top, "requiredFor", false)) {
				try {
					requiredFor.add(LineOfBusiness.valueOf(String.valueOf(line)));
				}
				catch (IllegalArgumentException ex) {
					this.faults.add("requiredFor names '" + line + "', which is not a line of business");
				}
			}
			int maxUnits = whole(top, "maxUnits", 1);
			int validDays = whole(top, "validDays", 1);
			List<Question> questions = new ArrayList<>();
			Map<String, Question> byId = new LinkedHashMap<>();
			for (Object q : list(top, "questions", true)) {
				Question question = question(q);
				if (question != null && byId.put(question.id(), question) != null) {
					this.faults.add("question '" + question.id() + "' is on the sheet twice");
				}
				if (question != null) {
					questions.add(question);
				}
			}
			this.questions = byId;
			List<Attachment> attachments = new ArrayList<>();
			Set<String> attachmentIds = new HashSet<>();
			for (Object a : list(top, "attachments", false)) {
				if (a instanceof Map<?, ?> m) {
					String id = id(m, "attachment");
					if (id != null && !attachmentIds.add(id)) {
						this.faults.add("attachment '" + id + "' is on the sheet twice");
					}
					attachments.add(new Attachment(id, text(m, "text", true), flag(m, "required", false)));
				}
				else {
					this.faults.add("an attachment is not a map of fields");
				}
			}
			Criterion criteria = null;
			if (top.get("criteria") == null) {
				this.faults.add("criteria is missing");
			}
			else {
				criteria = criterion(top.get("criteria"));
			}
			return new SmartSheet(service, version, name, category, List.copyOf(codes), Set.copyOf(requiredFor),
					maxUnits, validDays, List.copyOf(questions), List.copyOf(attachments), criteria, this.source);
		}

		private Question question(Object q) {
			if (!(q instanceof Map<?, ?> m)) {
				this.faults.add("a question is not a map of fields");
				return null;
			}
			String id = id(m, "question");
			String text = text(m, "text", true);
			AnswerType type = null;
			String typeText = text(m, "type", true);
			if (typeText != null) {
				try {
					type = AnswerType.valueOf(typeText);
				}
				catch (IllegalArgumentException ex) {
					this.faults.add("question '" + id + "' has type '" + typeText
							+ "', not one of YES_NO, NUMBER, DATE, CHOICE, TEXT");
				}
			}
			List<Option> options = new ArrayList<>();
			for (Object o : list(m, "options", type == AnswerType.CHOICE)) {
				if (o instanceof Map<?, ?> om) {
					options.add(new Option(text(om, "value", true), text(om, "text", true)));
				}
				else {
					this.faults.add("an option of question '" + id + "' is not a map of value and text");
				}
			}
			if (type != AnswerType.CHOICE && !options.isEmpty()) {
				this.faults.add("question '" + id + "' has options but is not a CHOICE");
			}
			BigDecimal min = decimal(m, "min");
			BigDecimal max = decimal(m, "max");
			if ((min != null || max != null) && type != AnswerType.NUMBER) {
				this.faults.add("question '" + id + "' has min or max but is not a NUMBER");
			}
			return new Question(id, text, type, flag(m, "required", true), min, max, List.copyOf(options),
					text(m, "hint", false));
		}

		private Criterion criterion(Object node) {
			if (!(node instanceof Map<?, ?> m) || m.isEmpty()) {
				this.faults.add("a part of the criteria is not a map");
				return new Criterion.All(List.of());
			}
			if (m.containsKey("all") || m.containsKey("any")) {
				if (m.size() != 1) {
					this.faults.add("'all' or 'any' must stand alone in its part of the criteria");
				}
				String key = m.containsKey("all") ? "all" : "any";
				List<Criterion> parts = new ArrayList<>();
				if (!(m.get(key) instanceof List<?> list) || list.isEmpty()) {
					this.faults.add("'" + key + "' must list at least one part");
				}
				else {
					list.forEach((p) -> parts.add(criterion(p)));
				}
				return key.equals("all") ? new Criterion.All(List.copyOf(parts))
						: new Criterion.Any(List.copyOf(parts));
			}
			if (m.containsKey("not")) {
				return new Criterion.Not(criterion(m.get("not")));
			}
			Object questionId = m.get("answer");
			Question q = (questionId != null) ? this.questions.get(String.valueOf(questionId)) : null;
			if (q == null) {
				this.faults.add((questionId == null) ? "a part of the criteria names no answer nor all/any/not"
						: "the criteria name question '" + questionId + "', which is not on the sheet");
				return new Criterion.All(List.of());
			}
			if (m.size() != 2) {
				this.faults.add("the condition on '" + q.id() + "' must have exactly one test");
				return new Criterion.All(List.of());
			}
			String test = m.keySet()
				.stream()
				.map(String::valueOf)
				.filter((k) -> !k.equals("answer"))
				.findFirst()
				.orElseThrow();
			Object value = m.get(test);
			return switch (test) {
				case "is" -> is(q, value);
				case "oneOf" -> oneOf(q, value);
				case "atLeast", "atMost" -> {
					BigDecimal n = (value instanceof Number) ? new BigDecimal(value.toString()) : null;
					if (q.type() != AnswerType.NUMBER || n == null) {
						this.faults.add("'" + test + "' needs a NUMBER question and a number, on '" + q.id() + "'");
					}
					n = (n != null) ? n : BigDecimal.ZERO;
					yield test.equals("atLeast") ? new Criterion.AtLeast(q.id(), n) : new Criterion.AtMost(q.id(), n);
				}
				case "withinDays", "olderThanDays" -> {
					if (q.type() != AnswerType.DATE || !(value instanceof Integer days) || days < 0) {
						this.faults
							.add("'" + test + "' needs a DATE question and a number of days, on '" + q.id() + "'");
						yield new Criterion.All(List.of());
					}
					yield test.equals("withinDays") ? new Criterion.WithinDays(q.id(), days)
							: new Criterion.OlderThanDays(q.id(), days);
				}
				case "answered" -> {
					if (!Boolean.TRUE.equals(value)) {
						this.faults.add("'answered' can only be true, on '" + q.id() + "'");
					}
					yield new Criterion.Answered(q.id());
				}
				default -> {
					this.faults.add("'" + test
							+ "' is not a test (is, oneOf, atLeast, atMost, withinDays, olderThanDays, answered)");
					yield new Criterion.All(List.of());
				}
			};
		}

		private Criterion is(Question q, Object value) {
			if (q.type() == AnswerType.YES_NO && value instanceof Boolean) {
				return new Criterion.Is(q.id(), value);
			}
			if (q.type() == AnswerType.CHOICE && value != null && optionOf(q, String.valueOf(value))) {
				return new Criterion.Is(q.id(), String.valueOf(value));
			}
			this.faults.add("'is' on '" + q.id()
					+ "' needs yes or no for a YES_NO question, or one of its options for a CHOICE");
			return new Criterion.All(List.of());
		}

		private Criterion oneOf(Question q, Object value) {
			if (q.type() == AnswerType.CHOICE && value instanceof List<?> values && !values.isEmpty()
					&& values.stream().allMatch((v) -> optionOf(q, String.valueOf(v)))) {
				return new Criterion.OneOf(q.id(), Set.copyOf(values.stream().map(String::valueOf).toList()));
			}
			this.faults.add("'oneOf' on '" + q.id() + "' needs a CHOICE question and a list of its options");
			return new Criterion.All(List.of());
		}

		private static boolean optionOf(Question q, String value) {
			return q.options().stream().anyMatch((o) -> o.value().equals(value));
		}

		private String id(Map<?, ?> m, String what) {
			String id = text(m, "id", true);
			if (id != null && !ID.matcher(id).matches()) {
				this.faults.add(what + " id '" + id + "' is not lower-case letters, digits and dashes");
			}
			return id;
		}

		private String text(Map<?, ?> m, String key, boolean required) {
			Object value = m.get(key);
			if (value == null || String.valueOf(value).isBlank()) {
				if (required) {
					this.faults.add(key + " is missing" + where(m));
				}
				return null;
			}
			return String.valueOf(value).strip();
		}

		private int whole(Map<?, ?> m, String key, int least) {
			if (!(m.get(key) instanceof Integer n) || n < least) {
				this.faults.add(key + " must be a whole number of at least " + least);
				return least;
			}
			return n;
		}

		private BigDecimal decimal(Map<?, ?> m, String key) {
			Object value = m.get(key);
			if (value == null) {
				return null;
			}
			if (!(value instanceof Number)) {
				this.faults.add(key + " must be a number" + where(m));
				return null;
			}
			return new BigDecimal(value.toString());
		}

		private boolean flag(Map<?, ?> m, String key, boolean otherwise) {
			Object value = m.get(key);
			if (value == null) {
				return otherwise;
			}
			if (!(value instanceof Boolean b)) {
				this.faults.add(key + " must be true or false" + where(m));
				return otherwise;
			}
			return b;
		}

		private List<?> list(Map<?, ?> m, String key, boolean required) {
			Object value = m.get(key);
			if (value instanceof List<?> list && !list.isEmpty()) {
				return list;
			}
			if (value != null && !(value instanceof List<?>)) {
				this.faults.add(key + " must be a list" + where(m));
			}
			else if (required) {
				this.faults.add(key + " must list at least one" + where(m));
			}
			return List.of();
		}

		private static String where(Map<?, ?> m) {
			Object id = m.get("id");
			return (id != null) ? " (on '" + id + "')" : "";
		}

	}

}
