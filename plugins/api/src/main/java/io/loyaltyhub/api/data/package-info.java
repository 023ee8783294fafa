/**
 * Database transactions for plugins: one JPA {@link jakarta.persistence.EntityManager} per
 * transaction, with the outbox and the audit log written in the same commit.
 */
package io.loyaltyhub.api.data;
