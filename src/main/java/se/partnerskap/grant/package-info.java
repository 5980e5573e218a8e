/**
 * Grants: the funded partnerships (a granted partnership or project of a round: the Swedish party, its
 * foreign partner organisations with their countries, the theme, the core areas, the amount granted
 * in whole kronor, the period and whether it is active or completed) and the follow-up of the projects
 * granted through the portal ({@link se.partnerskap.grant.Projects}): approved budget, contacts,
 * agreement, payments, reports and change requests, for the grantees and the case officers.
 *
 * <p>One name across modules: a <em>funded partnership</em> ({@link se.partnerskap.grant.FundedPartnership}) is
 * any partnership the programme has granted, also the historical ones imported with the registry; it is what the
 * public site lists as a "project" (/projekt, /en/projects) and what assessment creates when a round's decisions
 * are published. A <em>project</em> ({@link se.partnerskap.grant.Projects}) is a funded partnership granted
 * through the portal, with its follow-up here. A <em>personal grant</em> ({@link se.partnerskap.grant.PersonalGrants})
 * is a grant to a person (the fieldwork grant), which is no partnership: it is accepted, paid as a lump sum and
 * reported on by a field report and the thesis. There is no fourth word: "grant", "grantee project" or "granted
 * application" in code or texts means one of these three.
 */
package se.partnerskap.grant;
