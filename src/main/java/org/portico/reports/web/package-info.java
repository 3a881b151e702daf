/**
 * The report pages, their charts and their CSV and PDF exports, and the plan staff's
 * refresh page.
 */
package org.portico.reports.web;
