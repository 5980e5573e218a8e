/** Users, their roles and organisations, login (form and OpenID Connect), invitations and password reset. */
package se.partnerskap.identity;
