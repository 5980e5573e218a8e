/**
 * The public site: the home page, the programme page with its editable sections and their editing by
 * communicators, the directory of funded projects, and the maps of Sweden and of the partner countries.
 */
package se.partnerskap.publicsite;
