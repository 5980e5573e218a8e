/**
 * The shared kernel: the few value types every module uses (money in SEK, Stockholm time, language,
 * what an e-mail address must look like, SHA-256 as hex).
 * Nothing here knows about any module.
 */
package se.partnerskap.shared;
