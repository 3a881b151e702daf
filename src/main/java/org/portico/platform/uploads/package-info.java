/**
 * Checks for uploaded attachments, shared by every module that takes files: size, count,
 * type from the bytes and a virus scan by ClamAV's {@code clamd}.
 */
package org.portico.platform.uploads;
