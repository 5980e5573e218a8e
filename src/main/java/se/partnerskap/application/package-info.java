/**
 * Applications: drafts with their sections (autosaved, versioned per section, conflicts kept),
 * attachments, and what a member of the applying organisation may see. Submission builds on this.
 */
package se.partnerskap.application;
