package org.portico.reports.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn on the server as SVG: groups of bars (one per series) with their
 * value written above each bar, series told apart by fill pattern as well as colour, and
 * a title and description for screen readers. The table beside it holds the same numbers.
 */
public record Chart(String id, String title, String description, List<String> series, List<Bar> bars,
		List<Label> labels, int width, int height, String unit) {

	static final int HEIGHT = 300;

	static final int TOP = 24;

	static final int BOTTOM = 76;

	static final int LEFT = 96;

	/** One bar: where, how tall, which series, and its value as written. */
	public record Bar(int x, int y, int width, int height, int series, String value, String row, String column,
			int textY) {

		public String fill() {
			return (this.series == 0) ? "#1f5f99" : (this.series == 1) ? "url(#" + "hatch)" : "url(#dots)";
		}

	}

	/** A category's name under its group of bars. */
	public record Label(int x, int y, String text) {
	}

	/**
	 * A chart of categories, each with one value per series.
	 * @param columns for each series, the heading of its column in the table beside
	 * @param rows for each category, the heading of its row in the table beside
	 * @param values values[category][series]; null for none, drawn as no bar and written
	 * as the word for none
	 */
	static Chart of(String id, String title, String description, List<String> series, List<String> columns,
			List<String> categories, List<String> rows, Double[][] values, String unit, String none) {
		int groupWidth = Math.max(36, series.size() * 22 + 12);
		int width = LEFT + 16 + groupWidth * Math.max(1, categories.size());
		double max = 0;
		for (Double[] v : values) {
			for (Double d : v) {
				max = Math.max(max, (d != null) ? d : 0);
			}
		}
		int plot = HEIGHT - TOP - BOTTOM;
		List<Bar> bars = new ArrayList<>();
		List<Label> labels = new ArrayList<>();
		int barWidth = (groupWidth - 12) / Math.max(1, series.size());
		for (int c = 0; c < categories.size(); c++) {
			int x0 = LEFT + c * groupWidth + 6;
			for (int s = 0; s < series.size(); s++) {
				Double v = values[c][s];
				int h = (max == 0 || v == null) ? 0 : (int) Math.round(plot * v / max);
				int y = TOP + plot - h;
				bars.add(new Bar(x0 + s * barWidth, y, barWidth - 2, h, s, (v != null) ? format(v, unit) : none,
						rows.get(c), columns.get(s), y - 4));
			}
			labels.add(new Label(x0 + (groupWidth - 12) / 2, HEIGHT - BOTTOM + 16, categories.get(c)));
		}
		return new Chart(id, title, description, series, bars, labels, width, HEIGHT, unit);
	}

	static String format(double v, String unit) {
		String number = (v == Math.rint(v)) ? String.valueOf((long) v) : String.format("%.0f", v);
		return "%".equals(unit) ? number + "%" : number;
	}

	public int baseline() {
		return HEIGHT - BOTTOM;
	}

}
