/**
 * Demo data: on start-up with {@code partnerskap.demo=true}, loads once per database the past rounds,
 * grantees, named partnerships and contact persons of the programme's public pages (a copy of
 * {@code seed-announcements.yaml} in {@code classpath:demo/}), with invented per-grantee amounts that
 * are marked as such ({@code classpath:demo/demo-figures.yaml} says what is invented). The real
 * contact persons become page content only: never logins, never recipients of mail.
 */
package se.partnerskap.demo;
