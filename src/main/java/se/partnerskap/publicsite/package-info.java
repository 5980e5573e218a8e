/**
 * The public site: the home page, the programme page with its editable sections, and the editing of
 * those sections by communicators.
 */
package se.partnerskap.publicsite;
