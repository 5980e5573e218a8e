/** The audit log: every change of state, with who did it, when and what. */
package se.partnerskap.audit;
