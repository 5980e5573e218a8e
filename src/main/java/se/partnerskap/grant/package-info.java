/**
 * Grants: the funded partnerships (a granted partnership or project of a round: the Swedish party, its
 * foreign partner organisations with their countries, the theme, the core areas, the amount granted
 * in whole kronor, the period and whether it is active or completed). Agreements, payments and
 * reports of funded projects are built on {@link se.partnerskap.grant.FundedPartnerships} later.
 */
package se.partnerskap.grant;
