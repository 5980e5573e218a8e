/**
 * Programmes and their rules: core areas, the yearly application windows, partner countries and
 * rounds. Answers "is a round open now, and when is the next one?" in Stockholm time.
 */
package se.partnerskap.programme;
