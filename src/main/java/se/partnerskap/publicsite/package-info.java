/**
 * The public site: the home page, the programme page with its editable sections and their editing by
 * communicators, the directory of funded projects, the maps of Sweden and of the partner countries, and the
 * sitemap of the whole public site. It offers nothing to the other modules: everything is in {@code internal}.
 */
package se.partnerskap.publicsite;
