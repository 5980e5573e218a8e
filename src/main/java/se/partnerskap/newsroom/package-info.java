/**
 * The newsroom: press releases, blog posts, articles, events, portraits, publications and pages in
 * Swedish and English, their public pages, search, feeds and e-mail subscriptions, and the
 * communicators' editing with revisions and scheduled publishing.
 */
package se.partnerskap.newsroom;
