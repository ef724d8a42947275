/**
 * The tamper-evident audit log: every create, update and delete of an aggregate saved through a
 * repository, every batch of data values, every approval step and every sign-in is appended, in the
 * transaction of the change, to an append-only log with gap-free sequence numbers. Entries are
 * hashed as the leaves of an RFC 6962 Merkle tree whose head is signed with an Ed25519 key kept
 * outside the database, periodically and on demand; {@code java -jar bluehelm.jar audit verify}
 * recomputes every hash and signature and reports edited, deleted, reordered or truncated entries.
 * Administrators read the trail of a record on the audit screen and through the API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "measurement", "cli", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.audit;
