/**
 * Fast loading of many rows: COPY on PostgreSQL, JDBC batches elsewhere.
 */
package org.portico.platform.bulk;
