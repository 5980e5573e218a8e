/**
 * Assessment: case officers check eligibility, assign reviewers, rank and decide a round's applications
 * within its budget; reviewers declare conflicts of interest and score the applications assigned to them.
 */
package se.partnerskap.assessment;
