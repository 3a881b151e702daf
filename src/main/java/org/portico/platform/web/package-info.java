/**
 * The page shell shared by every module: friendly error pages and the sections of the
 * navigation.
 */
package org.portico.platform.web;
