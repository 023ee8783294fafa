package io.loyaltyhub.api.platform;

import java.util.List;

/** Reads the audit log, newest first. Entries are written by the changes themselves (see Tx). */
public interface AuditLog {
    List<AuditEntry> search(AuditQuery query);
}
