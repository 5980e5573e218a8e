/**
 * E-mail: sends messages through any SMTP server, and in demo mode runs a local mail catcher
 * (GreenMail) whose inbox the demo shows, so no real SMTP server is needed and nobody real is mailed.
 */
package se.partnerskap.notification;
