/**
 * The audit log: who approved, retracted, retried, reconciled or overrode what, and when. Entries
 * are written from the other modules' events inside the transaction of the act itself, and are
 * never changed (the database refuses it). Read through {@link AuditLog}.
 */
@NullMarked
package cn.college.disclosure.core.audit;

import org.jspecify.annotations.NullMarked;
