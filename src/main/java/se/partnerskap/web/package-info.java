/**
 * The web shell shared by every page: JTE rendering, the two languages and their paths, the layout's
 * page context, security headers and the translated error pages.
 */
package se.partnerskap.web;
