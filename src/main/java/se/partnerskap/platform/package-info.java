/**
 * Runs the platform: the database (a configured server, or an embedded PostgreSQL with a data
 * directory that survives restarts), the clock, and the demo's local mail catcher.
 */
package se.partnerskap.platform;
