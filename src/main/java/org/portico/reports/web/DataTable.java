package org.portico.reports.web;

import java.util.List;

/**
 * A report's table as words and numbers, already formatted: the page, the CSV and the PDF
 * all print this same table, so that they cannot disagree.
 *
 * @param id the table's id in the page
 * @param caption what it shows
 * @param headers the column headings
 * @param rows the rows; the first cell of each is its row heading
 */
public record DataTable(String id, String caption, List<String> headers, List<List<String>> rows) {
}
