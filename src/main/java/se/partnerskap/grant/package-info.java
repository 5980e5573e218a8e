/**
 * Grants: the funded partnerships (a granted partnership or project of a round: the Swedish party, its
 * foreign partner organisations with their countries, the theme, the core areas, the amount granted
 * in whole kronor, the period and whether it is active or completed) and the follow-up of the projects
 * granted through the portal ({@link se.partnerskap.grant.Projects}): approved budget, contacts,
 * agreement, payments, reports and change requests, for the grantees and the case officers.
 */
package se.partnerskap.grant;
