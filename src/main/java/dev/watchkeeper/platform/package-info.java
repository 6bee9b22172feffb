/**
 * The ground every module stands on: the configuration hierarchy and its start-up
 * validation, the embedded or external PostgreSQL, JSON logging with request and trace
 * ids, health and metrics endpoints, RFC 9457 problem responses, pagination, the
 * injectable {@link java.time.Clock} and the request origin that the audit trail records.
 * Open to every module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.watchkeeper.platform;
