/**
 * Reference data: the 290 Swedish municipalities and 21 regions with their SCB codes, the partner
 * countries, and the organisations that take part (Swedish applicants and foreign partners).
 */
package se.partnerskap.registry;
