/**
 * Platform services the host implements and the admin UI calls: staff users and login, the
 * audit log, plugin state and settings, event dead letters. Also who an actor is and what roles
 * may do.
 */
package io.loyaltyhub.api.platform;
